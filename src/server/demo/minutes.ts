import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import {
  commitments,
  conferenceEntries,
  conferenceInvitations,
  conferenceNominations,
  conferenceSeries,
  conferences,
  institutionContacts,
  institutions,
} from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { randomToken } from '../lib/secrets';
import { instantOf } from '../lib/zoned-time';
import { remindedByNow } from './conference-history';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const AGENCY = 'Agentur für Arbeit Saar-Mitte';
const AUTHORITY = 'Landesamt für Gesundheitsberufe Saar';
const ACADEMY = 'Pflegeakademie Saarlouis';

/** What was said at the table about each case, in the order of the agenda. */
const said = [
  {
    question: 'Wer finanziert die Anpassungsqualifizierung nach dem Defizitbescheid?',
    entries: [
      ['note', 'Defizitbescheid liegt vor: 320 Stunden Praxis, Schwerpunkt Akutpflege.'],
      ['decision', 'Das Jobcenter prüft einen Bildungsgutschein für die Anpassungsqualifizierung.'],
      ['dissent', 'Die Agentur hält eine Kenntnisprüfung für schneller.'],
    ],
    // Still open and past its due date: on the next conference's first item, overdue.
    commitment: {
      by: JOBCENTRE,
      action: 'Bildungsgutschein für die Anpassungsqualifizierung prüfen und ausstellen',
      due: 10,
      /** Overdue by four days whatever weekday the demo is made on. */
      dueFromToday: -4,
      doneAfter: null,
    },
  },
  {
    question: 'Kann die Kenntnisprüfung vor Vertragsbeginn im Klinikum stattfinden?',
    entries: [['decision', 'Das Landesamt nennt einen Prüftermin im Frühjahr.']],
    commitment: {
      by: AUTHORITY,
      action: 'Prüftermin für die Kenntnisprüfung mitteilen',
      due: 28,
      doneAfter: 20,
    },
  },
  {
    question: 'Wie lässt sich der Sprachkurs B2 Pflege mit der Teilzeitarbeit vereinbaren?',
    entries: [
      ['note', 'Abendkurs möglich; Kinderbetreuung noch offen.'],
      ['decision', 'Die Pflegeakademie reserviert einen Platz im Abendkurs.'],
    ],
    commitment: {
      by: ACADEMY,
      action: 'Platz im Abendkurs B2 Pflege reservieren',
      due: 150,
      doneAfter: null,
    },
  },
] as const;

/**
 * The series' previous conference, held two weeks ago and not yet minuted: its cases
 * with what live mode recorded and the commitments made — some done, some still open (and so on
 * the first item of the next conference) — for the lead to edit and publish the minutes.
 */
export async function demoHeldConference(
  tx: Db,
  organisationId: string,
  leadId: string,
  counsellorIds: string[],
) {
  const [series] = await tx
    .select()
    .from(conferenceSeries)
    .where(eq(conferenceSeries.organisationId, organisationId));
  if (!series) return;
  const rows = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(
      and(
        eq(institutions.organisationId, organisationId),
        inArray(institutions.name, [JOBCENTRE, AGENCY, AUTHORITY, ACADEMY]),
      ),
    );
  const idOf = (name: string) =>
    required(
      rows.find((r) => r.name === name),
      name,
    ).id;
  const contactRows = await tx
    .select({ id: institutionContacts.id, institutionId: institutionContacts.institutionId })
    .from(institutionContacts)
    .where(
      inArray(
        institutionContacts.institutionId,
        rows.map((r) => r.id),
      ),
    );
  const stamp = { organisationId, createdBy: leadId, updatedBy: leadId };
  let date = addDays(todayInGermany(), -14);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 4) date = addDays(date, 1);
  const startsAt = instantOf(date, '09:30', 'Europe/Berlin');
  const at = (days: number) => new Date(startsAt.getTime() + days * 86_400_000).toISOString();
  const [held] = await tx
    .insert(conferences)
    .values({
      ...stamp,
      seriesId: series.id,
      sectorId: series.sectorId,
      title: series.title,
      startsAt,
      place: series.place,
      moderatorId: leadId,
      minuteTakerId: counsellorIds[0] ?? null,
      status: 'held',
      statusHistory: [
        { status: 'planned', at: at(-30), by: leadId },
        { status: 'invited', at: at(-28), by: leadId },
        { status: 'agenda_fixed', at: at(-7), by: leadId },
        { status: 'held', at: at(0.2), by: leadId },
      ],
      agendaFixedAt: new Date(at(-7)),
      icsUid: `${randomToken(18)}@lotse`,
      searchText: normalise(`${series.title} ${series.place ?? ''}`),
    })
    .returning({ id: conferences.id });
  const conferenceId = required(held, 'the held demo conference').id;
  await tx.insert(conferenceInvitations).values(
    rows.map((r) => ({
      ...stamp,
      conferenceId,
      institutionId: r.id,
      contactId: contactRows.find((c) => c.institutionId === r.id)?.id ?? null,
      answer: 'attending',
      respondedAt: new Date(at(-25)),
      sentAt: new Date(at(-28)),
      tokenNonce: randomToken(12),
    })),
  );
  // Health cases not on the next conference: two whose consents name the institutions, one without (anonymised).
  const cases = await queryRows<{ id: string; named: boolean }>(
    tx,
    sql`SELECT c.id, bool_or('conference_sharing' = ANY(k.purposes) AND k.withdrawn_at IS NULL) AS named
        FROM clients c LEFT JOIN consents k ON k.client_id = c.id
        WHERE c.organisation_id = ${organisationId}::uuid AND c.sector_id = ${series.sectorId}::uuid
          AND c.stage <> 'closed'
          AND c.id NOT IN (SELECT client_id FROM conference_nominations WHERE organisation_id = ${organisationId}::uuid)
        GROUP BY c.id ORDER BY c.case_code`,
  );
  const chosen = [...cases.filter((c) => c.named).slice(0, 2), ...cases.filter((c) => !c.named).slice(0, 1)];
  const needed = [idOf(JOBCENTRE), idOf(AGENCY), idOf(AUTHORITY)];
  for (const [position, c] of chosen.entries()) {
    const what = required(said[position], 'what was said');
    const [n] = await tx
      .insert(conferenceNominations)
      .values({
        ...stamp,
        conferenceId,
        clientId: c.id,
        question: what.question,
        institutionIds: c.named ? needed : [idOf(ACADEMY)],
        anonymised: !c.named,
        position,
        discussedAt: new Date(at(0.01 * (position + 1))),
        discussedSeconds: 600,
      })
      .returning({ id: conferenceNominations.id });
    const nominationId = required(n, 'the nomination').id;
    await tx.insert(conferenceEntries).values(
      what.entries.map(([kind, text], i) => ({
        ...stamp,
        conferenceId,
        nominationId,
        kind,
        text,
        createdAt: new Date(at(0.01 * (position + 1) + i * 0.0005)),
      })),
    );
    const { by, action, due, doneAfter } = what.commitment;
    const dueDate =
      'dueFromToday' in what.commitment
        ? addDays(todayInGermany(), what.commitment.dueFromToday)
        : addDays(date, due);
    await tx.insert(commitments).values({
      ...stamp,
      conferenceId,
      nominationId,
      clientId: c.id,
      institutionId: idOf(by),
      action,
      dueDate,
      ...remindedByNow(dueDate, doneAfter !== null),
      ...(doneAfter === null
        ? {}
        : { status: 'done', reportedOn: addDays(date, doneAfter), reportedAt: new Date(at(doneAfter)) }),
    });
  }
  await tx.insert(conferenceEntries).values({
    ...stamp,
    conferenceId,
    nominationId: null,
    kind: 'note',
    text: 'Alle Zusagen der Herbstkonferenz sind erledigt.',
    createdAt: new Date(at(0.005)),
  });
  await tx.insert(commitments).values({
    ...stamp,
    conferenceId,
    institutionId: idOf(AGENCY),
    action: 'Übersicht der Förderwege für Pflegehilfskräfte an alle schicken',
    dueDate: addDays(date, 30),
    ...remindedByNow(addDays(date, 30), false),
  });
}
