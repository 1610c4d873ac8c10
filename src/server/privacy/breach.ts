/**
 * The breach helper: for a user and/or a time window, whose data were read or disclosed — case
 * number, the person's name (the dpo holds `audit.persons`), what, when, by whom, to which
 * institution. The input for a report within 72 hours (Art. 33 GDPR); as a page and as CSV/XLSX.
 * Each search is audited (`privacy.breach_searched`), with every person it named.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type BreachEntry,
  type BreachExportQuery,
  type BreachQuery,
  caseReadActions,
} from '../../contracts/privacy-workspace';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { csvField } from '../lib/csv';
import { tablesWorkbook, XLSX_TYPE } from '../lib/doc-tables';
import { invalidField } from '../lib/errors';
import { actionsSql } from './workspace';

type Filter = Pick<BreachQuery, 'userId' | 'from' | 'to'>;

/** A download is for a report, not a dump of the trail: at most this many lines. */
const MAX_ROWS = 50_000;

function entriesSql(organisationId: string, f: Filter): SQL {
  if (!f.userId && !f.from && !f.to) throw invalidField('userId', 'Name a user or a time window');
  const org = sql`${organisationId}::uuid`;
  const when = (column: SQL) =>
    sql.join(
      [
        sql`true`,
        ...(f.from ? [sql`${column} >= ${f.from}::timestamptz`] : []),
        ...(f.to ? [sql`${column} <= ${f.to}::timestamptz`] : []),
      ],
      sql` AND `,
    );
  const byUser = (column: SQL) => (f.userId ? sql`${column} = ${f.userId}::uuid` : sql`true`);
  return sql`
    SELECT 'a' || a.id AS key, a.at, 'read' AS kind, a.subject_client_id AS client_id, a.action AS what,
      '{}'::text[] AS data_categories, a.actor_user_id AS by_id, i.name AS institution
    FROM audit_log a LEFT JOIN institutions i ON i.id = a.institution_id
    WHERE a.organisation_id = ${org} AND a.subject_client_id IS NOT NULL
      AND a.action IN (${actionsSql(caseReadActions)}) AND ${when(sql`a.at`)} AND ${byUser(sql`a.actor_user_id`)}
    UNION ALL
    SELECT 'd' || d.id, d.at, 'disclosure', d.client_id, d.purpose, d.data_categories, d.by_user_id, d.recipient_name
    FROM disclosures d
    WHERE d.organisation_id = ${org} AND ${when(sql`d.at`)} AND ${byUser(sql`d.by_user_id`)}`;
}

interface Row extends Record<string, unknown> {
  key: string;
  at: Date | string;
  kind: 'read' | 'disclosure';
  client_id: string;
  case_code: string | null;
  person: string | null;
  what: string;
  data_categories: string[];
  by_name: string | null;
  institution: string | null;
}

async function breachRows(ctx: AppContext, actor: Actor, f: Filter, limit: number, offset: number) {
  const entries = entriesSql(actor.organisationId, f);
  const org = sql`${actor.organisationId}::uuid`;
  const [rows, counted] = await Promise.all([
    queryRows<Row>(
      ctx.db,
      sql`SELECT e.key, e.at, e.kind, e.client_id, cl.case_code,
          CASE WHEN cl.id IS NULL THEN NULL ELSE cl.given_names || ' ' || cl.family_name END AS person,
          e.what, e.data_categories, u.name AS by_name, e.institution
        FROM (${entries}) e
        LEFT JOIN clients cl ON cl.id = e.client_id AND cl.organisation_id = ${org}
        LEFT JOIN users u ON u.id = e.by_id
        ORDER BY e.at DESC, e.key DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    queryRows<{ n: string | number; persons: string | number }>(
      ctx.db,
      sql`SELECT count(*) AS n, count(DISTINCT e.client_id) AS persons FROM (${entries}) e`,
    ),
  ]);
  const entriesOut: BreachEntry[] = rows.map((r) => ({
    id: r.key,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    caseCode: r.case_code,
    person: r.person,
    what: r.what,
    dataCategories: r.data_categories,
    by: r.by_name,
    institution: r.institution,
  }));
  const persons = [...new Set(rows.map((r) => r.client_id))];
  await auditActorMany(ctx.db, actor, [
    {
      action: 'privacy.breach_searched',
      details: {
        userId: f.userId ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        entries: Number(counted[0]?.n ?? 0),
      },
    },
    // The names shown are a read of each person's data.
    ...persons.map((id) => ({ action: 'privacy.breach_searched' as const, subjectClientId: id })),
  ]);
  return {
    entries: entriesOut,
    total: Number(counted[0]?.n ?? 0),
    persons: Number(counted[0]?.persons ?? 0),
  };
}

export async function breachSearch(
  ctx: AppContext,
  actor: Actor,
  q: BreachQuery & { limit: number; offset: number },
) {
  assertCan(actor, 'privacy.manage');
  assertCan(actor, 'audit.persons');
  const r = await breachRows(ctx, actor, q, q.limit, q.offset);
  return { items: r.entries, total: r.total, persons: r.persons, limit: q.limit, offset: q.offset };
}

const heads = {
  de: ['Zeit', 'Art', 'Fallnummer', 'Person', 'Was', 'Datenkategorien', 'Durch', 'Institution'],
  en: ['Time', 'Kind', 'Case number', 'Person', 'What', 'Data categories', 'By', 'Institution'],
};
const kinds = {
  de: { read: 'gelesen', disclosure: 'weitergegeben' },
  en: { read: 'read', disclosure: 'disclosed' },
};

export async function breachExport(ctx: AppContext, actor: Actor, q: BreachExportQuery) {
  assertCan(actor, 'privacy.manage');
  assertCan(actor, 'audit.persons');
  const r = await breachRows(ctx, actor, q, MAX_ROWS, 0);
  const lines = r.entries.map((e) => [
    e.at,
    kinds[q.lang][e.kind],
    e.caseCode ?? '',
    e.person ?? '',
    e.what,
    e.dataCategories.join(', '),
    e.by ?? '',
    e.institution ?? '',
  ]);
  const name = `breach-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}`;
  if (q.format === 'csv') {
    const text = [heads[q.lang], ...lines].map((l) => l.map((v) => csvField(v)).join(';')).join('\r\n');
    return {
      content: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      filename: `${name}.csv`,
      mimeType: 'text/csv; charset=utf-8',
    };
  }
  const title = q.lang === 'de' ? 'Betroffene Personen' : 'Persons concerned';
  const content = await tablesWorkbook({
    title,
    coverSheet: q.lang === 'de' ? 'Übersicht' : 'Cover',
    cover: [
      [q.lang === 'de' ? 'Organisation' : 'Organisation', actor.organisationName],
      [q.lang === 'de' ? 'Von' : 'From', q.from ?? ''],
      [q.lang === 'de' ? 'Bis' : 'To', q.to ?? ''],
      [q.lang === 'de' ? 'Personen' : 'Persons', String(r.persons)],
    ],
    definitionsHeading: '',
    definitions: [],
    tables: [{ sheet: title, title, head: heads[q.lang], rows: lines }],
    none: '–',
  });
  return { content, filename: `${name}.xlsx`, mimeType: XLSX_TYPE, size: content.length };
}
