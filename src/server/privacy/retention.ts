import { type SQL, sql } from 'drizzle-orm';
import type { ClassEnd, RetentionClass, RetentionRule } from '../../contracts/privacy';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';

/**
 * When a case's retention runs out. Only closed cases are considered, never an anonymised one.
 * Each class that applies to the case ends `months` after its start event; the case is due when the
 * last of them has ended (`GREATEST` skips the classes that do not apply):
 * - counselling: always (the counselling records);
 * - documents: when the case has uploaded files;
 * - esf: when the person answered the ESF Plus entry questions and the organisation has recorded
 *   the project's last ESF payment (or counts ESF from the closing day);
 * - accounting: when a measure of the case was paid from the centre's own programme funds (IQ, Land).
 * The audit log's class is not per case: entries past it are removed by the job (deletion.ts).
 */
export interface CaseRetention {
  clientId: string;
  /** The day the last applying class ends. */
  endsOn: string;
  classes: ClassEnd[];
  held: boolean;
  restricted: boolean;
  /** The person is an ESF participant: the ESF class applies, even while its end is not known yet. */
  esf: boolean;
}

/** Funding types whose money passes through the centre's books (contracts/measures `fundingTypes`). */
export const accountingFundingTypes = ['iq_programme', 'land_programme'] as const;

type Row = {
  id: string;
  held: boolean;
  restricted: boolean;
  closed_on: string;
  last_contact: string;
  has_documents: boolean;
  esf: boolean;
  funded_on: string | null;
};

const berlinDay = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Europe/Berlin')::date`);

/** The facts each class counts from, for the closed, not yet anonymised cases the condition picks. */
function factsSql(organisationId: string, where: SQL, openToo: string | null) {
  // An open case (asked for an erasure) counts as if it closed today.
  const closed = openToo
    ? sql`coalesce(${berlinDay('c.closed_at')}, ${openToo}::date)`
    : berlinDay('c.closed_at');
  return sql`SELECT c.id, c.legal_hold_since IS NOT NULL AS held, c.restricted_since IS NOT NULL AS restricted,
      ${closed}::text AS closed_on,
      GREATEST(${closed}, (SELECT max(t.occurred_on) FROM contacts t WHERE t.client_id = c.id))::text AS last_contact,
      EXISTS (SELECT 1 FROM documents d WHERE d.client_id = c.id) AS has_documents,
      c.employment_status_at_entry IS NOT NULL AS esf,
      (SELECT max(coalesce(cm.end_date, cm.start_date)) FROM client_measures cm
        WHERE cm.client_id = c.id AND cm.funding_type IN (${sql.join(
          accountingFundingTypes.map((f) => sql`${f}`),
          sql`, `,
        )}))::text AS funded_on
    FROM clients c
    WHERE c.organisation_id = ${organisationId}::uuid AND c.anonymised_at IS NULL
      AND ${openToo ? sql`true` : sql`c.closed_at IS NOT NULL`} AND ${where}`;
}

const yearEnd = (day: string) => `${day.slice(0, 4)}-12-31`;

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  // The same day of the month, or the month's last day (31 March + 1 month = 30 April).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function classEnds(
  row: Row,
  rules: Record<RetentionClass, RetentionRule>,
  esfLastPaymentOn: string | null,
): ClassEnd[] {
  const ends: ClassEnd[] = [];
  const add = (cls: RetentionClass, startedOn: string | null) => {
    if (!startedOn) return;
    const rule = rules[cls];
    ends.push({ class: cls, ...rule, startedOn, endsOn: addMonths(startedOn, rule.months) });
  };
  const byEvent = (cls: RetentionClass) => {
    switch (rules[cls].startEvent) {
      case 'last_contact':
        return row.last_contact;
      case 'case_closed':
        return row.closed_on;
      case 'esf_payment_year_end':
        return esfLastPaymentOn ? yearEnd(esfLastPaymentOn) : null;
      case 'record_year_end':
        return row.funded_on ? yearEnd(row.funded_on) : null;
      case 'entry':
        return null;
    }
  };
  add('counselling', byEvent('counselling'));
  if (row.has_documents) add('documents', byEvent('documents'));
  if (row.esf) add('esf', byEvent('esf'));
  if (row.funded_on) add('accounting', byEvent('accounting'));
  return ends;
}

/**
 * The retention of closed cases, by the organisation's rules. `where` narrows the cases (a range
 * of ids for a batch, one case for an erasure): the job reads in slices so that no statement
 * holds the embedded database for long.
 */
export async function retentionOf(
  db: Db,
  organisationId: string,
  rules: Record<RetentionClass, RetentionRule>,
  esfLastPaymentOn: string | null,
  where: SQL,
  /** Today, to count open cases as closed today (an erasure); closed cases only without it. */
  openCasesAsOf: string | null = null,
): Promise<CaseRetention[]> {
  const rows = await queryRows<Row>(db, factsSql(organisationId, where, openCasesAsOf));
  return rows.map((row) => {
    const classes = classEnds(row, rules, esfLastPaymentOn);
    const endsOn = classes.reduce((max, c) => (c.endsOn > max ? c.endsOn : max), '0000-01-01');
    return { clientId: row.id, endsOn, classes, held: row.held, restricted: row.restricted, esf: row.esf };
  });
}
