import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import { measures, nextSteps, objectives, pathways } from '../db/schema';
import { addDays } from '../lib/calendar';
import { required } from '../lib/required';

/** The pathway the conference adopted for nurses with a deficit notice, and the cases following it. */
export async function demoPathway(
  tx: Db,
  organisationId: string,
  leadId: string,
  sectorId: string,
  conferenceId: string,
  adoptedAt: Date,
  followers: { id: string }[],
) {
  const stamp = { organisationId, createdBy: leadId, updatedBy: leadId };
  const [nurse] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM occupations WHERE scheme = 'builtin' AND code = '81302'`,
  );
  const courses = await tx
    .select({ id: measures.id, title: measures.title })
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, organisationId),
        inArray(measures.title, [
          'Anpassungsqualifizierung Pflege mit Praxisphase',
          'Vorbereitung auf die Kenntnisprüfung Pflege',
        ]),
      ),
    );
  const courseId = (title: string) => courses.filter((c) => c.title === title).map((c) => c.id);
  const steps = [
    {
      text: 'Defizitbescheid mit der Klientin durchgehen und Weg wählen (Anpassungslehrgang oder Kenntnisprüfung)',
      responsible: 'Beratung (IQ)',
      funder: null,
      measureIds: courseId('Vorbereitung auf die Kenntnisprüfung Pflege'),
      weeks: 2,
    },
    {
      text: 'Berufsbezogenen Sprachkurs B2 Pflege beginnen',
      responsible: 'Jobcenter / Agentur für Arbeit',
      funder: 'BAMF (DeuFöV)',
      measureIds: [],
      weeks: 6,
    },
    {
      text: 'Platz im Anpassungslehrgang mit Praxisphase sichern',
      responsible: 'Pflegeakademie Saarlouis',
      funder: 'Jobcenter (Bildungsgutschein)',
      measureIds: courseId('Anpassungsqualifizierung Pflege mit Praxisphase'),
      weeks: 12,
    },
    {
      text: 'Beschäftigung als Pflegehilfskraft während der Qualifizierung',
      responsible: 'Klinikum Saarbrücken-Ost',
      funder: 'Arbeitgeber',
      measureIds: [],
      weeks: 14,
    },
    {
      text: 'Anerkennung als Pflegefachkraft beantragen (Abschluss des Lehrgangs)',
      responsible: 'Landesamt für Gesundheitsberufe Saar',
      funder: null,
      measureIds: [],
      weeks: 52,
    },
  ];
  const [pathway] = await tx
    .insert(pathways)
    .values({
      ...stamp,
      sectorId,
      title: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
      occupationGroup: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
      occupationIds: nurse ? [nurse.id] : [],
      description:
        'Abgestimmt in der Geberkonferenz: erst Sprache und Weg klären, dann Anpassungslehrgang mit Anstellung im Klinikum, Finanzierung über Bildungsgutschein.',
      steps,
      conferenceId,
      adoptedAt,
    })
    .returning({ id: pathways.id });
  const pathwayId = required(pathway, 'the demo pathway').id;
  const start = adoptedAt.toISOString().slice(0, 10);
  for (const [i, follower] of followers.entries()) {
    const [objective] = await tx
      .insert(objectives)
      .values({
        ...stamp,
        clientId: follower.id,
        text: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
        targetDate: addDays(start, 52 * 7),
        pathwayId,
      })
      .returning({ id: objectives.id });
    // The first follower is three steps along, the second one.
    const done = i === 0 ? 3 : 1;
    await tx.insert(nextSteps).values(
      steps.map((s, n) => ({
        ...stamp,
        clientId: follower.id,
        objectiveId: objective?.id ?? null,
        text: s.text,
        ownerNote: s.responsible,
        dueDate: addDays(start, s.weeks * 7),
        doneAt: n < done ? new Date(`${addDays(start, s.weeks * 7 - 3)}T09:00:00Z`) : null,
        pathwayId,
      })),
    );
  }
}
