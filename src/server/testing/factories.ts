/**
 * Factories for the set-up the API tests share: an organisation with its staff logged in, a case,
 * an institution of the directory, a consent, a measure, an employer's offer. They go through the
 * real app (HTTP via Session), so every rule a test relies on also applies to its set-up; users are
 * the one exception (inserted by the harness, as an invitation round trip would only slow tests).
 * Each factory has defaults that satisfy the API and takes the fields a test cares about; each
 * fails the test at once, with the answer's body, when the app refuses what it was asked to make.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { AuditPage } from '../../contracts/audit';
import type { Role } from '../../contracts/auth';
import type { ClientDetail, CreateClientBody } from '../../contracts/clients';
import type { ConsentBody, ConsentOverview } from '../../contracts/consent';
import type {
  Acquisition,
  acquisitionUpdateBody,
  Measure,
  measureBody,
  Placement,
  placementUpdateBody,
} from '../../contracts/measures';
import type { Institution, institutionBody, Opportunity, opportunityBody } from '../../contracts/network';
import { institutions } from '../db/schema';
import { required } from '../lib/required';
import { createOrganisation, createUser, login, type Session, type TestApp } from './harness';
import { partnerSession } from './partners';

/** An answer of app.inject, as far as the factories read it. */
interface Answer {
  statusCode: number;
  body: string;
  json: () => unknown;
}

/** The body of a 200 answer; any other status fails the test and shows the body. */
export function ok<T = Json>(res: Answer): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** An answer the test reads freely (JSON of a route without a factory of its own). */
export type Json = Record<string, unknown> & { id: string; version: number };

const suffix = () => randomBytes(3).toString('hex');

// --- who ---

/**
 * The staff of a counselling centre, as the tests call them. Names are fixed because tests read
 * them back (owner of a case, who recorded a disclosure, who changed a record).
 */
export const personas = {
  /** The organisation's administrator (the one created with it). */
  admin: { roles: ['admin'], name: undefined },
  /** Project lead: sees every case of the organisation. */
  lead: { roles: ['lead'], name: 'Miriam Kessler' },
  /** The counsellor who opens the cases of a test. */
  aylin: { roles: ['counsellor'], name: 'Aylin Demir' },
  /** A second counsellor, who does not see Aylin's cases unless they are shared with him. */
  jonas: { roles: ['counsellor'], name: 'Jonas Becker' },
  /** Data protection officer: the audit log, no case content. */
  dpo: { roles: ['dpo'], name: 'Dana Schutz' },
  /** Representative of an external institution. */
  partner: { roles: ['partner'], name: 'Paul Partner' },
} as const satisfies Record<string, { roles: readonly Role[]; name: string | undefined }>;
export type Persona = keyof typeof personas;

export type Staff<P extends Persona> = { organisation: { id: string; name: string } } & {
  [K in P]: Session;
};

/**
 * A new organisation with the given personas, each logged in. Their user ids are `session.user.id`.
 *
 *   const { lead, aylin, jonas } = await staff(t, ['lead', 'aylin', 'jonas']);
 */
export async function staff<P extends Persona>(
  t: TestApp,
  wanted: readonly P[],
  organisationName?: string,
): Promise<Staff<P>> {
  const { org, admin } = await createOrganisation(t.ctx, organisationName);
  const team: Record<string, unknown> = { organisation: { id: org.id, name: org.name } };
  for (const persona of wanted) {
    const { roles, name } = personas[persona];
    if (persona === 'partner') {
      team[persona] = await partnerOf(t, org.id, name);
      continue;
    }
    const email =
      persona === 'admin' ? admin.email : (await createUser(t.ctx, org.id, [...roles], name)).email;
    team[persona] = await login(t.app, email);
  }
  return team as Staff<P>;
}

/** A user with these roles in the organisation, logged in. */
export async function member(t: TestApp, organisationId: string, roles: Role[], name?: string) {
  if (roles.includes('partner')) return partnerOf(t, organisationId, name);
  return login(t.app, (await createUser(t.ctx, organisationId, roles, name)).email);
}

/** A partner of a job centre of the organisation's directory, enrolled in a second factor, logged in. */
async function partnerOf(t: TestApp, organisationId: string, name?: string): Promise<Session> {
  const [desk] = await t.ctx.db
    .insert(institutions)
    .values({ organisationId, name: 'Jobcenter der Tests', type: 'job_centre' })
    .returning({ id: institutions.id });
  return (await partnerSession(t, organisationId, required(desk, 'the institution').id, name)).session;
}

/** The lead of another organisation: someone who must see nothing of the first one. */
export async function outsider(t: TestApp): Promise<Session> {
  return (await staff(t, ['lead'])).lead;
}

// --- reference data ---

/** The id of one of the organisation's sectors, by its name. */
export async function sectorId(s: Session, name: string): Promise<string> {
  const sectors = ok<{ id: string; name: string }[]>(await s.get('/api/sectors'));
  const found = sectors.find((x) => x.name === name);
  if (!found) throw new Error(`no sector ${name} in ${sectors.map((x) => x.name).join(', ')}`);
  return found.id;
}

/** The id of the first reference occupation the search finds. */
export async function occupationId(s: Session, q: string): Promise<string> {
  const [first] = ok<{ id: string }[]>(await s.get(`/api/occupations?q=${encodeURIComponent(q)}`));
  if (!first) throw new Error(`no occupation found for ${q}`);
  return first.id;
}

// --- the case file ---

/** Opens a case through intake (POST /api/clients); the caller becomes its owner. */
export async function openCase(s: Session, fields: Partial<CreateClientBody> = {}): Promise<ClientDetail> {
  return ok(
    await s.post('/api/clients', {
      givenNames: 'Fatima',
      familyName: 'Haddad',
      intakeDate: '2026-01-10',
      ...fields,
    }),
  );
}

/** The whole case file as its viewer sees it (GET /api/clients/:id). */
export async function caseFile(s: Session, caseId: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the case file is read field by field by each test
  return ok<any>(await s.get(`/api/clients/${caseId}`));
}

/** Records a consent for a case; by default only to keep the counselling record. */
export async function consent(s: Session, caseId: string, body: Partial<ConsentBody> = {}) {
  return ok<ConsentOverview>(
    await s.post(`/api/clients/${caseId}/consents`, {
      purposes: ['counselling_record'],
      givenOn: '2026-11-01',
      ...body,
    }),
  );
}

/** The client agrees that their profile may go to this employer (named by directory entry). */
export async function employerConsent(
  s: Session,
  caseId: string,
  employerId: string,
  body: Partial<ConsentBody> = {},
) {
  return consent(s, caseId, {
    purposes: ['employer_profile'],
    institutionIds: [employerId],
    dataCategories: ['qualifications'],
    ...body,
  });
}

// --- the network ---

type InstitutionFields = Partial<z.input<typeof institutionBody>>;

/** An institution of the directory; by default a company with a name no other one starts like. */
export async function institution(s: Session, fields: InstitutionFields = {}): Promise<Institution> {
  return ok(await s.post('/api/institutions', { name: `Firma ${suffix()}`, type: 'company', ...fields }));
}

/** An employer's offer (internship, job, …) of a company of the directory. */
export async function offer(
  s: Session,
  employerId: string,
  fields: Partial<z.input<typeof opportunityBody>> = {},
): Promise<Opportunity> {
  return ok(
    await s.post('/api/opportunities', { employerId, kind: 'job', title: `Stelle ${suffix()}`, ...fields }),
  );
}

/** A measure of the catalogue; by default a coaching with nothing else said. */
export async function measure(
  s: Session,
  fields: Partial<z.input<typeof measureBody>> = {},
): Promise<Measure> {
  return ok(await s.post('/api/measures', { title: `Maßnahme ${suffix()}`, type: 'coaching', ...fields }));
}

/** Proposes a measure for a case; answers the case's new entry (status `proposed`). */
export async function acquire(s: Session, caseId: string, measureId: string, note?: string) {
  const list = ok<Acquisition[]>(await s.post(`/api/clients/${caseId}/measures`, { measureId, note }));
  return only(list, (a) => a.measure.id === measureId, `measure ${measureId}`);
}

/** Suggests an employer's offer for a case; answers the case's new entry (status `suggested`). */
export async function suggest(s: Session, caseId: string, opportunityId: string) {
  const list = ok<Placement[]>(await s.post(`/api/clients/${caseId}/opportunities`, { opportunityId }));
  return only(list, (p) => p.opportunity.id === opportunityId, `offer ${opportunityId}`);
}

export type AcquisitionChange = Omit<z.input<typeof acquisitionUpdateBody>, 'version'>;
export type PlacementChange = Omit<z.input<typeof placementUpdateBody>, 'version'>;

/** Sends a change of a case's measure at the version the entry was read; answers the raw response. */
export function changeAcquisition(s: Session, caseId: string, entry: Acquisition, change: AcquisitionChange) {
  return s.patch(`/api/clients/${caseId}/measures/${entry.id}`, { version: entry.version, ...change });
}

/** Sends a change of a case's offer at the version the entry was read; answers the raw response. */
export function changePlacement(s: Session, caseId: string, entry: Placement, change: PlacementChange) {
  return s.patch(`/api/clients/${caseId}/opportunities/${entry.id}`, { version: entry.version, ...change });
}

/** The changed entry of a 200 answer to changeAcquisition/changePlacement (they answer the list). */
export function changed<T extends { id: string }>(res: Answer, entry: T): T {
  return only(ok<T[]>(res), (x) => x.id === entry.id, `entry ${entry.id}`);
}

/** The one element of an answer's list a factory is after; its absence fails the test. */
function only<T>(list: T[], test: (x: T) => boolean, what: string): T {
  const hit = list.find(test);
  if (!hit) throw new Error(`${what} is missing from the answer`);
  return hit;
}

// --- the audit log ---

/** One page of the audit log as an admin or the dpo reads it, e.g. `{ action: 'client.read' }`. */
export async function auditTrail(s: Session, query: Record<string, string>) {
  return ok<AuditPage>(await s.get(`/api/audit?${new URLSearchParams(query)}`));
}
