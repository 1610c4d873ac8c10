import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { measures, occupations, pathways } from '../db/schema';
import { healthSector } from './conferences';

/**
 * The demo's pathway for nurses from third countries with a deficit notice: the steps the health
 * sector's network agreed, with the catalogue's course and exam preparation. Written down by the
 * lead, not adopted at a conference (the demo's conference has yet to take place), so that the
 * plan of every nurse case offers it.
 */
export async function demoPathways(tx: Db, organisationId: string, leadId: string) {
  const sectorId = await healthSector(tx, organisationId);
  const [nurse] = await tx
    .select({ id: occupations.id })
    .from(occupations)
    .where(and(eq(occupations.scheme, 'builtin'), eq(occupations.code, '81302')));
  const titled = await tx
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
  if (!nurse) return;
  const measure = (title: string) => titled.filter((m) => m.title === title).map((m) => m.id);
  await tx.insert(pathways).values({
    organisationId,
    sectorId,
    title: 'Pflegefachkräfte mit Defizitbescheid',
    occupationGroup: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
    occupationIds: [nurse.id],
    description:
      'Vereinbart mit Jobcenter, Agentur für Arbeit, Landesamt und Pflegeakademie: erst die Sprache, dann Anpassung oder Kenntnisprüfung.',
    steps: [
      {
        text: 'Defizitbescheid mit der Klientin durchgehen, Weg wählen',
        responsible: 'Beratungsstelle',
        funder: null,
        measureIds: [],
        weeks: 2,
      },
      {
        text: 'Fachsprache Pflege bis B2',
        responsible: 'Sprachschule',
        funder: 'Agentur für Arbeit',
        measureIds: [],
        weeks: 16,
      },
      {
        text: 'Anpassungsqualifizierung mit Praxisphase',
        responsible: 'Bildungswerk Burbach gGmbH',
        funder: 'Jobcenter',
        measureIds: measure('Anpassungsqualifizierung Pflege mit Praxisphase'),
        weeks: 52,
      },
      {
        text: 'Oder: Kenntnisprüfung vorbereiten und ablegen',
        responsible: 'Pflegeakademie Saarlouis',
        funder: 'Jobcenter',
        measureIds: measure('Vorbereitung auf die Kenntnisprüfung Pflege'),
        weeks: 40,
      },
    ],
    createdBy: leadId,
    updatedBy: leadId,
  });
}
