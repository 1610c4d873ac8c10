import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { loadCase, refreshCaseSummaries } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { assertVersion } from '../lib/versioned';

/** The columns every entry of a case file has. */
type EntryColumns = {
  id: PgColumn;
  organisationId: PgColumn;
  clientId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
};
type EntryRow = {
  id: string;
  organisationId: string;
  clientId: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
};

/**
 * One kind of entry in a case file (a qualification, a procedure, a next step, …). Every kind is
 * created, changed and removed the same way: through the case's access check, with optimistic
 * locking and an audit entry naming the person.
 */
export interface EntryKind<Item> {
  name: string;
  table: PgTable & EntryColumns;
  /** The presented entries of a case (or one of them). */
  load(db: Db, clientId: string, id?: string): Promise<Item[]>;
  /** Database values from a validated body; `existing` is set on update. */
  prepare(
    body: Record<string, unknown>,
    existing: Record<string, unknown> | null,
    actor: Actor,
  ): Record<string, unknown>;
  /**
   * Refuses references to rows of another case or organisation, and fills in what follows from
   * them and the body left open (`existing` is set on update).
   */
  checkReferences?(
    db: Db,
    actor: Actor,
    clientId: string,
    values: Record<string, unknown>,
    existing: Record<string, unknown> | null,
  ): Promise<void>;
  /** Keeps the case's summary columns in step (next due step, German level). */
  summarises?: boolean;
}

async function loadEntry(
  db: Db,
  kind: EntryKind<unknown>,
  clientId: string,
  id: string,
): Promise<EntryRow & Record<string, unknown>> {
  const [row] = (await db
    .select()
    .from(kind.table as PgTable)
    .where(and(eq(kind.table.id, id), eq(kind.table.clientId, clientId)))) as (EntryRow &
    Record<string, unknown>)[];
  if (!row) throw notFound(kind.name);
  return row;
}

export function entryService<Item>(kind: EntryKind<Item>) {
  return {
    async create(
      ctx: AppContext,
      actor: Actor,
      clientId: string,
      body: Record<string, unknown>,
    ): Promise<Item> {
      const id = await ctx.db.transaction(async (tx) => {
        await loadCase(tx, actor, clientId);
        const values = kind.prepare(body, null, actor);
        await kind.checkReferences?.(tx, actor, clientId, values, null);
        const created = firstRow(
          (await tx
            .insert(kind.table)
            .values({
              ...values,
              organisationId: actor.organisationId,
              clientId,
              createdBy: actor.userId,
              updatedBy: actor.userId,
            } as never)
            .returning({ id: kind.table.id })) as { id: string }[],
          `the new ${kind.name}`,
        );
        await audit(tx, actor, {
          action: 'client.entry_added',
          entityType: kind.name,
          entityId: created.id,
          subjectClientId: clientId,
        });
        await touchCase(tx, actor, clientId, kind as EntryKind<unknown>);
        return created.id;
      });
      return firstRow(await kind.load(ctx.db, clientId, id), `the saved ${kind.name}`);
    },

    async update(
      ctx: AppContext,
      actor: Actor,
      clientId: string,
      id: string,
      body: Record<string, unknown> & { version: number },
    ) {
      const { version, ...changes } = body;
      await ctx.db.transaction(async (tx) => {
        await loadCase(tx, actor, clientId);
        const existing = await loadEntry(tx, kind as EntryKind<unknown>, clientId, id);
        await assertVersion(tx, existing, version);
        const values = kind.prepare(changes, existing, actor);
        await kind.checkReferences?.(tx, actor, clientId, values, existing);
        const saved = await tx
          .update(kind.table)
          .set({
            ...values,
            updatedAt: new Date(),
            updatedBy: actor.userId,
            version: sql`${kind.table.version} + 1`,
          } as never)
          .where(and(eq(kind.table.id, id), eq(kind.table.version, version)))
          .returning({ id: kind.table.id });
        if (saved.length === 0) throw new AppError('version_conflict', 'Changed by someone else just now');
        await audit(tx, actor, {
          action: 'client.entry_changed',
          entityType: kind.name,
          entityId: id,
          subjectClientId: clientId,
          details: { fields: Object.keys(changes) },
        });
        await touchCase(tx, actor, clientId, kind as EntryKind<unknown>);
      });
      return firstRow(await kind.load(ctx.db, clientId, id), `the saved ${kind.name}`);
    },

    async remove(ctx: AppContext, actor: Actor, clientId: string, id: string) {
      await ctx.db.transaction(async (tx) => {
        await loadCase(tx, actor, clientId);
        await loadEntry(tx, kind as EntryKind<unknown>, clientId, id);
        await tx.delete(kind.table).where(and(eq(kind.table.id, id), eq(kind.table.clientId, clientId)));
        await audit(tx, actor, {
          action: 'client.entry_removed',
          entityType: kind.name,
          entityId: id,
          subjectClientId: clientId,
        });
        await touchCase(tx, actor, clientId, kind as EntryKind<unknown>);
      });
    },
  };
}

/** A change anywhere in the case file counts as activity on the case (list sort "last changed"). */
async function touchCase(tx: Db, actor: Actor, clientId: string, kind: EntryKind<unknown>) {
  await tx.execute(
    sql`UPDATE clients SET updated_at = now() WHERE id = ${clientId} AND organisation_id = ${actor.organisationId}`,
  );
  if (kind.summarises) await refreshCaseSummaries(tx, [clientId]);
}

/**
 * Whether the body gave a value for the key. On create the schema turns a missing optional value
 * into null, so null there means "not given"; on update a null given clears the value.
 */
export function gives(values: Record<string, unknown>, key: string, existing: unknown): boolean {
  return values[key] !== undefined && (existing !== null || values[key] !== null);
}

/** Keeps only the keys present in the body (an update changes only what it names). */
export function pick(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in body && body[k] !== undefined) out[k] = body[k];
  return out;
}
