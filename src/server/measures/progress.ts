import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type Acquisition,
  type AcquisitionStatus,
  acquisitionFlow,
  moveProblem,
  type Placement,
  placementFlow,
  type StatusFlow,
} from '../../contracts/measures';
import { loadCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  disclosures,
  institutions,
  measures,
  opportunities,
  users,
} from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { allowingConsent } from '../lib/consent';
import { AppError, invalidField, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { assertVersion } from '../lib/versioned';
import { assertInstitution } from '../network/service';
import { presentAcquisition, presentDisclosure, presentPlacement } from './present';

type History = { status: string; at: string; by: string | null }[];
/** Refuses a status move the flow does not allow (see the contract). */
function assertMove(flow: StatusFlow, from: string, to: string) {
  const problem = moveProblem(flow, from, to);
  if (problem === 'final') throw new AppError('conflict', `The status "${from}" is final`);
  if (problem === 'back') throw invalidField('status', `cannot go back from ${from} to ${to}`);
}

// --- measures acquired for a client ---

const funders = alias(institutions, 'funders');

export async function listAcquisitions(db: Db, clientId: string): Promise<Acquisition[]> {
  const rows = await db
    .select({
      a: clientMeasures,
      title: measures.title,
      type: measures.type,
      provider: institutions.name,
      funder: { id: funders.id, name: funders.name, type: funders.type },
    })
    .from(clientMeasures)
    .innerJoin(measures, eq(measures.id, clientMeasures.measureId))
    .leftJoin(institutions, eq(institutions.id, measures.providerId))
    .leftJoin(funders, eq(funders.id, clientMeasures.funderId))
    .where(eq(clientMeasures.clientId, clientId))
    .orderBy(asc(clientMeasures.createdAt));
  return rows.map(presentAcquisition);
}

export async function addAcquisition(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  body: { measureId: string; note?: string | null },
) {
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    await proposeMeasure(tx, actor, clientId, body.measureId, body.note ?? null);
  });
  return listAcquisitions(ctx.db, clientId);
}

/**
 * Proposes a catalogue measure for a case the caller has opened (loadCase), inside the caller's
 * transaction: the one way a measure comes onto a case, whether picked alone or with a pathway.
 */
export async function proposeMeasure(
  tx: Db,
  actor: Actor,
  clientId: string,
  measureId: string,
  note: string | null,
  field = 'measureId',
) {
  const [m] = await tx
    .select({ id: measures.id, org: measures.organisationId })
    .from(measures)
    .where(eq(measures.id, measureId));
  if (!m || m.org !== actor.organisationId) throw invalidField(field, 'not a measure of the catalogue');
  const row = firstRow(
    await tx
      .insert(clientMeasures)
      .values({
        organisationId: actor.organisationId,
        clientId,
        measureId,
        status: 'proposed',
        history: [{ status: 'proposed', at: new Date().toISOString(), by: actor.name }],
        outcomeNote: note,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: clientMeasures.id }),
    'the new measure of the case',
  );
  await audit(tx, actor, {
    action: 'client.measure_changed',
    entityType: 'client_measure',
    entityId: row.id,
    subjectClientId: clientId,
    details: { status: 'proposed' },
  });
  return row.id;
}

export async function updateAcquisition(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  id: string,
  body: {
    version: number;
    status?: AcquisitionStatus | undefined;
    funderId?: string | null | undefined;
    fundingType?: string | null | undefined;
    amountCents?: number | null | undefined;
    startDate?: string | null | undefined;
    endDate?: string | null | undefined;
    outcomeNote?: string | null | undefined;
  },
) {
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [current] = await tx
      .select()
      .from(clientMeasures)
      .where(and(eq(clientMeasures.id, id), eq(clientMeasures.clientId, clientId)));
    if (!current) throw notFound('measure of the case');
    await assertVersion(tx, current, body.version);
    const { version: _v, ...changes } = body;
    if (changes.status) assertMove(acquisitionFlow, current.status, changes.status);
    if (changes.funderId) await assertInstitution(tx, actor, changes.funderId, 'funderId');
    const status = changes.status ?? current.status;
    if (status === 'funded' && !(changes.fundingType ?? current.fundingType))
      throw invalidField('fundingType', 'say how the measure is funded');
    const end = changes.endDate ?? current.endDate;
    const start = changes.startDate ?? current.startDate;
    if (start && end && end < start) throw invalidField('endDate', 'cannot be before the start');
    const history =
      changes.status && changes.status !== current.status
        ? [
            ...(current.history as History),
            { status: changes.status, at: new Date().toISOString(), by: actor.name },
          ]
        : current.history;
    await tx
      .update(clientMeasures)
      .set({
        ...changes,
        status,
        history,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${clientMeasures.version} + 1`,
      } as never)
      .where(eq(clientMeasures.id, id));
    await audit(tx, actor, {
      action: 'client.measure_changed',
      entityType: 'client_measure',
      entityId: id,
      subjectClientId: clientId,
      details: { status, fields: Object.keys(changes) },
    });
  });
  return listAcquisitions(ctx.db, clientId);
}

// --- employers' offers for a client ---

export async function listPlacements(db: Db, clientId: string): Promise<Placement[]> {
  const rows = await db
    .select({
      p: clientOpportunities,
      title: opportunities.title,
      kind: opportunities.kind,
      employerId: institutions.id,
      employer: institutions.name,
      employerType: institutions.type,
    })
    .from(clientOpportunities)
    .innerJoin(opportunities, eq(opportunities.id, clientOpportunities.opportunityId))
    .innerJoin(institutions, eq(institutions.id, opportunities.employerId))
    .where(eq(clientOpportunities.clientId, clientId))
    .orderBy(asc(clientOpportunities.createdAt));
  return rows.map(presentPlacement);
}

export async function addPlacement(ctx: AppContext, actor: Actor, clientId: string, opportunityId: string) {
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [o] = await tx
      .select({ org: opportunities.organisationId, status: opportunities.status })
      .from(opportunities)
      .where(eq(opportunities.id, opportunityId));
    if (!o || o.org !== actor.organisationId)
      throw invalidField('opportunityId', 'not an offer of the directory');
    if (o.status !== 'open') throw invalidField('opportunityId', 'the offer is not open any more');
    const [row] = await tx
      .insert(clientOpportunities)
      .values({
        organisationId: actor.organisationId,
        clientId,
        opportunityId,
        history: [{ status: 'suggested', at: new Date().toISOString(), by: actor.name }],
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: clientOpportunities.id });
    if (!row) throw new AppError('conflict', 'This offer is already on the case');
    await audit(tx, actor, {
      action: 'client.opportunity_changed',
      entityType: 'client_opportunity',
      entityId: row.id,
      subjectClientId: clientId,
      details: { status: 'suggested' },
    });
  });
  return listPlacements(ctx.db, clientId);
}

export async function updatePlacement(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  id: string,
  body: { version: number; status?: string | undefined; employerFeedback?: string | null | undefined },
  today: string,
) {
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [current] = await tx
      .select({ p: clientOpportunities, employerId: institutions.id, employerName: institutions.name })
      .from(clientOpportunities)
      .innerJoin(opportunities, eq(opportunities.id, clientOpportunities.opportunityId))
      .innerJoin(institutions, eq(institutions.id, opportunities.employerId))
      .where(and(eq(clientOpportunities.id, id), eq(clientOpportunities.clientId, clientId)));
    if (!current) throw notFound('offer of the case');
    const p = current.p;
    await assertVersion(tx, p, body.version);
    const status = body.status ?? p.status;
    if (body.status) assertMove(placementFlow, p.status, body.status);
    // Passing the profile to the employer is a disclosure: it needs the client's consent for this purpose and this employer.
    if (p.status === 'suggested' && !['suggested', 'declined'].includes(status)) {
      const consent = await allowingConsent(tx, clientId, {
        purpose: 'employer_profile',
        recipient: { id: current.employerId, name: current.employerName },
        on: today,
      });
      if (!consent) {
        throw new AppError(
          'consent_required',
          `No valid consent to pass the profile to ${current.employerName}`,
          {
            details: { employer: current.employerName },
          },
        );
      }
      await tx.insert(disclosures).values({
        organisationId: actor.organisationId,
        clientId,
        institutionId: current.employerId,
        recipientName: current.employerName,
        purpose: 'employer_profile',
        dataCategories: consent.dataCategories.length ? consent.dataCategories : ['qualifications'],
        consentId: consent.id,
        byUserId: actor.userId,
      });
      await audit(tx, actor, {
        action: 'client.disclosed',
        entityType: 'institution',
        entityId: current.employerId,
        subjectClientId: clientId,
        details: { purpose: 'employer_profile', consent: consent.id },
      });
    }
    const history =
      status !== p.status
        ? [...(p.history as History), { status, at: new Date().toISOString(), by: actor.name }]
        : p.history;
    await tx
      .update(clientOpportunities)
      .set({
        status,
        history,
        ...(body.employerFeedback !== undefined ? { employerFeedback: body.employerFeedback } : {}),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${clientOpportunities.version} + 1`,
      })
      .where(eq(clientOpportunities.id, id));
    await audit(tx, actor, {
      action: 'client.opportunity_changed',
      entityType: 'client_opportunity',
      entityId: id,
      subjectClientId: clientId,
      details: { status },
    });
  });
  return listPlacements(ctx.db, clientId);
}

export async function listDisclosures(db: Db, clientId: string) {
  const rows = await db
    .select({ d: disclosures, by: users.name })
    .from(disclosures)
    .leftJoin(users, eq(users.id, disclosures.byUserId))
    .where(eq(disclosures.clientId, clientId))
    .orderBy(desc(disclosures.at));
  return rows.map(presentDisclosure);
}
