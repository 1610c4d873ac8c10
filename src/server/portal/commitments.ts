/**
 * The institution's commitments as the portal may show them now: those made on no case (the first
 * agenda item), and those on a case the institution receives now (`receipts`). A commitment on a
 * case whose consent was withdrawn or ran out is gone from the portal at the next request, like
 * the case; the organisation's staff keep following it in their own list.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { todayInGermany } from '../lib/calendar';
import { type PartnerScope, receipts } from './scope';

interface ScopedRow extends Record<string, unknown> {
  id: string;
  nomination_id: string | null;
  client_id: string | null;
  status: string;
  due_date: string | Date;
}

const day = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The institution's commitments (matching `where`, a condition over `cm`) that the portal may show now. */
export async function commitmentsInPortal(db: Db, scope: PartnerScope, where: SQL = sql`true`) {
  const rows = (
    await db.execute<ScopedRow>(sql`
      SELECT cm.id, cm.nomination_id, cm.client_id, cm.status, cm.due_date FROM commitments cm
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
    .map((r) => ({ id: r.id, status: r.status, dueDate: day(r.due_date) }));
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
