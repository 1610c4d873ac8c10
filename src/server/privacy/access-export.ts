/**
 * The Art. 15 export: everything Lotse holds about a person, in one read — the person and the
 * case file, measures and offers, documents (with their files), consents, every disclosure (what
 * went to which institution, when, on which consent), the conferences' texts about the case,
 * commitments, and every entry of the audit trail that names the person (who read or changed
 * what, when). Rows travel as the database holds them (`row_to_json`), so a column added later is
 * exported without anyone remembering to; only search keys and storage internals are left out.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';

/** Columns that are machinery, not data about the person. */
const INTERNAL = new Set([
  'search_text',
  'family_key',
  'given_key',
  'storage_key',
  'organisation_id',
  'token_nonce',
]);

export type ExportRow = Record<string, unknown>;
export interface AccessExport {
  generatedAt: string;
  organisation: string;
  person: ExportRow;
  caseFile: Record<(typeof caseFileTables)[number], ExportRow[]>;
  stageHistory: ExportRow[];
  measures: ExportRow[];
  offers: ExportRow[];
  documents: ExportRow[];
  consents: ExportRow[];
  disclosures: ExportRow[];
  conferences: { nominations: ExportRow[]; inputs: ExportRow[]; entries: ExportRow[]; minutes: ExportRow[] };
  commitments: ExportRow[];
  requests: ExportRow[];
  auditTrail: ExportRow[];
}

/** The case file's entries, each its own table with `client_id`. */
export const caseFileTables = [
  'residence_statuses',
  'qualifications',
  'work_experience',
  'language_skills',
  'recognition_procedures',
  'objectives',
  'next_steps',
  'contacts',
] as const;

const rowsOf = (from: SQL, order: SQL) =>
  sql`coalesce((SELECT json_agg(row_to_json(x) ORDER BY ${order}) FROM (${from}) x), '[]'::json)`;

const name = (column: string) => sql.raw(`(SELECT u.name FROM users u WHERE u.id = ${column})`);

/** Everything about one person, as stored (one statement: PGlite runs one query at a time). */
export async function gatherExport(db: Db, clientId: string): Promise<AccessExport> {
  const id = sql`${clientId}::uuid`;
  const entries = caseFileTables.map(
    (table) =>
      sql`${rowsOf(sql`SELECT * FROM ${sql.identifier(table)} WHERE client_id = ${id}`, sql`x.created_at, x.id`)} AS ${sql.identifier(table)}`,
  );
  const nominations = sql`SELECT n.id FROM conference_nominations n WHERE n.client_id = ${id}`;
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT
      (SELECT row_to_json(x) FROM (SELECT c.*, ${name('c.owner_id')} AS owner,
        (SELECT o.name FROM organisations o WHERE o.id = c.organisation_id) AS organisation,
        (SELECT coalesce(json_agg(u.name ORDER BY u.name), '[]'::json) FROM client_counsellors cc JOIN users u ON u.id = cc.user_id
          WHERE cc.client_id = c.id) AS further_counsellors
        FROM clients c WHERE c.id = ${id}) x) AS person,
      ${sql.join(entries, sql`, `)},
      ${rowsOf(sql`SELECT t.*, ${name('t.user_id')} AS by FROM case_transitions t WHERE t.client_id = ${id}`, sql`x.at`)} AS stage_history,
      ${rowsOf(sql`SELECT m.title AS measure, cm.* FROM client_measures cm JOIN measures m ON m.id = cm.measure_id WHERE cm.client_id = ${id}`, sql`x.created_at`)} AS measures,
      ${rowsOf(
        sql`SELECT o.title AS offer, i.name AS employer, co.* FROM client_opportunities co JOIN opportunities o ON o.id = co.opportunity_id
        LEFT JOIN institutions i ON i.id = o.employer_id WHERE co.client_id = ${id}`,
        sql`x.created_at`,
      )} AS offers,
      ${rowsOf(sql`SELECT d.*, ${name('d.created_by')} AS uploaded_by FROM documents d WHERE d.client_id = ${id}`, sql`x.created_at`)} AS documents,
      ${rowsOf(sql`SELECT c.*, ${name('c.created_by')} AS recorded_by FROM consents c WHERE c.client_id = ${id}`, sql`x.given_on, x.created_at`)} AS consents,
      ${rowsOf(
        sql`SELECT d.*, ${name('d.by_user_id')} AS by, c.given_on AS consent_given_on, c.scope AS consent_scope,
          (SELECT f.title FROM conferences f WHERE f.id = d.conference_id) AS conference
          FROM disclosures d LEFT JOIN consents c ON c.id = d.consent_id WHERE d.client_id = ${id}`,
        sql`x.at, x.id`,
      )} AS disclosures,
      ${rowsOf(
        sql`SELECT f.title AS conference, f.starts_at AS conference_starts_at, n.* FROM conference_nominations n
          JOIN conferences f ON f.id = n.conference_id WHERE n.client_id = ${id}`,
        sql`x.conference_starts_at`,
      )} AS nominations,
      ${rowsOf(
        sql`SELECT i.name AS institution, ci.* FROM conference_inputs ci JOIN institutions i ON i.id = ci.institution_id
          WHERE ci.nomination_id IN (${nominations})`,
        sql`x.created_at`,
      )} AS inputs,
      ${rowsOf(sql`SELECT e.*, ${name('e.created_by')} AS by FROM conference_entries e WHERE e.nomination_id IN (${nominations})`, sql`x.created_at, x.id`)} AS entries,
      ${rowsOf(sql`SELECT m.* FROM conference_minutes m WHERE m.item IN (SELECT n.id::text FROM conference_nominations n WHERE n.client_id = ${id})`, sql`x.created_at`)} AS minutes,
      ${rowsOf(
        sql`SELECT i.name AS institution, c.* FROM commitments c LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.client_id = ${id}`,
        sql`x.due_date, x.id`,
      )} AS commitments,
      ${rowsOf(sql`SELECT r.* FROM data_subject_requests r WHERE r.client_id = ${id}`, sql`x.received_on, x.id`)} AS requests,
      ${rowsOf(
        sql`SELECT a.id, a.at, coalesce(u.name, ${'—'}) AS who, u.roles AS roles, i.name AS institution, a.action, a.entity_type, a.entity_id, a.details
          FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN institutions i ON i.id = a.institution_id
          WHERE a.subject_client_id = ${id}`,
        sql`x.at, x.id`,
      )} AS audit_trail`,
  );
  if (!row) throw new Error('no export row');
  const clean = (rows: unknown) => (rows as ExportRow[]).map(withoutInternals);
  const person = withoutInternals(row.person as ExportRow);
  const { organisation, ...personData } = person;
  return {
    generatedAt: new Date().toISOString(),
    organisation: String(organisation ?? ''),
    person: personData,
    caseFile: Object.fromEntries(caseFileTables.map((t) => [t, clean(row[t])])) as AccessExport['caseFile'],
    stageHistory: clean(row.stage_history),
    measures: clean(row.measures),
    offers: clean(row.offers),
    documents: clean(row.documents),
    consents: clean(row.consents),
    disclosures: clean(row.disclosures),
    conferences: {
      nominations: clean(row.nominations),
      inputs: clean(row.inputs),
      entries: clean(row.entries),
      minutes: clean(row.minutes),
    },
    commitments: clean(row.commitments),
    requests: clean(row.requests),
    auditTrail: clean(row.audit_trail),
  };
}

function withoutInternals(row: ExportRow): ExportRow {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !INTERNAL.has(k)));
}

/** Where each document's file lies (by the row's id), for the ZIP: read separately, never exported. */
export async function documentKeys(db: Db, clientId: string) {
  return queryRows<{ id: string; filename: string; storage_key: string; organisation_id: string }>(
    db,
    sql`SELECT id, filename, storage_key, organisation_id FROM documents WHERE client_id = ${clientId}::uuid ORDER BY created_at`,
  );
}
