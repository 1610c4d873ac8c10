/**
 * A conference prepared as part 1 leaves it, for the tests of what happens at and after the
 * table: three invited institutions, cases nominated with different consents, the agenda fixed,
 * and (by default) begun a few minutes ago, so that live mode and "held" are possible.
 */
import { eq } from 'drizzle-orm';
import type { Conference } from '../../contracts/conferences';
import type { ConsentBody } from '../../contracts/consent';
import { commitments, conferences } from '../db/schema';
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
  options: { cases?: number; begun?: boolean; title?: string; seriesId?: string } = {},
): Promise<PreparedConference> {
  const today = todayInGermany();
  const institutions = {
    jc: await institution(lead, {
      name: `Jobcenter ${Math.random().toString(36).slice(2, 7)}`,
      type: 'job_centre',
    }),
    ihk: await institution(lead, {
      name: `IHK ${Math.random().toString(36).slice(2, 7)}`,
      type: 'chamber_ihk',
    }),
    aa: await institution(lead, {
      name: `Agentur ${Math.random().toString(36).slice(2, 7)}`,
      type: 'employment_agency',
    }),
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
