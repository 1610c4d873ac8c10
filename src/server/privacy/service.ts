import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type ClassEnd,
  defaultRetention,
  type noticesQuery,
  type PrivacySettings,
  type PrivacySettingsBody,
  type proofsQuery,
  type RetentionClass,
  type RetentionRule,
  retentionClasses,
} from '../../contracts/privacy';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  clients,
  deletionProofs,
  privacySettings,
  retentionNotices,
  retentionRules,
  users,
} from '../db/schema';
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

/** The deletion list for the dpo: case number and owner (no content), the rule, the day it goes. */
export async function listNotices(ctx: AppContext, actor: Actor, q: z.infer<typeof noticesQuery>) {
  assertCan(actor, 'privacy.manage');
  const states = q.state ? [q.state] : ['announced', 'files'];
  const where = and(
    eq(retentionNotices.organisationId, actor.organisationId),
    inArray(retentionNotices.state, states),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        n: retentionNotices,
        caseCode: clients.caseCode,
        owner: users.name,
        held: sql<boolean>`${clients.legalHoldSince} IS NOT NULL`,
      })
      .from(retentionNotices)
      .innerJoin(clients, eq(clients.id, retentionNotices.clientId))
      .innerJoin(users, eq(users.id, clients.ownerId))
      .where(where)
      .orderBy(asc(retentionNotices.deleteAfter), asc(retentionNotices.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(retentionNotices).where(where),
  ]);
  await audit(ctx.db, actor, {
    action: 'privacy.workspace_read',
    entityType: 'retention_notices',
    details: { state: q.state ?? null, shown: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.n.id,
      clientId: r.n.clientId,
      caseCode: r.caseCode,
      owner: r.owner,
      retentionEndedOn: r.n.retentionEndedOn,
      classes: ((r.n.rule as { classes?: ClassEnd[] }).classes ?? []) as ClassEnd[],
      announcedAt: r.n.announcedAt.toISOString(),
      deleteAfter: r.n.deleteAfter.toISOString(),
      state: r.n.state as 'announced',
      legalHold: r.held,
    })),
    total: total?.n ?? 0,
    limit: q.limit,
    offset: q.offset,
  };
}

/** The proofs of deletion, newest first, optionally within a period (of the deletion day). */
export async function listProofs(ctx: AppContext, actor: Actor, q: z.infer<typeof proofsQuery>) {
  assertCan(actor, 'privacy.manage');
  const where = and(
    eq(deletionProofs.organisationId, actor.organisationId),
    q.from ? sql`${deletionProofs.deletedAt} >= ${q.from}::date` : undefined,
    q.to ? sql`${deletionProofs.deletedAt} < ${q.to}::date + 1` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(deletionProofs)
      .where(where)
      .orderBy(desc(deletionProofs.deletedAt), asc(deletionProofs.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(deletionProofs).where(where),
  ]);
  return {
    items: rows.map((p) => ({
      id: p.id,
      pseudonym: p.pseudonym,
      reason: p.reason as 'retention',
      classes: p.classes,
      rule: p.rule,
      counts: p.counts,
      announcedAt: p.announcedAt?.toISOString() ?? null,
      deletedAt: p.deletedAt.toISOString(),
    })),
    total: total?.n ?? 0,
    limit: q.limit,
    offset: q.offset,
  };
}
