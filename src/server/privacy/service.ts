import { eq } from 'drizzle-orm';
import {
  defaultRetention,
  type PrivacySettings,
  type PrivacySettingsBody,
  type RetentionClass,
  type RetentionRule,
  retentionClasses,
} from '../../contracts/privacy';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { privacySettings, retentionRules } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { assertVersion } from '../lib/versioned';

/** The organisation's retention rules: its own where set, the defaults (DOMAIN.md) for the rest. */
export async function rulesOf(
  db: Db,
  organisationId: string,
): Promise<Record<RetentionClass, RetentionRule>> {
  const rows = await db
    .select()
    .from(retentionRules)
    .where(eq(retentionRules.organisationId, organisationId));
  const rules = { ...defaultRetention };
  for (const r of rows)
    if ((retentionClasses as readonly string[]).includes(r.class))
      rules[r.class as RetentionClass] = {
        months: r.months,
        startEvent: r.startEvent as RetentionRule['startEvent'],
      };
  return rules;
}

/** The settings row of an organisation; one with the defaults until someone saves. */
export async function settingsRowOf(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(privacySettings)
    .where(eq(privacySettings.organisationId, organisationId));
  return (
    row ?? {
      organisationId,
      framework: 'gdpr',
      esfLastPaymentOn: null,
      noticeDays: 14,
      controller: null,
      dpoContact: null,
      version: 0,
      updatedAt: new Date(0),
      updatedBy: null,
    }
  );
}

export async function getPrivacySettings(ctx: AppContext, actor: Actor): Promise<PrivacySettings> {
  assertCan(actor, 'privacy.retention');
  const [row, rules] = await Promise.all([
    settingsRowOf(ctx.db, actor.organisationId),
    rulesOf(ctx.db, actor.organisationId),
  ]);
  return {
    framework: row.framework as PrivacySettings['framework'],
    esfLastPaymentOn: row.esfLastPaymentOn,
    noticeDays: row.noticeDays,
    controller: row.controller,
    dpoContact: row.dpoContact,
    rules: retentionClasses.map((c) => ({ class: c, ...rules[c] })),
    version: row.version,
  };
}

/** Saves the settings and the rules (a rule equal to the default is stored all the same: it was decided). */
export async function updatePrivacySettings(ctx: AppContext, actor: Actor, body: PrivacySettingsBody) {
  assertCan(actor, 'privacy.retention');
  await ctx.db.transaction(async (tx) => {
    const current = await settingsRowOf(tx, actor.organisationId);
    await assertVersion(tx, current, body.version);
    const values = {
      framework: body.framework,
      esfLastPaymentOn: body.esfLastPaymentOn,
      noticeDays: body.noticeDays,
      controller: body.controller,
      dpoContact: body.dpoContact,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    if (current.version === 0)
      await tx
        .insert(privacySettings)
        .values({ organisationId: actor.organisationId, createdBy: actor.userId, ...values });
    else
      await tx
        .update(privacySettings)
        .set({ ...values, version: current.version + 1 })
        .where(eq(privacySettings.organisationId, actor.organisationId));
    for (const r of body.rules)
      await tx
        .insert(retentionRules)
        .values({
          organisationId: actor.organisationId,
          class: r.class,
          months: r.months,
          startEvent: r.startEvent,
        })
        .onConflictDoUpdate({
          target: [retentionRules.organisationId, retentionRules.class],
          set: { months: r.months, startEvent: r.startEvent, updatedBy: actor.userId, updatedAt: new Date() },
        });
    await audit(tx, actor, {
      action: 'privacy.settings_changed',
      entityType: 'organisation',
      entityId: actor.organisationId,
      details: { framework: body.framework, noticeDays: body.noticeDays, rules: body.rules },
    });
  });
  return getPrivacySettings(ctx, actor);
}
