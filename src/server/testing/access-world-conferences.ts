/**
 * The conferences of the authorisation matrix's world: an upcoming one (invitations sent, where
 * the portal's RSVP, briefs, pack and written input belong) and a past one (held, minutes
 * published, commitments of institution A made there). Both invite A and B and nominate the four
 * state cases, each needing A and B; the anonymised one is marked so on both.
 */
import { and, eq } from 'drizzle-orm';
import type { Conference } from '../../contracts/conferences';
import { rsvpToken } from '../conferences/rsvp';
import { conferenceEntries, conferenceInvitations, conferences } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { firstRow } from '../lib/required';
import type { DataState } from './access-expect';
import type { World } from './access-world';
import { commitment, markHeld, pathway } from './conferences';
import { ok, sectorId } from './factories';

export interface StateRecords {
  caseId: string;
  consentId: string | null;
  /** The nomination at the upcoming conference. */
  nominationId: string;
  pastNominationId: string;
  /** Institution A's commitment on the case, made at the past conference. */
  commitmentId: string;
}

export interface ConferenceIds {
  sectorId: string;
  seriesId: string;
  pathwayId: string;
  upcoming: { id: string; invitationA: string; rsvpToken: string };
  past: { id: string; liveEntryId: string };
  states: Record<DataState, StateRecords>;
}

type StateCases = Record<DataState, { caseId: string; consentId: string | null }>;

/** A conference in two weeks inviting A and B, the state cases nominated (one anonymised), invitations sent. */
async function conferenceWithCases(w: World, cases: StateCases, title: string, sector: string) {
  const { lead, counsellor } = w.sessions;
  const created = ok<Conference>(
    await lead.post('/api/conferences', {
      title,
      sectorId: sector,
      seriesId: w.seriesId ?? null,
      date: addDays(todayInGermany(), 14),
      startTime: '09:30',
      place: 'Rathaus Saarbrücken',
    }),
  );
  for (const institutionId of [w.institutions.a, w.institutions.b])
    ok(await lead.post(`/api/conferences/${created.id}/invitations`, { institutionId }));
  const nominations = {} as Record<DataState, string>;
  for (const [state, c] of Object.entries(cases) as [DataState, StateCases[DataState]][]) {
    const page = ok<Conference>(
      await counsellor.post(`/api/conferences/${created.id}/nominations`, {
        clientId: c.caseId,
        question: `Wie geht es weiter (${state})?`,
        institutionIds: [w.institutions.a, w.institutions.b],
      }),
    );
    const n = firstRow(
      page.nominations.filter((x) => x.client.id === c.caseId),
      'the nomination',
    );
    nominations[state] = n.id;
    if (state === 'anonymised')
      ok(
        await counsellor.patch(`/api/conferences/${created.id}/nominations/${n.id}`, {
          anonymised: true,
          version: n.version,
        }),
      );
  }
  const read = ok<Conference>(await lead.get(`/api/conferences/${created.id}`));
  const sent = ok<Conference>(
    await lead.post(`/api/conferences/${created.id}/invitations/send`, { version: read.version }),
  );
  return { conference: sent, nominations };
}

/** The upcoming conference's invitation of A and a genuine RSVP link token for it. */
async function invitationOfA(w: World, conferenceId: string) {
  const row = firstRow(
    await w.t.ctx.db
      .select()
      .from(conferenceInvitations)
      .where(
        and(
          eq(conferenceInvitations.conferenceId, conferenceId),
          eq(conferenceInvitations.institutionId, w.institutions.a),
        ),
      ),
    'the invitation of A',
  );
  const token = rsvpToken(w.t.ctx.config, {
    invitationId: row.id,
    conferenceId,
    nonce: row.tokenNonce,
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
  return { invitationA: row.id, rsvpToken: token };
}

/** The past conference: begun, held and its minutes published, with A's commitments and a live note. */
async function holdAndPublish(w: World, conferenceId: string) {
  const { lead } = w.sessions;
  const fixed = ok<Conference>(await lead.get(`/api/conferences/${conferenceId}`));
  ok(await lead.post(`/api/conferences/${conferenceId}/agenda/fix`, { version: fixed.version }));
  await w.t.ctx.db
    .update(conferences)
    .set({ startsAt: new Date(Date.now() - 3 * 3_600_000) })
    .where(eq(conferences.id, conferenceId));
  const held = await markHeld(lead, conferenceId);
  ok(await lead.post(`/api/conferences/${conferenceId}/minutes/publish`, { version: held.version }));
  const [note] = await w.t.ctx.db
    .insert(conferenceEntries)
    .values({ organisationId: w.organisationId, conferenceId, kind: 'note', text: 'Begrüßung' })
    .returning();
  return firstRow(note ? [note] : [], 'the live note').id;
}

export async function conferencesOfTheWorld(w: World, cases: StateCases): Promise<ConferenceIds> {
  const { lead } = w.sessions;
  const sector = await sectorId(lead, 'Gesundheit und Pflege');
  w.sectorId = sector;
  w.seriesId = ok(
    await lead.post('/api/conference-series', { title: 'Geberkonferenz Pflege', sectorId: sector }),
  ).id;
  const upcoming = await conferenceWithCases(w, cases, 'Geberkonferenz Pflege Juni', sector);
  const past = await conferenceWithCases(w, cases, 'Geberkonferenz Pflege März', sector);
  const liveEntryId = await holdAndPublish(w, past.conference.id);
  const states = {} as Record<DataState, StateRecords>;
  for (const [state, c] of Object.entries(cases) as [DataState, StateCases[DataState]][]) {
    const made = await commitment(w.t, lead, past.conference.id, {
      institutionId: w.institutions.a,
      nomination: { id: past.nominations[state], clientId: c.caseId },
      dueDate: addDays(todayInGermany(), 30),
    });
    states[state] = {
      ...c,
      nominationId: upcoming.nominations[state],
      pastNominationId: past.nominations[state],
      commitmentId: made?.id ?? '',
    };
  }
  const adopted = await pathway(w.t, past.conference.id, 'Pflegefachkräfte mit Defizitbescheid');
  return {
    sectorId: sector,
    seriesId: w.seriesId,
    pathwayId: adopted.id,
    upcoming: { id: upcoming.conference.id, ...(await invitationOfA(w, upcoming.conference.id)) },
    past: { id: past.conference.id, liveEntryId },
    states,
  };
}
