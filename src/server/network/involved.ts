import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { InstitutionCase, InstitutionType, InvolvedInstitution } from '../../contracts/network';
import type { AppContext } from '../context';
import { type Db, queryRows } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  contacts,
  institutions,
  measures,
  opportunities,
  recognitionProcedures,
} from '../db/schema';
import { assertCan, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { notFound } from '../lib/errors';

/**
 * The institutions involved in a case, with what they do for it and the latest coordination
 * talk with each: competent authority, provider or funder of a measure, employer of an offer,
 * partner of a coordination talk. The conference builds on this.
 */
export async function involvedInstitutions(db: Db, clientId: string): Promise<InvolvedInstitution[]> {
  const roles = new Map<string, Set<string>>();
  const add = (id: string | null, role: string) => {
    if (!id) return;
    roles.set(id, (roles.get(id) ?? new Set()).add(role));
  };
  const [procs, acquired, placed, talks] = await Promise.all([
    db
      .select({ id: recognitionProcedures.authorityInstitutionId })
      .from(recognitionProcedures)
      .where(
        and(
          eq(recognitionProcedures.clientId, clientId),
          isNotNull(recognitionProcedures.authorityInstitutionId),
        ),
      ),
    db
      .select({ provider: measures.providerId, funder: clientMeasures.funderId })
      .from(clientMeasures)
      .innerJoin(measures, eq(measures.id, clientMeasures.measureId))
      .where(eq(clientMeasures.clientId, clientId)),
    db
      .select({ employer: opportunities.employerId })
      .from(clientOpportunities)
      .innerJoin(opportunities, eq(opportunities.id, clientOpportunities.opportunityId))
      .where(eq(clientOpportunities.clientId, clientId)),
    db
      .select({
        id: contacts.institutionId,
        on: contacts.occurredOn,
        topic: contacts.topic,
        result: contacts.result,
      })
      .from(contacts)
      .where(and(eq(contacts.clientId, clientId), isNotNull(contacts.institutionId)))
      .orderBy(desc(contacts.occurredOn), desc(contacts.createdAt)),
  ]);
  for (const p of procs) add(p.id, 'authority');
  for (const a of acquired) {
    add(a.provider, 'provider');
    add(a.funder, 'funder');
  }
  for (const p of placed) add(p.employer, 'employer');
  const latest = new Map<string, { on: string; topic: string | null; result: string | null }>();
  for (const t of talks) {
    add(t.id, 'coordination');
    if (t.id && !latest.has(t.id)) latest.set(t.id, { on: t.on, topic: t.topic, result: t.result });
  }
  if (roles.size === 0) return [];
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, type: institutions.type })
    .from(institutions)
    .where(inArray(institutions.id, [...roles.keys()]));
  return rows
    .map((i) => ({
      institution: { id: i.id, name: i.name, type: i.type as InstitutionType },
      roles: [...(roles.get(i.id) ?? [])],
      lastContact: latest.get(i.id) ?? null,
    }))
    .sort(
      (a, b) =>
        (b.lastContact?.on ?? '').localeCompare(a.lastContact?.on ?? '') ||
        a.institution.name.localeCompare(b.institution.name),
    );
}

/**
 * The cases an institution is involved in (authority, provider, funder, employer, coordination
 * partner), limited to the cases the caller may see. Names linked to an institution are personal
 * data: the read is logged like a search.
 */
export async function casesWithInstitution(
  ctx: AppContext,
  actor: Actor,
  institutionId: string,
): Promise<InstitutionCase[]> {
  assertCan(actor, 'cases.work');
  const [inst] = await ctx.db
    .select({ id: institutions.id, organisationId: institutions.organisationId })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  if (!inst || inst.organisationId !== actor.organisationId) throw notFound('institution');
  const rows = await queryRows<{
    id: string;
    case_code: string;
    name: string;
    stage: string;
    roles: string[];
  }>(
    ctx.db,
    sql`SELECT clients.id, clients.case_code, clients.given_names || ' ' || clients.family_name AS name, clients.stage,
               array_agg(DISTINCT x.role) AS roles
        FROM (
          SELECT client_id, 'authority' AS role FROM recognition_procedures WHERE authority_institution_id = ${institutionId}
          UNION ALL SELECT cm.client_id, 'provider' FROM client_measures cm JOIN measures m ON m.id = cm.measure_id WHERE m.provider_id = ${institutionId}
          UNION ALL SELECT client_id, 'funder' FROM client_measures WHERE funder_id = ${institutionId}
          UNION ALL SELECT co.client_id, 'employer' FROM client_opportunities co JOIN opportunities o ON o.id = co.opportunity_id WHERE o.employer_id = ${institutionId}
          UNION ALL SELECT client_id, 'coordination' FROM contacts WHERE institution_id = ${institutionId}
        ) x JOIN clients ON clients.id = x.client_id
        WHERE ${visibleCasesSql(actor)}
        GROUP BY clients.id, clients.case_code, clients.given_names, clients.family_name, clients.stage
        ORDER BY clients.family_name, clients.given_names
        LIMIT 500`,
  );
  await audit(ctx.db, actor, {
    action: 'client.searched',
    entityType: 'institution',
    entityId: institutionId,
    details: { involvedWith: institutionId, count: rows.length },
  });
  return rows.map((r) => ({
    client: { id: r.id, caseCode: r.case_code, name: r.name, stage: r.stage },
    roles: r.roles,
  }));
}
