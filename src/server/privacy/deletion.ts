import fs from 'node:fs/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { todayInGermany } from '../../contracts/common';
import { type ClassEnd, defaultRetention, type RetentionRunResult } from '../../contracts/privacy';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import { deletionProofs, organisations, retentionNotices } from '../db/schema';
import { documentFile } from '../documents/service';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { type AuditInput, auditMany, removeAuditEntries } from '../lib/audit';
import { pseudonymOf } from '../reports/service';
import { type CaseRetention, retentionOf } from './retention';
import { rulesOf, settingsRowOf } from './service';

/**
 * The deletion job (daily, and "run now" for the dpo). For each organisation:
 * 1. finishes what a crash left: notices in state `files` (the database part is done, files remain);
 * 2. announces the closed cases whose retention has run out, for the dpo to see `noticeDays` long
 *    (a legal hold or a restriction keeps a case off the list; one placed later withdraws it);
 * 3. anonymises the announced cases whose notice has run out, in batches: one transaction per batch
 *    does the whole database part of each of its cases — so a crash leaves every person either
 *    untouched or anonymised, never half — and lists the files to remove; removing them follows;
 * 4. removes audit entries past the audit class's period.
 * Batches are sized to take about `batchMs` each: on the embedded database a transaction holds
 * the only connection, and other requests wait for it; on PostgreSQL it locks only its cases.
 */
export interface RetentionOptions {
  now?: Date;
  organisationId?: string;
  /** Target time of one batch's transaction (ms): 120 on PGlite, 1,000 on PostgreSQL unless given. */
  batchMs?: number;
  /** Test hooks: called inside a batch's transaction before it commits, and after it committed. */
  hooks?: { inBatch?(): void | Promise<void>; afterCommit?(): void | Promise<void> };
}

const SLICE = 2000;

export async function runRetention(
  ctx: AppContext,
  options: RetentionOptions = {},
): Promise<RetentionRunResult> {
  const now = options.now ?? new Date();
  const result: RetentionRunResult = {
    announced: 0,
    withdrawn: 0,
    anonymised: 0,
    filesRemoved: 0,
    finishedFromEarlierRun: 0,
    auditEntriesExpired: 0,
  };
  const orgs = options.organisationId
    ? [{ id: options.organisationId }]
    : await ctx.db.select({ id: organisations.id }).from(organisations);
  for (const { id } of orgs) {
    const finished = await finishFiles(ctx, id);
    result.finishedFromEarlierRun += finished.notices;
    result.filesRemoved += finished.files;
    const { announced, withdrawn } = await announce(ctx, id, now);
    result.announced += announced;
    result.withdrawn += withdrawn;
    const done = await anonymiseDue(ctx, id, now, options);
    result.anonymised += done.anonymised;
    result.filesRemoved += done.files;
    result.withdrawn += done.withdrawn;
    result.auditEntriesExpired += await expireAudit(ctx, id, now);
  }
  return result;
}

type Policy = Awaited<ReturnType<typeof policyOf>>;
async function policyOf(db: Db, organisationId: string) {
  const [rules, settings] = await Promise.all([
    rulesOf(db, organisationId),
    settingsRowOf(db, organisationId),
  ]);
  return { rules, settings };
}

const idsIn = (column: string, ids: readonly string[]) =>
  sql`${sql.raw(column)} IN (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

/** Step 2: announce what ran out, withdraw notices whose case is kept after all. */
async function announce(ctx: AppContext, organisationId: string, now: Date) {
  const policy = await policyOf(ctx.db, organisationId);
  const today = todayInGermany(now);
  let announced = 0;
  let withdrawn = 0;
  // Slices of the organisation's closed cases by id: each statement stays short.
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const slice = await queryRows<{ id: string }>(
      ctx.db,
      sql`SELECT id FROM clients WHERE organisation_id = ${organisationId}::uuid AND closed_at IS NOT NULL
            AND anonymised_at IS NULL AND id > ${after}::uuid ORDER BY id LIMIT ${SLICE}`,
    );
    if (slice.length === 0) break;
    after = slice[slice.length - 1]?.id ?? after;
    const ids = slice.map((r) => r.id);
    const cases = await retentionOf(
      ctx.db,
      organisationId,
      policy.rules,
      policy.settings.esfLastPaymentOn,
      idsIn('c.id', ids),
    );
    const open = await ctx.db
      .select({ id: retentionNotices.id, clientId: retentionNotices.clientId })
      .from(retentionNotices)
      .where(and(inArray(retentionNotices.clientId, ids), eq(retentionNotices.state, 'announced')));
    const noticed = new Map(open.map((n) => [n.clientId, n.id]));
    const due = (c: CaseRetention) => c.endsOn <= today && !c.held && !c.restricted;
    const fresh = cases.filter((c) => due(c) && !noticed.has(c.clientId));
    const kept = cases.filter((c) => !due(c) && noticed.has(c.clientId));
    // A notice whose case is gone from the slice (reopened) is withdrawn too.
    const closedIds = new Set(cases.map((c) => c.clientId));
    const reopened = open.filter((n) => !closedIds.has(n.clientId)).map((n) => n.clientId);
    await ctx.db.transaction(async (tx) => {
      if (fresh.length > 0)
        await tx.insert(retentionNotices).values(
          fresh.map((c) => ({
            organisationId,
            clientId: c.clientId,
            retentionEndedOn: c.endsOn,
            rule: { classes: c.classes } as Record<string, unknown>,
            announcedAt: now,
            deleteAfter: addDays(now, policy.settings.noticeDays),
          })),
        );
      const withdraw = [...kept.map((c) => c.clientId), ...reopened];
      if (withdraw.length > 0)
        await tx
          .update(retentionNotices)
          .set({ state: 'withdrawn', finishedAt: now })
          .where(and(inArray(retentionNotices.clientId, withdraw), eq(retentionNotices.state, 'announced')));
      await auditMany(tx, { organisationId, actorUserId: null, ip: null }, [
        ...fresh.map(
          (c): AuditInput => ({
            action: 'privacy.retention_announced',
            entityType: 'client',
            entityId: c.clientId,
            subjectClientId: c.clientId,
            details: { endsOn: c.endsOn, classes: c.classes.map((x) => x.class) },
          }),
        ),
        ...withdraw.map(
          (clientId): AuditInput => ({
            action: 'privacy.retention_withdrawn',
            entityType: 'client',
            entityId: clientId,
            subjectClientId: clientId,
          }),
        ),
      ]);
    });
    announced += fresh.length;
    withdrawn += kept.length + reopened.length;
    if (slice.length < SLICE) break;
  }
  return { announced, withdrawn };
}

/** Step 3: the announced cases whose notice ran out, in batches sized to `batchMs`. */
async function anonymiseDue(ctx: AppContext, organisationId: string, now: Date, options: RetentionOptions) {
  const policy = await policyOf(ctx.db, organisationId);
  // On PGlite a transaction holds the one connection, so batches stay short; on PostgreSQL it locks
  // only its own cases' rows, and larger batches spend less on the round trips.
  const target = options.batchMs ?? (ctx.databaseKind === 'pglite' ? 120 : 1000);
  let size = 10;
  const total = { anonymised: 0, files: 0, withdrawn: 0 };
  for (;;) {
    const started = performance.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const notices = await queryRows<{ id: string; client_id: string; announced_at: string; rule: unknown }>(
        tx,
        sql`SELECT id, client_id, announced_at, rule FROM retention_notices
            WHERE organisation_id = ${organisationId}::uuid AND state = 'announced' AND delete_after <= ${now.toISOString()}::timestamptz
            ORDER BY delete_after, id LIMIT ${size} FOR UPDATE SKIP LOCKED`,
      );
      if (notices.length === 0) return null;
      // Checked again inside the transaction: a hold placed or a contact made since the notice keeps the case.
      const today = todayInGermany(now);
      const cases = await retentionOf(
        tx,
        organisationId,
        policy.rules,
        policy.settings.esfLastPaymentOn,
        idsIn(
          'c.id',
          notices.map((n) => n.client_id),
        ),
      );
      const stillDue = new Map(
        cases.filter((c) => c.endsOn <= today && !c.held && !c.restricted).map((c) => [c.clientId, c]),
      );
      const go = notices.filter((n) => stillDue.has(n.client_id));
      const stay = notices.filter((n) => !stillDue.has(n.client_id));
      if (stay.length > 0)
        await tx
          .update(retentionNotices)
          .set({ state: 'withdrawn', finishedAt: now })
          .where(
            inArray(
              retentionNotices.id,
              stay.map((n) => n.id),
            ),
          );
      const files =
        go.length > 0
          ? await anonymise(tx, ctx, organisationId, {
              reason: 'retention',
              now,
              cases: go.map((n) => ({
                clientId: n.client_id,
                noticeId: n.id,
                announcedAt: new Date(n.announced_at),
                classes: stillDue.get(n.client_id)?.classes ?? [],
                requestId: null,
                by: null,
              })),
            })
          : 0;
      await options.hooks?.inBatch?.();
      return { anonymised: go.length, withdrawn: stay.length, files };
    });
    if (!batch) break;
    await options.hooks?.afterCommit?.();
    total.anonymised += batch.anonymised;
    total.withdrawn += batch.withdrawn;
    total.files += (await finishFiles(ctx, organisationId)).files;
    // Aim the next batch at the target time, within 1 … 500 cases.
    const took = performance.now() - started;
    size = Math.max(1, Math.min(500, Math.round((size * target) / Math.max(took, 1))));
  }
  return total;
}

export interface CaseToAnonymise {
  clientId: string;
  /** The notice of the job (null for an erasure, which has none). */
  noticeId: string | null;
  announcedAt: Date | null;
  classes: ClassEnd[];
  requestId: string | null;
  by: string | null;
}

/** The tables whose rows about a case are removed, counted in the proof. */
const removedTables = [
  'residence_statuses',
  'work_experience',
  'language_skills',
  'objectives',
  'next_steps',
  'documents',
  'consents',
  'disclosures',
  'notifications',
] as const;
/** The tables whose rows stay for the reports with their free text and names gone. */
const keptTables = [
  'qualifications',
  'recognition_procedures',
  'contacts',
  'client_measures',
  'client_opportunities',
  'conference_nominations',
  'commitments',
  'case_transitions',
] as const;

/**
 * The database part of anonymising cases, inside the caller's transaction: what the funder
 * reports count stays (gender, age at intake, citizenship and country of birth, district,
 * qualifications' kind and reference occupation, procedures' dates and outcomes, contacts' dates
 * and kinds, measures, stages, exit results); names, contact data, free text, documents, consents,
 * disclosures and the case's audit entries go. The birth date becomes the day of intake so many
 * years back as the person was old then: the age groups of every report stay as they were.
 * Writes a proof per case and returns how many files are to be removed (the notices list them).
 */
export async function anonymise(
  tx: Db,
  ctx: AppContext,
  organisationId: string,
  job: { reason: 'retention' | 'erasure'; now: Date; cases: CaseToAnonymise[] },
): Promise<number> {
  const ids = job.cases.map((c) => c.clientId);
  const counted = await queryRows<{ client_id: string; kind: string; n: number }>(
    tx,
    sql.join(
      [...removedTables, ...keptTables].map(
        (t) =>
          sql`SELECT client_id, ${t} AS kind, count(*)::int AS n FROM ${sql.raw(t)} WHERE ${idsIn('client_id', ids)} GROUP BY client_id`,
      ),
      sql` UNION ALL `,
    ),
  );
  const files = await queryRows<{ client_id: string; storage_key: string }>(
    tx,
    sql`SELECT client_id, storage_key FROM documents WHERE ${idsIn('client_id', ids)}`,
  );
  const nominations = sql`SELECT id FROM conference_nominations WHERE ${idsIn('client_id', ids)}`;
  const pseudonyms = new Map(ids.map((id) => [id, pseudonymOf(ctx, id)]));
  const codes = sql.join(
    ids.map((id) => sql`(${id}::uuid, ${`anon-${pseudonyms.get(id)}`})`),
    sql`, `,
  );
  await tx.execute(sql`UPDATE clients SET given_names = '', family_name = '', given_names_original = NULL,
      family_name_original = NULL,
      birth_date = (intake_date - make_interval(years => date_part('year', age(intake_date, birth_date))::int))::date,
      arrival_date = date_trunc('year', arrival_date)::date,
      languages = '{}', email = NULL, phone = NULL, street = NULL, postcode = NULL, city = NULL,
      jobcentre_customer_number = NULL, current_employer = NULL, notes = NULL,
      search_text = '', family_key = '', given_key = '', next_step_due = NULL,
      legal_hold_reason = NULL, legal_hold_since = NULL, legal_hold_by = NULL, restricted_since = NULL, restricted_by = NULL,
      case_code = v.code, anonymised_at = ${job.now.toISOString()}::timestamptz,
      updated_at = ${job.now.toISOString()}::timestamptz, updated_by = NULL, version = version + 1
    FROM (VALUES ${codes}) AS v(id, code) WHERE clients.id = v.id`);
  // Everything but the case row and the audit log in one statement (data-modifying CTEs): one
  // round trip instead of twenty keeps a batch short, which on PGlite is how long others wait.
  const where = idsIn('client_id', ids);
  const changes = [
    ...removedTables.map((t) => sql`DELETE FROM ${sql.raw(t)} WHERE ${where}`),
    sql`UPDATE conference_inputs SET text = '' WHERE nomination_id IN (${nominations})`,
    sql`UPDATE conference_entries SET text = '' WHERE nomination_id IN (${nominations})`,
    sql`UPDATE conference_minutes SET text = '' WHERE item IN (SELECT id::text FROM (${nominations}) n)`,
    sql`UPDATE qualifications SET title_original = '', title_translation = NULL, institution = NULL, field = NULL
        WHERE ${where}`,
    sql`UPDATE recognition_procedures SET extension_reason = NULL, substantial_differences = NULL,
        compensation_measure = NULL, notes = NULL,
        suspensions = (SELECT coalesce(jsonb_agg(s || '{"reason": null}'), '[]') FROM jsonb_array_elements(suspensions) s),
        checklist = (SELECT coalesce(jsonb_agg(x || '{"label": null}'), '[]') FROM jsonb_array_elements(checklist) x)
      WHERE ${where}`,
    sql`UPDATE contacts SET topic = NULL, result = NULL, summary = NULL, institution_name = NULL WHERE ${where}`,
    sql`UPDATE client_measures SET outcome_note = NULL WHERE ${where}`,
    sql`UPDATE client_opportunities SET employer_feedback = NULL WHERE ${where}`,
    sql`UPDATE conference_nominations SET question = '', brief = NULL WHERE ${where}`,
    sql`UPDATE commitments SET action = '', status_note = NULL, progress_note = NULL WHERE ${where}`,
    sql`UPDATE case_transitions SET reason = NULL WHERE ${where}`,
    sql`UPDATE data_subject_requests SET note = NULL WHERE ${where}`,
  ];
  await tx.execute(
    sql`WITH ${sql.join(
      changes.map((change, i) => sql`${sql.raw(`c${i}`)} AS (${change} RETURNING 1)`),
      sql`, `,
    )} SELECT 1`,
  );
  const audits = await queryRows<{ id: string; n: number }>(
    tx,
    sql`SELECT subject_client_id AS id, count(*)::int AS n FROM audit_log WHERE ${idsIn('subject_client_id', ids)}
        GROUP BY subject_client_id`,
  );
  await removeAuditEntries(tx, sql`${idsIn('subject_client_id', ids)} OR ${idsIn('entity_id', ids)}`);

  const countsOf = (id: string) => {
    const counts: Record<string, number> = {};
    for (const r of counted) if (r.client_id === id) counts[r.kind] = r.n;
    counts.files = files.filter((f) => f.client_id === id).length;
    counts.audit_entries = audits.find((a) => a.id === id)?.n ?? 0;
    return counts;
  };
  const proofs = await tx
    .insert(deletionProofs)
    .values(
      job.cases.map((c) => ({
        organisationId,
        pseudonym: pseudonyms.get(c.clientId) ?? '',
        reason: job.reason,
        classes: c.classes.map((x) => x.class),
        rule: { classes: c.classes } as Record<string, unknown>,
        counts: countsOf(c.clientId),
        announcedAt: c.announcedAt,
        deletedAt: job.now,
        deletedBy: c.by,
        requestId: c.requestId,
      })),
    )
    .returning({ id: deletionProofs.id, pseudonym: deletionProofs.pseudonym });
  const proofOf = new Map(proofs.map((p) => [p.pseudonym, p.id]));
  for (const c of job.cases) {
    const values = {
      state: 'files',
      files: files.filter((f) => f.client_id === c.clientId).map((f) => f.storage_key),
      proofId: proofOf.get(pseudonyms.get(c.clientId) ?? '') ?? null,
      finishedAt: job.now,
    };
    if (c.noticeId) await tx.update(retentionNotices).set(values).where(eq(retentionNotices.id, c.noticeId));
    else
      await tx.insert(retentionNotices).values({
        organisationId,
        clientId: c.clientId,
        retentionEndedOn: todayInGermany(job.now),
        rule: { classes: c.classes, erasure: c.requestId },
        announcedAt: job.now,
        deleteAfter: job.now,
        ...values,
      });
  }
  // The entry that replaces the case's own: no person in it, only the pseudonym and the proof.
  await auditMany(
    tx,
    { organisationId, actorUserId: job.cases[0]?.by ?? null, ip: null },
    job.cases.map((c) => ({
      action: 'privacy.case_anonymised',
      entityType: 'deletion_proof',
      entityId: proofOf.get(pseudonyms.get(c.clientId) ?? '') ?? null,
      details: { pseudonym: pseudonyms.get(c.clientId), reason: job.reason },
    })),
  );
  return files.length;
}

/** Step 1 (and the end of step 3): removes the files of anonymised cases, then marks them done. */
export async function finishFiles(ctx: AppContext, organisationId: string) {
  const pending = await ctx.db
    .select({ id: retentionNotices.id, files: retentionNotices.files })
    .from(retentionNotices)
    .where(and(eq(retentionNotices.organisationId, organisationId), eq(retentionNotices.state, 'files')));
  let removed = 0;
  for (const notice of pending) {
    for (const key of notice.files) {
      // Already gone (a run before the crash removed it) is as good as removed now.
      await fs.rm(documentFile(ctx.config.dataDir, organisationId, key), { force: true });
      removed += 1;
    }
    await ctx.db
      .update(retentionNotices)
      .set({ state: 'done', files: [] })
      .where(eq(retentionNotices.id, notice.id));
  }
  return { notices: pending.length, files: removed };
}

/** Step 4: audit entries older than the audit class's period, in slices. */
async function expireAudit(ctx: AppContext, organisationId: string, now: Date) {
  const { rules } = await policyOf(ctx.db, organisationId);
  const months = rules.audit?.months ?? defaultRetention.audit.months;
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - months);
  let removed = 0;
  for (;;) {
    const n = await ctx.db.transaction((tx) =>
      removeAuditEntries(
        tx,
        sql`id IN (SELECT id FROM audit_log WHERE organisation_id = ${organisationId}::uuid
              AND at < ${before.toISOString()}::timestamptz ORDER BY id LIMIT 5000)`,
      ),
    );
    removed += n;
    if (n < 5000) break;
  }
  if (removed > 0)
    await auditMany(ctx.db, { organisationId, actorUserId: null, ip: null }, [
      { action: 'privacy.audit_expired', details: { removed, before: before.toISOString(), months } },
    ]);
  return removed;
}

/** "Run now" for the dpo: the daily job at once for the organisation (audited by what it does). */
export async function runRetentionNow(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'privacy.manage');
  return runRetention(ctx, { organisationId: actor.organisationId });
}
