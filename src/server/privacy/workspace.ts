/**
 * The dpo's workspace: what went to which institution, consents running out or withdrawn, reads of
 * cases outside a user's own caseload (shown, never blocked). Cases appear by their number; every
 * read of the workspace is audited (`privacy.workspace_read`). The breach helper is breach.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  caseReadActions,
  type WorkspaceConsent,
  type WorkspaceConsentsQuery,
  type WorkspaceDisclosure,
  type WorkspaceDisclosuresQuery,
  type WorkspaceReader,
  type WorkspaceReads,
  type WorkspaceReadsQuery,
} from '../../contracts/privacy-workspace';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, todayInGermany } from '../lib/calendar';

type Paged<T> = T & { limit: number; offset: number };

/** A day in Germany's calendar as the instant it begins. */
export const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Europe/Berlin')`;

/** `column` within the days from–to (both included, either open). */
export function inDays(column: SQL, from?: string, to?: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (from) parts.push(sql`${column} >= ${dayStart(from)}`);
  if (to) parts.push(sql`${column} < ${dayStart(to)} + interval '1 day'`);
  return sql.join(parts, sql` AND `);
}

export const actionsSql = (actions: readonly string[]) =>
  sql.join(
    actions.map((a) => sql`${a}`),
    sql`, `,
  );

const iso = (v: Date | string) => new Date(v).toISOString();
const num = (v: unknown) => Number(v ?? 0);

function workspaceRead(ctx: AppContext, actor: Actor, part: string, filters: Record<string, unknown>) {
  return audit(ctx.db, actor, {
    action: 'privacy.workspace_read',
    entityType: 'organisation',
    entityId: actor.organisationId,
    details: { part, ...filters },
  });
}

export async function workspaceDisclosures(
  ctx: AppContext,
  actor: Actor,
  q: Paged<WorkspaceDisclosuresQuery>,
) {
  assertCan(actor, 'privacy.manage');
  const org = sql`${actor.organisationId}::uuid`;
  const inPeriod = sql`d.organisation_id = ${org} AND ${inDays(sql`d.at`, q.from, q.to)}`;
  const where = q.institutionId ? sql`${inPeriod} AND d.institution_id = ${q.institutionId}::uuid` : inPeriod;
  const [rows, counted, perInstitution] = await Promise.all([
    queryRows<{
      id: string;
      at: Date | string;
      case_code: string | null;
      recipient_name: string;
      institution_id: string | null;
      purpose: string;
      data_categories: string[];
      consent_id: string | null;
      given_on: string | null;
      by_name: string | null;
    }>(
      ctx.db,
      sql`SELECT d.id, d.at, cl.case_code, d.recipient_name, d.institution_id, d.purpose, d.data_categories,
          co.id AS consent_id, co.given_on::text AS given_on, u.name AS by_name
        FROM disclosures d
        LEFT JOIN clients cl ON cl.id = d.client_id
        LEFT JOIN consents co ON co.id = d.consent_id AND co.organisation_id = ${org}
        LEFT JOIN users u ON u.id = d.by_user_id
        WHERE ${where}
        ORDER BY d.at DESC, d.id
        LIMIT ${q.limit} OFFSET ${q.offset}`,
    ),
    queryRows<{ n: string | number }>(ctx.db, sql`SELECT count(*) AS n FROM disclosures d WHERE ${where}`),
    queryRows<{ institution_id: string | null; name: string; n: string | number }>(
      ctx.db,
      sql`SELECT d.institution_id, coalesce(i.name, min(d.recipient_name)) AS name, count(*) AS n
        FROM disclosures d LEFT JOIN institutions i ON i.id = d.institution_id
        WHERE ${inPeriod}
        GROUP BY d.institution_id, i.name
        ORDER BY count(*) DESC, 2`,
    ),
  ]);
  await workspaceRead(ctx, actor, 'disclosures', {
    institutionId: q.institutionId ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
  });
  const items: WorkspaceDisclosure[] = rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    caseCode: r.case_code,
    recipient: r.recipient_name,
    institutionId: r.institution_id,
    purpose: r.purpose,
    dataCategories: r.data_categories,
    consent: r.consent_id && r.given_on ? { id: r.consent_id, givenOn: r.given_on } : null,
    by: r.by_name,
  }));
  return {
    items,
    total: num(counted[0]?.n),
    limit: q.limit,
    offset: q.offset,
    perInstitution: perInstitution.map((r) => ({
      institutionId: r.institution_id,
      name: r.name,
      count: num(r.n),
    })),
  };
}

export async function workspaceConsents(ctx: AppContext, actor: Actor, q: Paged<WorkspaceConsentsQuery>) {
  assertCan(actor, 'privacy.manage');
  const today = todayInGermany();
  const kind = q.kind ?? 'expiring';
  const days = q.days ?? 30;
  const from = q.from ?? addDays(today, -30);
  const to = q.to ?? today;
  // Expiring: still valid today (not withdrawn or replaced) and ending within the days asked.
  const where =
    kind === 'expiring'
      ? sql`c.withdrawn_at IS NULL AND c.valid_until IS NOT NULL
          AND c.valid_until >= ${today}::date AND c.valid_until <= ${addDays(today, days)}::date`
      : sql`c.withdrawn_at IS NOT NULL AND c.replaced_by IS NULL AND ${inDays(sql`c.withdrawn_at`, from, to)}`;
  const all = sql`c.organisation_id = ${actor.organisationId}::uuid AND ${where}`;
  const order =
    kind === 'expiring' ? sql`c.valid_until, cl.case_code` : sql`c.withdrawn_at DESC, cl.case_code`;
  const [rows, counted] = await Promise.all([
    queryRows<{
      id: string;
      case_code: string;
      institutions: string[];
      purposes: string[];
      given_on: string;
      valid_until: string | null;
      withdrawn_at: Date | string | null;
    }>(
      ctx.db,
      sql`SELECT c.id, cl.case_code, c.institutions, c.purposes, c.given_on::text AS given_on,
          c.valid_until::text AS valid_until, c.withdrawn_at
        FROM consents c JOIN clients cl ON cl.id = c.client_id
        WHERE ${all} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`,
    ),
    queryRows<{ n: string | number }>(
      ctx.db,
      sql`SELECT count(*) AS n FROM consents c JOIN clients cl ON cl.id = c.client_id WHERE ${all}`,
    ),
  ]);
  await workspaceRead(ctx, actor, 'consents', kind === 'expiring' ? { kind, days } : { kind, from, to });
  const items: WorkspaceConsent[] = rows.map((r) => ({
    id: r.id,
    caseCode: r.case_code,
    institutions: r.institutions,
    purposes: r.purposes,
    givenOn: r.given_on,
    validUntil: r.valid_until,
    withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
  }));
  return { items, total: num(counted[0]?.n), limit: q.limit, offset: q.offset };
}

/**
 * Staff's reads of cases they neither own nor share (as the case stands now), per user: distinct
 * cases, reads, and the busiest hour — the most distinct cases within one hour from any read of
 * theirs. A user above the threshold is marked; leads may read every case, which is why this is
 * shown and not refused.
 */
export async function workspaceReads(
  ctx: AppContext,
  actor: Actor,
  q: WorkspaceReadsQuery,
): Promise<WorkspaceReads> {
  assertCan(actor, 'privacy.manage');
  const to = q.to ?? todayInGermany();
  const from = q.from ?? addDays(to, -30);
  const threshold = q.threshold ?? 20;
  const org = sql`${actor.organisationId}::uuid`;
  const foreign = sql`
    SELECT a.actor_user_id AS user_id, a.subject_client_id AS client_id, a.at
    FROM audit_log a JOIN clients cl ON cl.id = a.subject_client_id AND cl.organisation_id = ${org}
    WHERE a.organisation_id = ${org} AND a.actor_user_id IS NOT NULL AND a.institution_id IS NULL
      AND a.action IN (${actionsSql(caseReadActions)}) AND ${inDays(sql`a.at`, from, to)}
      AND cl.owner_id <> a.actor_user_id
      AND NOT EXISTS (SELECT 1 FROM client_counsellors cc
        WHERE cc.client_id = a.subject_client_id AND cc.user_id = a.actor_user_id)`;
  const rows = await queryRows<{
    user_id: string;
    name: string;
    roles: string[];
    cases: string | number;
    reads: string | number;
    hour_start: Date | string | null;
    hour_cases: string | number | null;
  }>(
    ctx.db,
    sql`WITH r AS (${foreign}),
      windows AS (
        SELECT DISTINCT ON (r1.user_id) r1.user_id, r1.at AS start, count(DISTINCT r2.client_id) AS n
        FROM r r1 JOIN r r2 ON r2.user_id = r1.user_id AND r2.at >= r1.at AND r2.at < r1.at + interval '1 hour'
        GROUP BY r1.user_id, r1.at
        ORDER BY r1.user_id, count(DISTINCT r2.client_id) DESC, r1.at
      ),
      totals AS (SELECT user_id, count(DISTINCT client_id) AS cases, count(*) AS reads FROM r GROUP BY user_id)
      SELECT t.user_id, u.name, u.roles, t.cases, t.reads, w.start AS hour_start, w.n AS hour_cases
      FROM totals t JOIN users u ON u.id = t.user_id LEFT JOIN windows w ON w.user_id = t.user_id
      ORDER BY w.n DESC NULLS LAST, t.cases DESC, u.name`,
  );
  await workspaceRead(ctx, actor, 'reads', { from, to, threshold });
  const users: WorkspaceReader[] = rows.map((r) => ({
    user: { id: r.user_id, name: r.name, roles: r.roles },
    cases: num(r.cases),
    reads: num(r.reads),
    busiestHour: r.hour_start ? { start: iso(r.hour_start), cases: num(r.hour_cases) } : null,
    flagged: num(r.hour_cases) > threshold,
  }));
  return { from, to, threshold, users };
}
