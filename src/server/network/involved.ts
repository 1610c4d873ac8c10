import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { InstitutionType, InvolvedInstitution } from '../../contracts/network';
import type { Db } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  contacts,
  institutions,
  measures,
  opportunities,
  recognitionProcedures,
} from '../db/schema';

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
