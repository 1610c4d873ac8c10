import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import {
  commitments,
  conferenceEntries,
  conferenceInvitations,
  conferenceMinutes,
  conferenceNominations,
  conferences,
  disclosures,
  institutionContacts,
  institutions,
} from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { randomToken } from '../lib/secrets';
import { instantOf } from '../lib/zoned-time';
import { demoPathway } from './pathway-history';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const AGENCY = 'Agentur für Arbeit Saar-Mitte';
const AUTHORITY = 'Landesamt für Gesundheitsberufe Saar';
const ACADEMY = 'Pflegeakademie Saarlouis';
const CLINIC = 'Klinikum Saarbrücken-Ost';
const present = [JOBCENTRE, AGENCY, AUTHORITY, ACADEMY, CLINIC];

/**
 * The reminders a demo commitment would have had by today (commitments/reminders.ts), marked as
 * sent: a demo started with a mail server today mails nobody for them.
 */
export function remindedByNow(dueDate: string, settled: boolean, today = todayInGermany()) {
  return {
    remindedBeforeAt: dueDate <= addDays(today, 3) ? new Date(`${addDays(dueDate, -3)}T07:00:00Z`) : null,
    remindedOverdueAt: !settled && dueDate < today ? new Date(`${addDays(dueDate, 1)}T07:00:00Z`) : null,
  };
}

export interface DemoSeries {
  seriesId: string;
  sectorId: string;
  title: string;
  place: string;
}

/**
 * The conference before the upcoming one, ten weeks ago, as the four months after it leave it:
 * held, minutes published (and disclosed, as publishing does), decisions, a dissent, commitments
 * in every state — open and not yet due (it reappears on the next conference's first item),
 * overdue, done on time, done late, dropped — and the pathway the table adopted for nurses with a
 * deficit notice, which two cases follow, one further along than the other.
 */
export async function demoConferenceHistory(
  tx: Db,
  organisationId: string,
  leadId: string,
  counsellorIds: string[],
  series: DemoSeries,
) {
  const today = todayInGermany();
  const stamp = { organisationId, createdBy: leadId, updatedBy: leadId };
  const rows = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.organisationId, organisationId), inArray(institutions.name, present)));
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
  const contactOf = (name: string) => contactRows.find((c) => c.institutionId === idOf(name))?.id ?? null;

  // A Thursday about ten weeks back, 09:30 in Saarbrücken.
  let date = addDays(today, -70);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 4) date = addDays(date, 1);
  const startsAt = instantOf(date, '09:30', 'Europe/Berlin');
  const at = (days: number, hours = 0) => new Date(startsAt.getTime() + (days * 24 + hours) * 3_600_000);
  const step = (status: string, when: Date) => ({ status, at: when.toISOString(), by: leadId });
  const [held] = await tx
    .insert(conferences)
    .values({
      ...stamp,
      seriesId: series.seriesId,
      sectorId: series.sectorId,
      title: series.title,
      startsAt,
      place: series.place,
      moderatorId: leadId,
      minuteTakerId: counsellorIds[0] ?? null,
      status: 'minutes_published',
      statusHistory: [
        step('planned', at(-35)),
        step('invited', at(-28)),
        step('agenda_fixed', at(-7)),
        step('held', at(0, 2)),
        step('minutes_published', at(3)),
      ],
      agendaFixedAt: at(-7),
      minutesPublishedAt: at(3),
      minutesPublishedBy: leadId,
      icsUid: `${randomToken(18)}@lotse`,
      icsSequence: 0,
      searchText: normalise(`${series.title} ${series.place}`),
    })
    .returning({ id: conferences.id });
  const conferenceId = required(held, 'the held demo conference').id;
  await tx.insert(conferenceInvitations).values(
    present.map((name) => ({
      ...stamp,
      conferenceId,
      institutionId: idOf(name),
      contactId: contactOf(name),
      answer: 'attending',
      respondedAt: at(-25),
      sentAt: at(-28),
      tokenNonce: randomToken(12),
    })),
  );

  // Nurses whose consent names the job centre, the agency and the authority.
  const cases = await queryRows<{ id: string; consent_id: string }>(
    tx,
    sql`SELECT c.id, (array_agg(k.id ORDER BY k.given_on))[1] AS consent_id
        FROM clients c JOIN consents k ON k.client_id = c.id
        WHERE c.organisation_id = ${organisationId}::uuid AND c.sector_id = ${series.sectorId}::uuid
          AND c.stage <> 'closed' AND 'conference_sharing' = ANY(k.purposes) AND k.withdrawn_at IS NULL
          AND cardinality(k.institution_keys) >= 3
        GROUP BY c.id ORDER BY c.case_code LIMIT 3`,
  );
  const needed = [idOf(JOBCENTRE), idOf(AGENCY), idOf(AUTHORITY)];
  const questions = [
    'Wie kommt die Anpassungsqualifizierung zustande, und wer finanziert die Zeit bis zum Beginn?',
    'Ist die Kenntnisprüfung oder der Anpassungslehrgang der schnellere Weg?',
    'Welche Sprachförderung passt neben der Arbeit als Pflegehilfskraft?',
  ];
  const nominations = cases.length
    ? await tx
        .insert(conferenceNominations)
        .values(
          cases.map((c, position) => ({
            ...stamp,
            conferenceId,
            clientId: c.id,
            question: questions[position] ?? required(questions[0], 'a question'),
            institutionIds: needed,
            position,
            discussedAt: at(0, 0.2 + position * 0.25),
            discussedSeconds: 11 * 60 + position * 90,
          })),
        )
        .returning({ id: conferenceNominations.id, clientId: conferenceNominations.clientId })
    : [];
  const [first, second, third] = nominations;

  // `first: true` is the first agenda item (open commitments from earlier conferences).
  const said: { n?: typeof first; first?: true; kind: string; text: string }[] = [
    {
      n: first,
      kind: 'decision',
      text: 'Anpassungsqualifizierung bei der Pflegeakademie Saarlouis ab dem nächsten Kurs; das Jobcenter prüft den Bildungsgutschein.',
    },
    {
      n: first,
      kind: 'note',
      text: 'Das Klinikum bietet eine Anstellung als Pflegehilfskraft während der Qualifizierung an.',
    },
    {
      n: second,
      kind: 'decision',
      text: 'Anpassungslehrgang statt Kenntnisprüfung; das Landesamt bestätigt die Anrechnung der Berufserfahrung.',
    },
    {
      n: second,
      kind: 'dissent',
      text: 'Die Agentur für Arbeit hält die Kenntnisprüfung für schneller und trägt die Entscheidung nicht mit.',
    },
    { n: third, kind: 'decision', text: 'Berufsbezogener Sprachkurs B2 Pflege in Teilzeit, abends.' },
    { first: true, kind: 'note', text: 'Keine offenen Zusagen aus früheren Konferenzen.' },
  ];
  await tx.insert(conferenceEntries).values(
    said
      .filter((s) => s.first || s.n)
      .map((s, i) => ({
        ...stamp,
        conferenceId,
        nominationId: s.n?.id ?? null,
        kind: s.kind,
        text: s.text,
        createdAt: at(0, 0.1 + i * 0.15),
        updatedAt: at(0, 0.1 + i * 0.15),
      })),
  );
  if (first)
    await tx.insert(conferenceMinutes).values({
      ...stamp,
      conferenceId,
      item: first.id,
      text: 'Beschluss: Anpassungsqualifizierung bei der Pflegeakademie Saarlouis ab dem nächsten Kurs. Das Jobcenter prüft den Bildungsgutschein; bis zum Beginn arbeitet die Klientin als Pflegehilfskraft im Klinikum Saarbrücken-Ost.',
      createdAt: at(1),
      updatedAt: at(1),
    });

  // Commitments in every state the follow-up knows.
  const made = at(0, 1);
  const promise = (
    n: typeof first,
    name: string,
    action: string,
    dueDate: string,
    outcome: { status: 'done' | 'dropped'; on: string; note?: string } | null = null,
  ) => ({
    ...stamp,
    conferenceId,
    nominationId: n?.id ?? null,
    clientId: n?.clientId ?? null,
    institutionId: idOf(name),
    contactId: contactOf(name),
    action,
    dueDate,
    status: outcome?.status ?? 'open',
    statusNote: outcome?.note ?? null,
    reportedOn: outcome?.on ?? null,
    reportedAt: outcome ? new Date(`${outcome.on}T10:00:00Z`) : null,
    reportedBy: outcome ? leadId : null,
    createdAt: made,
    updatedAt: made,
    ...remindedByNow(dueDate, !!outcome, today),
  });
  await tx.insert(commitments).values([
    // Done on time, done late, dropped.
    promise(
      first,
      JOBCENTRE,
      'Bildungsgutschein für die Anpassungsqualifizierung prüfen und bescheiden',
      addDays(date, 21),
      {
        status: 'done',
        on: addDays(date, 14),
        note: 'Bildungsgutschein bewilligt.',
      },
    ),
    promise(second, AUTHORITY, 'Anrechnung der Berufserfahrung schriftlich bestätigen', addDays(date, 14), {
      status: 'done',
      on: addDays(date, 30),
      note: 'Bestätigung kam nach Nachfrage.',
    }),
    promise(third, AGENCY, 'Sprachkurs B2 Pflege in Teilzeit über die Agentur fördern', addDays(date, 28), {
      status: 'dropped',
      on: addDays(date, 20),
      note: 'Die Klientin hat einen Platz im kostenfreien Kurs des Jobcenters bekommen.',
    }),
    // Overdue, and open but not yet due (it is on the next conference's first item).
    promise(
      first,
      CLINIC,
      'Stelle als Pflegehilfskraft für die Zeit der Qualifizierung anbieten',
      addDays(today, -12),
    ),
    promise(
      second,
      ACADEMY,
      'Platz im Anpassungslehrgang ab dem Frühjahrskurs reservieren',
      addDays(today, 18),
    ),
    // Due the day after tomorrow and not yet reminded: a demo started with a mail server sends its
    // reminder at once, so that one can be seen arriving (commitments/reminders.ts).
    {
      ...promise(
        undefined,
        JOBCENTRE,
        'Ansprechperson für Pflegeberufe im Jobcenter benennen',
        addDays(today, 2),
      ),
      remindedBeforeAt: null,
    },
  ]);

  if (nominations.length)
    await tx.insert(disclosures).values(
      nominations.flatMap((n) =>
        [JOBCENTRE, AGENCY, AUTHORITY].map((name) => ({
          organisationId,
          clientId: n.clientId,
          institutionId: idOf(name),
          recipientName: name,
          purpose: 'conference_sharing',
          dataCategories: ['qualifications', 'recognition', 'language'],
          consentId: cases.find((c) => c.id === n.clientId)?.consent_id ?? null,
          conferenceId,
          at: at(3),
          byUserId: leadId,
        })),
      ),
    );

  await demoPathway(tx, organisationId, leadId, series.sectorId, conferenceId, at(0, 1.5), cases.slice(0, 2));
}
