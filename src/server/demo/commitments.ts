import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  commitments,
  conferenceEntries,
  conferenceInvitations,
  conferenceNominations,
  conferences,
  institutionContacts,
  institutions,
} from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { randomToken } from '../lib/secrets';
import { instantOf } from '../lib/zoned-time';

/**
 * The demo's follow-up after the table: the series' previous conference, held four months ago on
 * two of the upcoming conference's cases, with the decisions taken and the commitments made — one
 * done in time, one dropped with its reason, one overdue, one due in two days and one on no case —
 * so that the commitments list, the reminders, the case file and the next conference's first
 * agenda item have something to show. Runs after `demoConferences`.
 */
export async function demoCommitments(tx: Db, organisationId: string, leadId: string) {
  const [upcoming] = await tx
    .select()
    .from(conferences)
    .where(and(eq(conferences.organisationId, organisationId), isNotNull(conferences.seriesId)));
  if (!upcoming) return;
  const cases = await tx
    .select({
      clientId: conferenceNominations.clientId,
      institutionIds: conferenceNominations.institutionIds,
    })
    .from(conferenceNominations)
    .where(eq(conferenceNominations.conferenceId, upcoming.id))
    .orderBy(asc(conferenceNominations.position))
    .limit(2);
  const invited = await tx
    .select({ id: institutions.id, name: institutions.name, contactId: conferenceInvitations.contactId })
    .from(conferenceInvitations)
    .innerJoin(institutions, eq(institutions.id, conferenceInvitations.institutionId))
    .where(eq(conferenceInvitations.conferenceId, upcoming.id));
  const contactNames = new Map(
    (
      await tx
        .select({ id: institutionContacts.id, name: institutionContacts.name })
        .from(institutionContacts)
        .where(
          inArray(
            institutionContacts.id,
            invited.flatMap((i) => (i.contactId ? [i.contactId] : [])),
          ),
        )
    ).map((c) => [c.id, c.name]),
  );
  const at = (name: string) =>
    required(
      invited.find((i) => i.name.startsWith(name)),
      name,
    );
  const stamp = { organisationId, createdBy: leadId, updatedBy: leadId };
  const today = todayInGermany();

  // A Thursday about four months back, 09:30 in Saarbrücken, held as planned.
  let date = addDays(today, -120);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 4) date = addDays(date, 1);
  const startsAt = instantOf(date, '09:30', 'Europe/Berlin');
  const minutes = (n: number) => new Date(startsAt.getTime() + n * 60_000);
  const days = (n: number) => new Date(startsAt.getTime() - n * 86_400_000).toISOString();
  const [held] = await tx
    .insert(conferences)
    .values({
      ...stamp,
      seriesId: upcoming.seriesId,
      sectorId: upcoming.sectorId,
      title: upcoming.title,
      startsAt,
      place: upcoming.place,
      moderatorId: leadId,
      status: 'held',
      statusHistory: [
        { status: 'planned', at: days(35), by: leadId },
        { status: 'invited', at: days(30), by: leadId },
        { status: 'agenda_fixed', at: days(7), by: leadId },
        { status: 'held', at: minutes(120).toISOString(), by: leadId },
      ],
      agendaFixedAt: new Date(days(7)),
      icsUid: `${randomToken(18)}@lotse`,
      searchText: normalise(`${upcoming.title} ${upcoming.place ?? ''}`),
      createdAt: new Date(days(35)),
    })
    .returning({ id: conferences.id });
  const conferenceId = required(held, 'the held demo conference').id;
  await tx.insert(conferenceInvitations).values(
    invited.map((i) => ({
      ...stamp,
      conferenceId,
      institutionId: i.id,
      contactId: i.contactId,
      answer: 'attending',
      respondedAt: new Date(days(25)),
      sentAt: new Date(days(30)),
      tokenNonce: randomToken(12),
    })),
  );
  const nominated = cases.length
    ? await tx
        .insert(conferenceNominations)
        .values(
          cases.map((c, position) => ({
            ...stamp,
            conferenceId,
            clientId: c.clientId,
            question:
              position === 0
                ? 'Wie kommt die Anerkennung voran, und wer finanziert die Anpassungsqualifizierung?'
                : 'Welche Praxisstelle ist bis zur Kenntnisprüfung möglich?',
            institutionIds: c.institutionIds,
            position,
            createdAt: new Date(days(20)),
            discussedAt: minutes(10 + position * 15),
            discussedSeconds: 14 * 60,
          })),
        )
        .returning({ id: conferenceNominations.id, clientId: conferenceNominations.clientId })
    : [];
  const [first, second] = nominated;
  const decisions = [
    [first, 'Anpassungsqualifizierung bei der Pflegeakademie; Finanzierung über Bildungsgutschein prüfen.'],
    [second, 'Praktikum im Klinikum bis zur Kenntnisprüfung; Fahrtkosten über das Vermittlungsbudget.'],
  ] as const;
  for (const [n, text] of decisions)
    if (n)
      await tx.insert(conferenceEntries).values({
        ...stamp,
        conferenceId,
        nominationId: n.id,
        kind: 'decision',
        text,
        createdAt: minutes(20),
      });

  const jobcentre = at('Jobcenter');
  const agency = at('Agentur');
  const made = (
    n: { id: string; clientId: string } | undefined,
    who: { id: string; contactId: string | null },
    action: string,
    dueDate: string,
    report?: { status: 'done' | 'dropped'; on: string; note?: string },
  ) => ({
    ...stamp,
    conferenceId,
    nominationId: n?.id ?? null,
    clientId: n?.clientId ?? null,
    institutionId: who.id,
    contactId: who.contactId,
    responsibleName: who.contactId ? (contactNames.get(who.contactId) ?? null) : null,
    action,
    dueDate,
    status: report?.status ?? 'open',
    statusNote: report?.note ?? null,
    reportedOn: report?.on ?? null,
    reportedAt: report ? new Date(`${report.on}T10:00:00Z`) : null,
    reportedBy: report ? leadId : null,
    // The reminders went out on their days (reminders.ts): a demo started today mails nobody.
    remindedBeforeAt: dueDate <= addDays(today, 3) ? new Date(`${addDays(dueDate, -3)}T07:00:00Z`) : null,
    remindedOverdueAt: !report && dueDate < today ? new Date(`${addDays(dueDate, 1)}T07:00:00Z`) : null,
    createdAt: minutes(30),
  });
  await tx.insert(commitments).values([
    made(
      first,
      jobcentre,
      'Prüft den Bildungsgutschein für die Anpassungsqualifizierung',
      addDays(today, -5),
    ),
    made(
      second,
      agency,
      'Sagt die Fahrtkosten zum Praktikum über das Vermittlungsbudget zu',
      addDays(today, 2),
    ),
    made(
      first,
      at('Landesamt'),
      'Bestätigt die Anerkennung der Praxisstunden schriftlich',
      addDays(today, -60),
      {
        status: 'done',
        on: addDays(today, -70),
      },
    ),
    made(second, at('Klinikum'), 'Bietet einen Praktikumsplatz auf der Inneren an', addDays(today, -30), {
      status: 'dropped',
      on: addDays(today, -40),
      note: 'Die Station wird umgebaut; das Klinikum meldet sich im Herbst wieder.',
    }),
    made(
      undefined,
      at('Pflegeakademie'),
      'Meldet die freien Plätze im nächsten Anpassungslehrgang',
      addDays(today, 10),
    ),
  ]);
}
