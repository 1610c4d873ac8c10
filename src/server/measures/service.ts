/**
 * Measures and offers for cases: the catalogue (catalogue.ts), acquiring a measure for a client
 * and pursuing an employer's offer with the consent check and disclosure log (progress.ts),
 * matching both ways (matching.ts), and what to chase (follow-ups.ts). This module is what the
 * rest of the application uses: the network part of the case file.
 */
import type { CaseSection } from '../casefile/service';
import type { Db } from '../db/client';
import { involvedInstitutions } from '../network/service';
import { listAcquisitions, listDisclosures, listPlacements } from './progress';

/** For pathways: a case's ranked suggestions (the caller audits its read), and proposing a measure in its transaction. */
export { rankSuggestions } from './matching';
export { proposeMeasure } from './progress';

/** A case's measures so far, by title and status (a conference brief lists them). */
export async function measuresOf(db: Db, clientId: string) {
  return (await listAcquisitions(db, clientId)).map((a) => ({ title: a.measure.title, status: a.status }));
}

/** The catalogue measures a case has on its way (not dropped or rejected): a pathway does not propose them again. */
export async function measureIdsOf(db: Db, clientId: string): Promise<Set<string>> {
  const current = (await listAcquisitions(db, clientId)).filter(
    (a) => a.status !== 'dropped' && a.status !== 'rejected',
  );
  return new Set(current.map((a) => a.measure.id));
}

/** The network part of the case file, and its events for the case timeline. */
export const caseNetworkSection: CaseSection<'network'> = {
  key: 'network',
  async load(db: Db, clientId: string) {
    const [acquisitions, placements, involved, disclosures] = await Promise.all([
      listAcquisitions(db, clientId),
      listPlacements(db, clientId),
      involvedInstitutions(db, clientId),
      listDisclosures(db, clientId),
    ]);
    const timeline = [
      ...acquisitions.flatMap((a) =>
        a.history.map((h) => ({
          at: h.at,
          kind: 'measure',
          codes: [h.status],
          title: a.measure.title,
          detail: a.measure.provider,
          by: h.by,
        })),
      ),
      ...placements.flatMap((p) =>
        p.history.map((h) => ({
          at: h.at,
          kind: 'opportunity',
          codes: [h.status, p.opportunity.kind],
          title: p.opportunity.title,
          detail: p.opportunity.employer.name,
          by: h.by,
        })),
      ),
      ...disclosures.map((d) => ({
        at: d.at,
        kind: 'disclosure',
        codes: [d.purpose, ...d.dataCategories],
        title: d.recipient,
        detail: null,
        by: d.by,
      })),
    ];
    return { data: { acquisitions, placements, involved, disclosures }, timeline };
  },
};
