import { count, desc, eq, sql } from 'drizzle-orm';
import type { UpdateOrganisationBody } from '../../contracts/organisation';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { organisations, outbox, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditSystem } from '../lib/audit';
import { AppError, notFound, versionConflict } from '../lib/errors';
import { firstRow } from '../lib/required';
import { invalidateSessions } from '../lib/sessions';
import { nameOf } from '../users/service';
import { presentOutboxMessage, presentSettings } from './present';

/** Lotse needs set-up while no organisation exists. */
export async function setupNeeded(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

export interface NewOrganisation {
  organisationName: string;
  adminName: string;
  email: string;
  /** Null creates the admin as invited, to set a password through a link. */
  passwordHash: string | null;
  language?: 'de' | 'en';
}

/**
 * Creates an organisation and its first admin inside the caller's transaction.
 * `onlyIfFirst` makes it the first-run set-up, refused once any organisation exists.
 */
export async function createOrganisationWithAdmin(
  tx: Db,
  input: NewOrganisation,
  options: { onlyIfFirst: boolean; ip: string | null },
) {
  if (options.onlyIfFirst) {
    // Two browsers finishing set-up at once: the advisory lock makes the second see the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7310102)`);
    const [row] = await tx.select({ n: count() }).from(organisations);
    if ((row?.n ?? 0) > 0) throw new AppError('already_set_up', 'Lotse is already set up; please log in');
  }
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) {
    throw new AppError('email_taken', 'This e-mail address already has an account', {
      fields: [{ path: 'email', message: 'already has an account' }],
    });
  }
  const org = firstRow(
    await tx.insert(organisations).values({ name: input.organisationName }).returning(),
    'the new organisation',
  );
  const admin = firstRow(
    await tx
      .insert(users)
      .values({
        organisationId: org.id,
        email: input.email,
        name: input.adminName,
        roles: ['admin'],
        language: input.language ?? 'de',
        status: input.passwordHash ? 'active' : 'invited',
        passwordHash: input.passwordHash,
      })
      .returning(),
    'the new admin',
  );
  await auditSystem(
    tx,
    { organisationId: org.id, actorUserId: admin.id, ip: options.ip },
    {
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: org.id,
      details: { name: org.name },
    },
  );
  return { org, admin };
}

export async function getOrganisationSettings(
  ctx: AppContext,
  actor: Actor,
  opts: { skipPermission?: boolean } = {},
) {
  if (!opts.skipPermission) assertCan(actor, 'organisation.manage');
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, actor.organisationId));
  if (!org) throw notFound('organisation');
  return presentSettings(org);
}

export async function updateOrganisationSettings(
  ctx: AppContext,
  actor: Actor,
  body: UpdateOrganisationBody,
) {
  assertCan(actor, 'organisation.manage');
  const { version, ...changes } = body;
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organisations)
      .set({
        ...changes,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${organisations.version} + 1`,
      })
      .where(sql`${organisations.id} = ${actor.organisationId} AND ${organisations.version} = ${version}`)
      .returning();
    if (!updated) {
      const [current] = await tx
        .select()
        .from(organisations)
        .where(eq(organisations.id, actor.organisationId));
      if (!current) throw notFound('organisation');
      throw versionConflict({
        version: current.version,
        updatedAt: current.updatedAt,
        updatedBy: await nameOf(tx, current.updatedBy),
      });
    }
    await invalidateSessions(ctx, tx, { organisationId: updated.id });
    await audit(tx, actor, {
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: updated.id,
      details: { changed: Object.keys(changes) },
    });
    return presentSettings(updated);
  });
}

export async function listOutbox(ctx: AppContext, actor: Actor, page: { limit: number; offset: number }) {
  assertCan(actor, 'outbox.read');
  const where = eq(outbox.organisationId, actor.organisationId);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(outbox).where(where),
  ]);
  return {
    items: rows.map(presentOutboxMessage),
    total: total?.n ?? 0,
    ...page,
  };
}
