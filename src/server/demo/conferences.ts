import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import {
  conferenceInputs,
  conferenceInvitations,
  conferenceNominations,
  conferenceSeries,
  conferences,
  contacts,
  institutionContacts,
  institutions,
  sectors,
} from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { randomToken } from '../lib/secrets';
import { instantOf } from '../lib/zoned-time';
import { defaultSectors } from '../network/service';
import type { DemoSeries } from './conference-history';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const AGENCY = 'Agentur für Arbeit Saar-Mitte';
const AUTHORITY = 'Landesamt für Gesundheitsberufe Saar';
const invitees = [
  [JOBCENTRE, 'attending', null],
  [AGENCY, 'deputy', 'Sabine Roth'],
  [AUTHORITY, 'declined', null],
  ['Pflegeakademie Saarlouis', 'attending', null],
  ['Klinikum Saarbrücken-Ost', 'pending', null],
  ['Ausländerbehörde Regionalverband Saar-Mitte', 'pending', null],
] as const;

/** The health sector of the demo organisation (a default sector), whose conference and pathway the demo shows. */
export async function healthSector(tx: Db, organisationId: string): Promise<string> {
  const [health] = await tx
    .select({ id: sectors.id })
    .from(sectors)
    .where(
      and(
        eq(sectors.organisationId, organisationId),
        eq(sectors.name, required(defaultSectors[0], 'a sector')),
      ),
    );
  return required(health, 'the health sector').id;
}

/**
 * The demo's donor conference: the health sector's series and its next conference, three weeks
 * ahead, invited, with an answer of every kind, and cases of every kind — shared with all the
 * institutions they need, held back from one whose name the consent lacks, anonymised for lack
 * of any conference consent, and one held back entirely — plus a talk agreed beforehand and the
 * written input of the authority that cannot come.
 */
export async function demoConferences(
  tx: Db,
  organisationId: string,
  leadId: string,
  counsellorIds: string[],
): Promise<DemoSeries> {
  const sectorId = await healthSector(tx, organisationId);
  const rows = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(
      and(
        eq(institutions.organisationId, organisationId),
        inArray(
          institutions.name,
          invitees.map((i) => i[0]),
        ),
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

  const [series] = await tx
    .insert(conferenceSeries)
    .values({
      ...stamp,
      title: 'Geberkonferenz Gesundheit und Pflege',
      sectorId,
      place: 'IQ Fachstelle, Mainzer Straße 20, Saarbrücken, Raum 3.12',
      moderatorId: leadId,
      minuteTakerId: counsellorIds[0] ?? null,
      institutionIds: rows.map((r) => r.id),
      contactIds: contactRows.map((c) => c.id),
    })
    .returning({ id: conferenceSeries.id });
  const place = 'IQ Fachstelle, Mainzer Straße 20, Saarbrücken, Raum 3.12';
  const title = 'Geberkonferenz Gesundheit und Pflege';
  // A Thursday about three weeks ahead, 09:30 in Saarbrücken.
  let date = addDays(todayInGermany(), 21);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 4) date = addDays(date, 1);
  const invitedAt = new Date(Date.now() - 5 * 86_400_000);
  const [conference] = await tx
    .insert(conferences)
    .values({
      ...stamp,
      seriesId: series?.id ?? null,
      sectorId,
      title: 'Geberkonferenz Gesundheit und Pflege',
      startsAt: instantOf(date, '09:30', 'Europe/Berlin'),
      place: 'IQ Fachstelle, Mainzer Straße 20, Saarbrücken, Raum 3.12',
      videoUrl: 'https://meet.example/geberkonferenz-pflege',
      moderatorId: leadId,
      minuteTakerId: counsellorIds[0] ?? null,
      status: 'invited',
      statusHistory: [
        { status: 'planned', at: new Date(invitedAt.getTime() - 86_400_000).toISOString(), by: leadId },
        { status: 'invited', at: invitedAt.toISOString(), by: leadId },
      ],
      icsUid: `${randomToken(18)}@lotse`,
      searchText: normalise('Geberkonferenz Gesundheit und Pflege IQ Fachstelle Saarbrücken'),
    })
    .returning({ id: conferences.id });
  const conferenceId = required(conference, 'the demo conference').id;

  await tx.insert(conferenceInvitations).values(
    invitees.map(([name, answer, deputyName]) => ({
      ...stamp,
      conferenceId,
      institutionId: idOf(name),
      contactId: contactRows.find((c) => c.institutionId === idOf(name))?.id ?? null,
      answer,
      deputyName,
      respondedAt: answer === 'pending' ? null : new Date(invitedAt.getTime() + 86_400_000),
      sentAt: invitedAt,
      tokenNonce: randomToken(12),
    })),
  );

  // Health cases by what their consents allow: all three institutions, only two, none.
  const cases = await queryRows<{ id: string; named: number }>(
    tx,
    sql`SELECT c.id, coalesce(max(cardinality(k.institution_keys)) FILTER (
          WHERE 'conference_sharing' = ANY(k.purposes) AND k.withdrawn_at IS NULL
            AND (k.valid_until IS NULL OR k.valid_until >= ${todayInGermany()}::date)), 0)::int AS named
        FROM clients c LEFT JOIN consents k ON k.client_id = c.id
        WHERE c.organisation_id = ${organisationId}::uuid AND c.sector_id = ${sectorId}::uuid AND c.stage <> 'closed'
        GROUP BY c.id ORDER BY c.case_code`,
  );
  const pick = (named: number, n: number) => cases.filter((c) => c.named === named).slice(0, n);
  const needed = [idOf(JOBCENTRE), idOf(AGENCY), idOf(AUTHORITY)];
  const nominations = [
    ...pick(3, 2).map((c) => ({
      c,
      anonymised: false,
      institutionIds: needed,
      question: 'Welche Anpassungsqualifizierung passt zum Defizitbescheid, und wer finanziert sie?',
    })),
    ...pick(2, 1).map((c) => ({
      c,
      anonymised: false,
      institutionIds: needed,
      question: 'Kann die Kenntnisprüfung vorgezogen werden, damit die Stelle im Klinikum nicht verfällt?',
    })),
    ...pick(0, 2).map((c, i) => ({
      c,
      anonymised: i === 0,
      institutionIds: i === 0 ? needed : [idOf(JOBCENTRE)],
      question:
        i === 0
          ? 'Wie lässt sich der Sprachkurs B2 Pflege mit der Teilzeitarbeit vereinbaren?'
          : 'Übernimmt das Jobcenter die Fahrtkosten zur Pflegeschule?',
    })),
  ];
  const saved = nominations.length
    ? await tx
        .insert(conferenceNominations)
        .values(
          nominations.map((n, position) => ({
            ...stamp,
            conferenceId,
            clientId: n.c.id,
            question: n.question,
            brief: 'Vorbesprochen im Fallteam; Unterlagen liegen vollständig vor.',
            institutionIds: n.institutionIds,
            anonymised: n.anonymised,
            position,
          })),
        )
        .returning({ id: conferenceNominations.id, clientId: conferenceNominations.clientId })
    : [];
  const first = saved[0];
  if (first) {
    await tx.insert(contacts).values({
      ...stamp,
      clientId: first.clientId,
      kind: 'coordination',
      occurredOn: addDays(todayInGermany(), -3),
      channel: 'phone',
      institutionId: idOf(JOBCENTRE),
      institutionName: JOBCENTRE,
      conferenceId,
      topic: 'Finanzierung der Anpassungsqualifizierung',
      result: 'Bildungsgutschein grundsätzlich möglich; Entscheidung in der Konferenz.',
    });
    await tx.insert(conferenceInputs).values({
      ...stamp,
      nominationId: first.id,
      institutionId: idOf(AUTHORITY),
      text: 'Der Defizitbescheid nennt 320 Stunden Praxis; eine Anpassungsqualifizierung bei einem anerkannten Träger genügt.',
    });
  }
  return { seriesId: required(series, 'the demo series').id, sectorId, title, place };
}
