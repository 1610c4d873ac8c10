/**
 * The one world the authorisation matrix asks about: two organisations; in the first its staff,
 * institutions A and B (each with a partner), an upcoming and a past conference that both invite A
 * and B and nominate four cases — consent naming A valid, withdrawn, expired, and an anonymised
 * nomination — commitments of A on them, the past conference's minutes published, and a case with
 * a record of every kind that the routes' parameters name.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { consents, partnerMemberships } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { firstRow } from '../lib/required';
import { type IdLookup, minimalObject, type RouteSchemas } from './access-bodies';
import { type DataState, dataStates, type SignedInRole } from './access-expect';
import { type ConferenceIds, conferencesOfTheWorld } from './access-world-conferences';
import {
  acquire,
  consent,
  institution,
  measure,
  occupationId,
  offer,
  ok,
  openCase,
  staff,
  suggest,
} from './factories';
import { createOrganisation, createUser, login, type Session, type TestApp } from './harness';
import { addMembership, partnerSession } from './partners';

export interface World extends ConferenceIds {
  t: TestApp;
  sessions: Record<SignedInRole, Session>;
  organisationId: string;
  /** An e-mail and PASSWORD that log in (the dpo's). */
  loginEmail: string;
  users: { counsellor: string; lead: string; spare: string };
  institutions: { a: string; b: string; c: string; employer: string };
  /** A contact person of institution C. */
  contactId: string;
  /** The counsellor's case that the case routes act on (the state cases stay as they are). */
  workCase: string;
  /** The work case's records by the path segment that names their kind (`residence`, `documents`…). */
  records: Record<string, string>;
  occupationId: string;
  measureId: string;
  opportunityId: string;
  savedFilterId: string;
  /** A funder report the counsellor saved. */
  savedReportId: string;
  importId: string;
  /** A restriction request of the work case, recorded by the dpo (privacy/routes-requests). */
  privacyRequestId: string;
  /** A partner account (membership) of institution C, for the routes that manage accounts. */
  partnerAccountId: string;
  ids: IdLookup;
}

export const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n');

/** The zod schemas of a route of the app, by its `METHOD /url`. */
export function routeSchemas(t: TestApp, key: string): RouteSchemas {
  const route = t.app.routeTable.routes.find((r) => `${r.method} ${r.url}` === key);
  if (!route) throw new Error(`no route ${key}`);
  return (route.schema ?? {}) as RouteSchemas;
}

/** Sends the route's minimal body (with `overrides`) as `session`; answers the 200 body. */
/** A funder report to save: the generated body would name a version no definition has. */
export const savedReportBody = {
  name: 'Jahresbericht',
  report: 'measures',
  version: 1,
  from: '2025-01-01',
  to: '2025-12-31',
  by: 'none',
};

export async function createBy(
  w: Pick<World, 't' | 'ids'>,
  session: Session,
  key: string,
  params: Record<string, string>,
  overrides: Record<string, unknown> = {},
) {
  const [method, url = ''] = key.split(' ');
  const body = routeSchemas(w.t, key).body;
  const payload = body ? minimalObject(body as z.ZodType, w.ids, overrides) : overrides;
  const path = url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? `:${name}`);
  return ok(await session.request(method as 'POST', path, payload));
}

async function people(t: TestApp) {
  const team = await staff(t, ['admin', 'lead', 'aylin', 'jonas', 'dpo']);
  const other = await createOrganisation(t.ctx);
  const outsider = await createUser(t.ctx, other.org.id, ['admin', 'lead', 'counsellor', 'dpo']);
  const spare = await createUser(t.ctx, team.organisation.id, ['counsellor']);
  return { team, outsider: await login(t.app, outsider.email), spare: spare.id };
}

/** The case's records, one of each kind a route names, made through the API by the counsellor. */
async function caseRecords(w: World) {
  const s = w.sessions.counsellor;
  const kinds = ['residence', 'qualifications', 'experience', 'languages', 'procedures', 'objectives'];
  for (const kind of [...kinds, 'steps', 'contacts'])
    w.records[kind] = (await createBy(w, s, `POST /api/clients/:id/${kind}`, { id: w.workCase })).id;
  w.records.consents = (await consent(s, w.workCase)).consents[0]?.id ?? '';
  const doc = ok(
    await s.form(`/api/clients/${w.workCase}/documents`, { category: 'other' }, { name: 'a.pdf', data: PDF }),
  );
  w.records.documents = doc.id;
  w.records.measures = (await acquire(s, w.workCase, w.measureId)).id;
  w.records.opportunities = (await suggest(s, w.workCase, w.opportunityId)).id;
}

/** A new contact person of institution C (the answer is the institution: found by its name). */
export async function newContact(w: World): Promise<string> {
  const name = `Kontakt ${randomUUID().slice(0, 8)}`;
  const answer = await createBy(
    w,
    w.sessions.lead,
    'POST /api/institutions/:id/contacts',
    { id: w.institutions.c },
    { name },
  );
  const contacts = answer.contacts as { id: string; name: string }[];
  return firstRow(
    contacts.filter((c) => c.name === name),
    'the new contact person',
  ).id;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { team, outsider, spare } = await people(t);
  const { lead, aylin: counsellor } = team;
  const org = team.organisation.id;
  const institutionA = (await institution(lead, { type: 'job_centre' })).id;
  const a = await partnerSession(t, org, institutionA);
  const w = {
    t,
    organisationId: org,
    loginEmail: team.dpo.user.email,
    users: { counsellor: counsellor.user.id, lead: lead.user.id, spare },
    records: {} as Record<string, string>,
  } as World;
  w.institutions = {
    a: institutionA,
    b: (await institution(lead, { type: 'chamber_ihk' })).id,
    c: (await institution(lead, { type: 'employment_agency' })).id,
    employer: (await institution(lead, { type: 'company' })).id,
  };
  const b = await partnerSession(t, org, w.institutions.b);
  w.sessions = {
    partnerA: a.session,
    partnerB: b.session,
    counsellor,
    otherCounsellor: team.jonas,
    lead,
    admin: team.admin,
    dpo: team.dpo,
    outsider,
  };
  w.ids = idsOf(w);
  w.contactId = await newContact(w);
  w.occupationId = await occupationId(counsellor, 'pflegefach');
  w.measureId = (await measure(lead)).id;
  w.opportunityId = (await offer(lead, w.institutions.employer)).id;
  w.workCase = (await openCase(counsellor, { givenNames: 'Work', familyName: 'Case' })).id;
  await caseRecords(w);
  w.savedFilterId = (await createBy(w, counsellor, 'POST /api/saved-filters', {}, { query: {} })).id;
  w.savedReportId = (await createBy(w, counsellor, 'POST /api/reports/saved', {}, savedReportBody)).id;
  w.privacyRequestId = ok<{ id: string }>(
    await team.dpo.post('/api/privacy/requests', {
      clientId: w.workCase,
      kind: 'restriction',
      receivedOn: todayInGermany(),
    }),
  ).id;
  w.importId = ok(
    await counsellor.upload('/api/clients/import', 'list.csv', 'Nachname;Vorname\nMuster;Max\n'),
  ).id;
  const partnerC = await createUser(t.ctx, org, ['partner']);
  await addMembership(t, partnerC.id, org, w.institutions.c);
  w.partnerAccountId = firstRow(
    await t.ctx.db.select().from(partnerMemberships).where(eq(partnerMemberships.userId, partnerC.id)),
    'the partner account of C',
  ).id;
  Object.assign(w, await conferencesOfTheWorld(w, await stateCases(w)));
  await endConsents(w);
  return w;
}

/** The four cases whose nominations are in the four data states, with their consents as given. */
async function stateCases(w: World) {
  const cases = {} as Record<DataState, { caseId: string; consentId: string | null }>;
  for (const state of dataStates) {
    const c = await openCase(w.sessions.counsellor, { givenNames: 'State', familyName: state });
    const given =
      state === 'anonymised'
        ? null
        : await consent(w.sessions.counsellor, c.id, {
            purposes: ['conference_sharing'],
            institutionIds: [w.institutions.a],
            dataCategories: ['identity', 'qualifications', 'recognition', 'language'],
            givenOn: addDays(todayInGermany(), -10),
          });
    cases[state] = { caseId: c.id, consentId: given?.consents[0]?.id ?? null };
  }
  return cases;
}

/** After the minutes went out: one consent is withdrawn, one ran out yesterday. */
async function endConsents(w: World) {
  const withdrawn = w.states.withdrawn;
  ok(
    await w.sessions.counsellor.post(
      `/api/clients/${withdrawn.caseId}/consents/${withdrawn.consentId}/withdraw`,
    ),
  );
  await w.t.ctx.db
    .update(consents)
    .set({ validUntil: addDays(todayInGermany(), -1) })
    .where(eq(consents.id, w.states.expired.consentId ?? ''));
}

/** The world's id for a field of a body or query, by the field's name. */
function idsOf(w: World): IdLookup {
  return (field) =>
    ({
      organisationId: w.organisationId,
      institutionId: w.institutions.a,
      employerId: w.institutions.employer,
      intoId: w.institutions.b,
      contactId: w.contactId,
      clientId: w.workCase,
      toUserId: w.users.counsellor,
      userId: w.users.counsellor,
      moderatorId: w.users.lead,
      minuteTakerId: w.users.lead,
      measureId: w.measureId,
      opportunityId: w.opportunityId,
      occupationId: w.occupationId,
      referenceOccupationId: w.occupationId,
      objectiveId: w.records.objectives,
      qualificationId: w.records.qualifications,
      sectorId: w.sectorId,
      seriesId: w.seriesId,
      pathwayId: w.pathwayId,
      conferenceId: w.upcoming?.id,
      nominationId: w.states?.valid.nominationId,
      invitationId: w.upcoming?.invitationA,
    })[field];
}
