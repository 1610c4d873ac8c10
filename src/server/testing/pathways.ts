/** The pathway the tests of pathways share: nurses from third countries with a deficit notice. */
import type { PathwayBody } from '../../contracts/pathways';

/**
 * Three steps over 40 weeks: the procedure (the counselling centre), the adaptation course (the
 * nursing school, paid by the job centre, with the catalogue's course named), the language exam.
 */
export function nursesPathway(
  ids: { sectorId: string; occupationId: string; adaptationId: string },
  fields: Partial<Record<keyof PathwayBody, unknown>> = {},
) {
  return {
    title: 'Pflegefachkräfte mit Defizitbescheid',
    sectorId: ids.sectorId,
    occupationGroup: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid',
    occupationIds: [ids.occupationId],
    description: 'Vereinbart mit Jobcenter, Pflegeschule und Landesamt.',
    steps: [
      { text: 'Anerkennungsverfahren beim Landesamt einleiten', responsible: 'Beratungsstelle', weeks: 4 },
      {
        text: 'Anpassungslehrgang absolvieren',
        responsible: 'Pflegeschule Saarbrücken',
        funder: 'Jobcenter',
        measureIds: [ids.adaptationId],
        weeks: 40,
      },
      { text: 'Fachsprachprüfung ablegen', funder: 'Agentur für Arbeit', weeks: 26 },
    ],
    ...fields,
  };
}
