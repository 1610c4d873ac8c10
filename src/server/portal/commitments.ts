/**
 * The institution's commitments as the portal may show them now: those made on no case (the first
 * agenda item), and those on a case the institution receives now (`receipts`). A commitment on a
 * case whose consent was withdrawn or ran out is gone from the portal at the next request, like
 * the case; the organisation's staff keep following it in their own list.
 *
 * Rows are shaped by the commitments domain's presenter, for the partner (who opens no case, so a
 * case is only ever "Case n" of its conference), and a report follows the staff's report rule.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Commitment } from '../../contracts/commitments';
import type {
  PortalCommitment,
  portalCommitmentPage,
  portalCommitmentQuery,
  portalReportBody,
} from '../../contracts/portal';
import { overdueSql, presentCommitments, recordReport } from '../commitments/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { notFound } from '../lib/errors';
import { type PartnerScope, partnerScope, receipts } from './scope';

interface ScopedRow extends Record<string, unknown> {
  id: string;
  nomination_id: string | null;
  client_id: string | null;
  status: string;
  due_date: string | Date;
  created_at: string | Date;
}

const day = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The institution's commitments (matching `where`, a condition over `cm`) that the portal may show now. */
export async function commitmentsInPortal(db: Db, scope: PartnerScope, where: SQL = sql`true`) {
  const rows = (
    await db.execute<ScopedRow>(sql`
      SELECT cm.id, cm.nomination_id, cm.client_id, cm.status, cm.due_date, cm.created_at FROM commitments cm
      WHERE cm.organisation_id = ${scope.organisationId}::uuid
        AND cm.institution_id = ${scope.institution.id}::uuid AND ${where}`)
  ).rows;
  const received = await receipts(
    db,
    scope,
    rows.flatMap((r) => (r.nomination_id ? [r.nomination_id] : [])),
  );
  return rows
    .filter(
      (r) =>
        (r.client_id === null && r.nomination_id === null) ||
        (r.nomination_id && received.has(r.nomination_id)),
    )
    .map((r) => ({
      id: r.id,
      status: r.status,
      dueDate: day(r.due_date),
      createdAt: new Date(r.created_at).getTime(),
    }));
}

/** The home page's counts: open, overdue (open and past due), open and due within 14 days. */
export async function portalCommitmentCounts(db: Db, scope: PartnerScope, today = todayInGermany()) {
  const open = (await commitmentsInPortal(db, scope, sql`cm.status = 'open'`)).map((c) => c.dueDate);
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 14);
  const until = soon.toISOString().slice(0, 10);
  return {
    open: open.length,
    overdue: open.filter((d) => d < today).length,
    dueSoon: open.filter((d) => d >= today && d <= until).length,
  };
}

type Query = z.output<typeof portalCommitmentQuery>;

/** The filters of the list as one condition over `cm`; open (overdue or not) by default. */
function filterSql(q: Query): SQL {
  const where: SQL[] = [];
  const status = q.status ?? 'open';
  if (status === 'overdue') where.push(overdueSql());
  else if (status !== 'all') where.push(sql`cm.status = ${status}`);
  if (q.conferenceId) where.push(sql`cm.conference_id = ${q.conferenceId}::uuid`);
  return where.length ? sql.join(where, sql` AND `) : sql`true`;
}

/** The partner's shape of a presented commitment: the case by its place on the agenda, nothing more. */
function forPartner(c: Commitment): PortalCommitment {
  const { client, ...rest } = c;
  const place = client?.place ?? null;
  return { ...rest, case: client && place ? { place, label: `Case ${place}` } : null };
}

/** These commitments presented for the partner, in the order of `ids`. */
async function present(db: Db, scope: PartnerScope, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await presentCommitments(
    db,
    scope.actor,
    sql`cm.id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const byId = new Map(rows.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
}

/**
 * Showing commitments names their cases (as "Case n"): a read of those persons' data by the
 * institution, one entry per case (and one without a person when only commitments on no case were
 * shown), so that a lead and the dpo see what the institution has seen.
 */
async function auditShown(db: Db, actor: Actor, shown: Commitment[], via: 'list' | 'commitment') {
  const byCase = new Map<string | null, string[]>();
  for (const c of shown)
    byCase.set(c.client?.id ?? null, [...(byCase.get(c.client?.id ?? null) ?? []), c.id]);
  const cases = [...byCase].filter(([clientId]) => clientId !== null);
  const entries = (cases.length ? cases : [[null, [...byCase.values()].flat()] as const]).map(
    ([clientId, commitmentIds]) => ({
      action: 'portal.commitments_read' as const,
      entityType: 'commitment',
      entityId: via === 'commitment' ? (commitmentIds[0] ?? null) : null,
      subjectClientId: clientId,
      details: { via, commitmentIds },
    }),
  );
  await auditActorMany(db, actor, entries);
}

/** The order of the list: overdue first, then by due date (then as they were made). */
const listOrder = (today: string) => (a: Listed, b: Listed) => {
  const overdue = (c: Listed) => (c.status === 'open' && c.dueDate < today ? 0 : 1);
  return (
    overdue(a) - overdue(b) ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.createdAt - b.createdAt ||
    a.id.localeCompare(b.id)
  );
};
type Listed = Awaited<ReturnType<typeof commitmentsInPortal>>[number];

/**
 * The institution's commitments matching `where` (a condition over `cm`, e.g. a conference's) that
 * the portal may show now, in the portal's shape, in due order — for the portal's other pages
 * (a conference's own commitments). The caller audits the read with the rest of its page.
 */
export async function portalCommitmentsWhere(db: Db, scope: PartnerScope, where: SQL) {
  const listed = (await commitmentsInPortal(db, scope, where)).sort(listOrder(todayInGermany()));
  return (
    await present(
      db,
      scope,
      listed.map((c) => c.id),
    )
  ).map(forPartner);
}

export async function listPortalCommitments(
  ctx: AppContext,
  actor: Actor,
  q: Query,
): Promise<z.infer<typeof portalCommitmentPage>> {
  const scope = partnerScope(actor);
  const listed = (await commitmentsInPortal(ctx.db, scope, filterSql(q))).sort(listOrder(todayInGermany()));
  const shown = await present(
    ctx.db,
    scope,
    listed.slice(q.offset, q.offset + q.limit).map((c) => c.id),
  );
  await auditShown(ctx.db, actor, shown, 'list');
  return { items: shown.map(forPartner), total: listed.length, limit: q.limit, offset: q.offset };
}

/** One commitment of the institution the portal may show now; anything else is missing (404). */
async function presentOne(db: Db, scope: PartnerScope, id: string): Promise<Commitment> {
  const [inPortal] = await commitmentsInPortal(db, scope, sql`cm.id = ${id}::uuid`);
  const [found] = inPortal ? await present(db, scope, [inPortal.id]) : [];
  if (!found) throw notFound('commitment');
  return found;
}

export async function getPortalCommitment(ctx: AppContext, actor: Actor, id: string) {
  const scope = partnerScope(actor);
  const found = await presentOne(ctx.db, scope, id);
  await auditShown(ctx.db, actor, [found], 'commitment');
  return forPartner(found);
}

/**
 * The institution reports on its own commitment: progress (a note; it stays open), done, or dropped
 * with the reason — by the staff's report rule (the same dates, final once done or dropped, 409 on
 * an old version). Out of the portal's scope answers 404 before anything is compared.
 */
export async function reportPortalCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.output<typeof portalReportBody>,
): Promise<PortalCommitment> {
  const scope = partnerScope(actor);
  await ctx.db.transaction(async (tx) => {
    await presentOne(tx, scope, id);
    await recordReport(
      tx,
      actor,
      id,
      { ...body, reportedOn: body.reportedOn ?? undefined },
      'portal.commitment_reported',
    );
  });
  return forPartner(await presentOne(ctx.db, scope, id));
}
