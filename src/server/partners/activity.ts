/**
 * What an institution has seen and received, for the lead and the data protection officer: its
 * partners' reads in the portal (the audit log carries the institution of every partner's entry,
 * lib/audit) and the disclosures to it (conference packs, minutes by mail, introductions to an
 * employer), newest first. The case is named by its case code, which both may see.
 */
import { type SQL, sql } from 'drizzle-orm';
import type {
  PartnerActivityEntry,
  PartnerActivityQuery,
  PartnerInstitution,
} from '../../contracts/partners';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { institutionOf } from './invite';

/** A day of the period in Germany's calendar, as the instant it begins. */
const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Europe/Berlin')`;

function periodSql(column: SQL, q: PartnerActivityQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.from) parts.push(sql`${column} >= ${dayStart(q.from)}`);
  if (q.to) parts.push(sql`${column} < ${dayStart(q.to)} + interval '1 day'`);
  return sql.join(parts, sql` AND `);
}

/**
 * The conference an audit entry is about: named by the entry itself, or through the nomination or
 * the commitment it names (the portal's reads name what they read).
 */
const conferenceOfAuditSql = sql`CASE
  WHEN a.entity_type = 'conference' THEN a.entity_id
  WHEN a.entity_type = 'nomination' THEN (SELECT n.conference_id FROM conference_nominations n WHERE n.id = a.entity_id)
  WHEN a.entity_type = 'commitment' THEN (SELECT cm.conference_id FROM commitments cm WHERE cm.id = a.entity_id)
  WHEN a.details->>'conferenceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN (a.details->>'conferenceId')::uuid
END`;

function entriesSql(organisationId: string, institutionId: string, q: PartnerActivityQuery): SQL {
  return sql`
    SELECT a.at, 'read' AS kind, a.action, a.actor_user_id AS by_id, ${conferenceOfAuditSql} AS conference_id,
      a.subject_client_id AS client_id, a.details->>'level' AS level, 'a' || a.id AS key
    FROM audit_log a
    WHERE a.organisation_id = ${organisationId}::uuid AND a.institution_id = ${institutionId}::uuid
      AND ${periodSql(sql`a.at`, q)}
    UNION ALL
    SELECT d.at, 'disclosure', d.purpose, NULL, d.conference_id, d.client_id,
      CASE WHEN 'identity' = ANY(d.data_categories) THEN 'identified' ELSE 'pseudonymised' END,
      'd' || d.id
    FROM disclosures d
    WHERE d.organisation_id = ${organisationId}::uuid AND d.institution_id = ${institutionId}::uuid
      AND ${periodSql(sql`d.at`, q)}`;
}

interface EntryRow extends Record<string, unknown> {
  key: string;
  at: Date | string;
  kind: 'read' | 'disclosure';
  action: string;
  by_name: string | null;
  conference_id: string | null;
  conference_title: string | null;
  case_code: string | null;
  level: string | null;
}

export async function partnerActivity(
  ctx: AppContext,
  actor: Actor,
  institutionId: string,
  q: PartnerActivityQuery & { limit: number; offset: number },
) {
  assertCan(actor, 'partners.activity');
  const institution = await institutionOf(ctx.db, actor, institutionId);
  const entries = entriesSql(actor.organisationId, institution.id, q);
  const org = sql`${actor.organisationId}::uuid`;
  const [rows, counted] = await Promise.all([
    queryRows<EntryRow>(
      ctx.db,
      sql`SELECT e.key, e.at, e.kind, e.action, u.name AS by_name, c.id AS conference_id, c.title AS conference_title,
          cl.case_code, e.level
        FROM (${entries}) e
        LEFT JOIN users u ON u.id = e.by_id
        LEFT JOIN conferences c ON c.id = e.conference_id AND c.organisation_id = ${org}
        LEFT JOIN clients cl ON cl.id = e.client_id AND cl.organisation_id = ${org}
        ORDER BY e.at DESC, e.key DESC
        LIMIT ${q.limit} OFFSET ${q.offset}`,
    ),
    queryRows<{ n: number | string }>(ctx.db, sql`SELECT count(*) AS n FROM (${entries}) e`),
  ]);
  await audit(ctx.db, actor, {
    action: 'partner.activity_read',
    entityType: 'institution',
    entityId: institution.id,
    details: { from: q.from ?? null, to: q.to ?? null, offset: q.offset },
  });
  const items: PartnerActivityEntry[] = rows.map((r) => ({
    id: r.key,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    action: r.action,
    by: r.by_name,
    conference:
      r.conference_id && r.conference_title ? { id: r.conference_id, title: r.conference_title } : null,
    caseLabel: r.case_code,
    level: r.level,
  }));
  return { items, total: Number(counted[0]?.n ?? 0), limit: q.limit, offset: q.offset, institution };
}

/** The institutions with partner accounts or disclosures: where there is activity to read. */
export async function partnerInstitutions(ctx: AppContext, actor: Actor): Promise<PartnerInstitution[]> {
  assertCan(actor, 'partners.activity');
  const org = sql`${actor.organisationId}::uuid`;
  const rows = await queryRows<{
    id: string;
    name: string;
    accounts: number | string;
    disclosures: number | string;
  }>(
    ctx.db,
    sql`SELECT i.id, i.name,
        (SELECT count(*) FROM partner_memberships m WHERE m.institution_id = i.id AND m.organisation_id = ${org}) AS accounts,
        (SELECT count(*) FROM disclosures d WHERE d.institution_id = i.id AND d.organisation_id = ${org}) AS disclosures
      FROM institutions i
      WHERE i.organisation_id = ${org}
        AND (EXISTS (SELECT 1 FROM partner_memberships m WHERE m.institution_id = i.id AND m.organisation_id = ${org})
          OR EXISTS (SELECT 1 FROM disclosures d WHERE d.institution_id = i.id AND d.organisation_id = ${org}))
      ORDER BY lower(i.name)`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    accounts: Number(r.accounts),
    disclosures: Number(r.disclosures),
  }));
}
