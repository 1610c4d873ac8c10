/**
 * A conference prepared as part 1 leaves it, for the tests of what happens at and after the
 * table: three invited institutions, cases nominated with different consents, the agenda fixed,
 * and (by default) begun a few minutes ago, so that live mode and "held" are possible.
 */
import { and, eq } from 'drizzle-orm';
import type { CaseFile } from '../../contracts/casefile';
import type { ClientDetail, Stage } from '../../contracts/clients';
import type { CommitmentStatus } from '../../contracts/commitments';
import type { Conference } from '../../contracts/conferences';
import type { ConsentBody } from '../../contracts/consent';
import {
  caseTransitions,
  commitments,
  conferenceEntries,
  conferenceNominations,
  conferences,
  nextSteps,
  objectives,
  pathways,
} from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { consent, institution, occupationId, ok, openCase, sectorId } from './factories';
import type { Session, TestApp } from './harness';

export interface PreparedConference {
  conference: Conference;
  /** jc: the case's consent names it, identified; ihk: named, pseudonymised; aa: not named. */
  institutions: Record<'jc' | 'ihk' | 'aa', { id: string; name: string }>;
  /** Nominated cases in agenda order; the last one's consent names only the job centre. */
  cases: { id: string; caseCode: string; name: string; nominationId: string }[];
}

export async function preparedConference(
  t: TestApp,
  lead: Session,
  counsellor: Session,
  options: {
    cases?: number;
    begun?: boolean;
    title?: string;
    seriesId?: string;
    /** Give each institution an address (`<key>-<tag>@partner.example`), so that mail reaches it. */
    addresses?: boolean;
  } = {},
): Promise<PreparedConference> {
  const today = todayInGermany();
  const tag = Math.random().toString(36).slice(2, 7);
  const email = (key: string) => (options.addresses ? `${key}-${tag}@partner.example` : null);
  const institutions = {
    jc: await institution(lead, { name: `Jobcenter ${tag}`, type: 'job_centre', email: email('jc') }),
    ihk: await institution(lead, { name: `IHK ${tag}`, type: 'chamber_ihk', email: email('ihk') }),
    aa: await institution(lead, { name: `Agentur ${tag}`, type: 'employment_agency', email: email('aa') }),
  };
  const sector = await sectorId(lead, 'Gesundheit und Pflege');
  const created = ok<Conference>(
    await lead.post('/api/conferences', {
      title: options.title ?? 'Geberkonferenz Pflege',
      sectorId: sector,
      seriesId: options.seriesId ?? null,
      date: addDays(today, 14),
      startTime: '09:30',
      place: 'Rathaus Saarbrücken',
    }),
  );
  for (const i of Object.values(institutions))
    ok(await lead.post(`/api/conferences/${created.id}/invitations`, { institutionId: i.id }));
  const nurse = await occupationId(counsellor, 'pflegefach');
  const given: Partial<ConsentBody> = {
    purposes: ['conference_sharing'],
    dataCategories: ['identity', 'qualifications', 'recognition', 'language'],
    givenOn: addDays(today, -10),
  };
  const count = options.cases ?? 3;
  const cases: PreparedConference['cases'] = [];
  for (let n = 0; n < count; n++) {
    const last = n === count - 1 && count > 1;
    const c = await openCase(counsellor, { givenNames: `Case${n + 1}`, familyName: `Person${n + 1}` });
    ok(
      await counsellor.post(`/api/clients/${c.id}/qualifications`, {
        titleOriginal: 'Nurse',
        titleTranslation: 'Pflegefachkraft',
        country: 'PH',
        kind: 'vocational',
        referenceOccupationId: nurse,
      }),
    );
    await consent(counsellor, c.id, { ...given, institutionIds: [institutions.jc.id], scope: 'identified' });
    if (!last) await consent(counsellor, c.id, { ...given, institutionIds: [institutions.ihk.id] });
    const nomination = ok<Conference>(
      await counsellor.post(`/api/conferences/${created.id}/nominations`, {
        clientId: c.id,
        question: `What next for case ${n + 1}?`,
        institutionIds: Object.values(institutions).map((i) => i.id),
      }),
    );
    const nominated = nomination.nominations.find((x) => x.client.id === c.id);
    cases.push({
      id: c.id,
      caseCode: c.caseCode,
      name: `Case${n + 1} Person${n + 1}`,
      nominationId: nominated?.id ?? '',
    });
  }
  let conference = ok<Conference>(await lead.get(`/api/conferences/${created.id}`));
  conference = ok<Conference>(
    await lead.post(`/api/conferences/${created.id}/invitations/send`, { version: conference.version }),
  );
  conference = ok<Conference>(
    await lead.post(`/api/conferences/${created.id}/agenda/fix`, { version: conference.version }),
  );
  if (options.begun ?? true) {
    // The conference began five minutes ago: only the clock stands between a plan and the table.
    await t.ctx.db
      .update(conferences)
      .set({ startsAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(conferences.id, created.id));
    conference = ok<Conference>(await lead.get(`/api/conferences/${created.id}`));
  }
  return { conference, institutions, cases };
}

type ItemRef = 'commitments' | number;
const nominationOf = (prepared: PreparedConference, item: ItemRef) =>
  item === 'commitments' ? null : (prepared.cases[item]?.nominationId ?? null);

/**
 * What live mode records at the table — notes, decisions, dissent per agenda item (`commitments`
 * or the index of a case in `prepared.cases`) — inserted as rows: live mode makes them through
 * its API, which the tests of what follows the table need not go through.
 */
export async function tableEntries(
  t: TestApp,
  prepared: PreparedConference,
  entries: { item: ItemRef; kind: 'note' | 'decision' | 'dissent'; text: string; conflictOf?: string }[],
) {
  const [c] = await t.ctx.db.select().from(conferences).where(eq(conferences.id, prepared.conference.id));
  const rows: (typeof conferenceEntries.$inferSelect)[] = [];
  for (const e of entries) {
    // One at a time, a millisecond apart: live mode writes them as they are said, in that order.
    const [row] = await t.ctx.db
      .insert(conferenceEntries)
      .values({
        organisationId: c?.organisationId ?? '',
        conferenceId: prepared.conference.id,
        nominationId: nominationOf(prepared, e.item),
        kind: e.kind,
        text: e.text,
        conflictOf: e.conflictOf ?? null,
        createdAt: new Date(Date.now() + rows.length),
      })
      .returning();
    if (row) rows.push(row);
  }
  return rows;
}

/** Commitments made at the table (live mode makes them through its API), on an item, by an institution. */
export async function tableCommitments(
  t: TestApp,
  prepared: PreparedConference,
  list: {
    item: ItemRef;
    institution: keyof PreparedConference['institutions'];
    action: string;
    dueDate?: string;
    /** On the first item: the case it is for (none by default). */
    clientId?: string | null;
    /** Made at another conference (of the same series: it is carried over onto this one's first item). */
    madeAt?: string;
  }[],
) {
  const [c] = await t.ctx.db.select().from(conferences).where(eq(conferences.id, prepared.conference.id));
  return t.ctx.db
    .insert(commitments)
    .values(
      list.map((x) => ({
        organisationId: c?.organisationId ?? '',
        conferenceId: x.madeAt ?? prepared.conference.id,
        nominationId: x.madeAt ? null : nominationOf(prepared, x.item),
        clientId: x.item === 'commitments' ? (x.clientId ?? null) : (prepared.cases[x.item]?.id ?? null),
        institutionId: prepared.institutions[x.institution].id,
        responsibleName: 'Frau Beispiel',
        action: x.action,
        dueDate: x.dueDate ?? addDays(todayInGermany(), 30),
      })),
    )
    .returning();
}

// --- what happened at and after the table (rows as live mode, the commitments list and pathways write them) ---

/** Marks a begun conference held through the API, as the lead does after the meeting. */
export async function markHeld(lead: Session, conferenceId: string): Promise<Conference> {
  const c = ok<Conference>(await lead.get(`/api/conferences/${conferenceId}`));
  return ok<Conference>(
    await lead.post(`/api/conferences/${conferenceId}/status`, { status: 'held', version: c.version }),
  );
}

/** Moves a conference's start (and so the day it counts on) to another instant. */
export async function moveStart(t: TestApp, conferenceId: string, startsAt: Date) {
  await t.ctx.db.update(conferences).set({ startsAt }).where(eq(conferences.id, conferenceId));
}

/** Live mode called the case up: it was discussed. */
export async function markDiscussed(t: TestApp, nominationId: string, at = new Date()) {
  await t.ctx.db
    .update(conferenceNominations)
    .set({ discussedAt: at, discussedSeconds: 300 })
    .where(eq(conferenceNominations.id, nominationId));
}

export interface CommitmentSpec {
  institutionId: string;
  /** The case's nomination at this conference; none for the first agenda item. */
  nomination?: { id: string; clientId: string };
  dueDate: string;
  status?: CommitmentStatus;
  /** The day done or dropped was reported. */
  reportedOn?: string;
}

/** A commitment made at a conference, in the state the spec gives it, as its row is stored. */
export async function commitment(t: TestApp, lead: Session, conferenceId: string, spec: CommitmentSpec) {
  const status = spec.status ?? 'open';
  const [row] = await t.ctx.db
    .insert(commitments)
    .values({
      organisationId: await organisationOf(t, conferenceId),
      conferenceId,
      nominationId: spec.nomination?.id ?? null,
      clientId: spec.nomination?.clientId ?? null,
      institutionId: spec.institutionId,
      action: 'Prüft den Antrag',
      dueDate: spec.dueDate,
      status,
      statusNote: status === 'dropped' ? 'Nicht mehr nötig' : null,
      reportedOn: spec.reportedOn ?? null,
      reportedAt: status === 'open' ? null : new Date(),
      reportedBy: status === 'open' ? null : lead.user.id,
      createdBy: lead.user.id,
    })
    .returning();
  return row;
}

async function organisationOf(t: TestApp, conferenceId: string): Promise<string> {
  const [c] = await t.ctx.db
    .select({ organisationId: conferences.organisationId })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  if (!c) throw new Error(`no conference ${conferenceId}`);
  return c.organisationId;
}

/** A pathway of `steps` steps, adopted at the conference when one is named. */
export async function pathway(t: TestApp, conferenceId: string, title: string, steps = 3, adopted = true) {
  const [c] = await t.ctx.db.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!c) throw new Error(`no conference ${conferenceId}`);
  const [row] = await t.ctx.db
    .insert(pathways)
    .values({
      organisationId: c.organisationId,
      sectorId: c.sectorId,
      title,
      occupationGroup: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
      steps: Array.from({ length: steps }, (_, i) => ({
        text: `Schritt ${i + 1}`,
        responsible: null,
        funder: null,
        measureIds: [],
        weeks: (i + 1) * 4,
      })),
      conferenceId: adopted ? c.id : null,
      adoptedAt: adopted ? c.startsAt : null,
    })
    .returning();
  if (!row) throw new Error('no pathway');
  return row;
}

/** A case follows the pathway: an objective and its steps made from it, `done` of them done. */
export async function followPathway(
  t: TestApp,
  caseId: string,
  path: { id: string; organisationId: string; steps: unknown[] },
  done: number,
) {
  const [objective] = await t.ctx.db
    .insert(objectives)
    .values({
      organisationId: path.organisationId,
      clientId: caseId,
      text: 'Anerkennung',
      pathwayId: path.id,
    })
    .returning();
  await t.ctx.db.insert(nextSteps).values(
    path.steps.map((_, i) => ({
      organisationId: path.organisationId,
      clientId: caseId,
      objectiveId: objective?.id ?? null,
      text: `Schritt ${i + 1}`,
      doneAt: i < done ? new Date() : null,
      pathwayId: path.id,
    })),
  );
}

/** Moves the case to another stage through the API (a step back with a reason, closing with an outcome). */
export async function moveStage(
  s: Session,
  caseId: string,
  to: Stage,
  extra: { reason?: string; outcome?: string } = {},
) {
  const { client } = ok<CaseFile>(await s.get(`/api/clients/${caseId}`));
  return ok<ClientDetail>(
    await s.post(`/api/clients/${caseId}/stage`, { to, version: client.version, ...extra }),
  );
}

/** The case's transitions into `to` happened at `at` instead (a move made before a conference). */
export async function backdateTransition(t: TestApp, caseId: string, to: Stage, at: Date) {
  await t.ctx.db
    .update(caseTransitions)
    .set({ at })
    .where(and(eq(caseTransitions.clientId, caseId), eq(caseTransitions.toStage, to)));
}
export interface CommitmentFields {
  /** The case by its index in `prepared.cases`; null (the default): on the first item, for no case. */
  case?: number | null;
  institution?: keyof PreparedConference['institutions'];
  contactId?: string | null;
  responsibleName?: string | null;
  action?: string;
  /** Default: in two weeks. */
  dueDate?: string;
  status?: 'open' | 'done' | 'dropped';
  statusNote?: string | null;
  reportedOn?: string | null;
  /** When it was made at the table; default now. */
  createdAt?: Date;
  /** Who made it (a user id); default none. */
  createdBy?: string | null;
}

/**
 * A commitment made at the prepared conference. Live mode makes them through its API
 * (commitments/make.ts, /api/conferences/:id/live/…); the tests of what comes after the table
 * insert them as live mode stores them, so they need not drive a whole conference first.
 */
export async function commitmentOn(
  t: TestApp,
  prepared: PreparedConference,
  fields: CommitmentFields = {},
): Promise<{ id: string; version: number }> {
  const [c] = await t.ctx.db
    .select({ organisationId: conferences.organisationId })
    .from(conferences)
    .where(eq(conferences.id, prepared.conference.id));
  if (!c) throw new Error('the prepared conference is gone');
  const theCase = fields.case === undefined || fields.case === null ? null : prepared.cases[fields.case];
  if (fields.case != null && !theCase) throw new Error(`no case ${fields.case} in the prepared conference`);
  const status = fields.status ?? 'open';
  const [row] = await t.ctx.db
    .insert(commitments)
    .values({
      organisationId: c.organisationId,
      conferenceId: prepared.conference.id,
      nominationId: theCase?.nominationId ?? null,
      clientId: theCase?.id ?? null,
      institutionId: prepared.institutions[fields.institution ?? 'jc'].id,
      contactId: fields.contactId ?? null,
      responsibleName: fields.responsibleName === undefined ? 'Frau Berater' : fields.responsibleName,
      action: fields.action ?? 'Prüft die Förderung der Anpassungsqualifizierung',
      dueDate: fields.dueDate ?? addDays(todayInGermany(), 14),
      status,
      statusNote: fields.statusNote ?? null,
      reportedOn: fields.reportedOn ?? (status === 'open' ? null : todayInGermany()),
      reportedAt: status === 'open' ? null : new Date(),
      createdAt: fields.createdAt ?? new Date(),
      createdBy: fields.createdBy ?? null,
    })
    .returning({ id: commitments.id, version: commitments.version });
  if (!row) throw new Error('the commitment was not stored');
  return row;
}
