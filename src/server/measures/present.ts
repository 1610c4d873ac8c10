import { and, count, inArray } from 'drizzle-orm';
import type { Acquisition, AcquisitionStatus, Measure, Placement } from '../../contracts/measures';
import type { Db } from '../db/client';
import {
  clientMeasures,
  type clientOpportunities,
  type disclosures,
  institutions,
  type measures,
  occupations,
} from '../db/schema';
import { sectorNames } from '../network/service';

type Level = NonNullable<Measure['minLanguageLevel']>;

/** Presents catalogue rows with provider, sector and occupation names, fetched once for all rows. */
export async function presentMeasures(
  db: Db,
  organisationId: string,
  rows: (typeof measures.$inferSelect)[],
): Promise<Measure[]> {
  if (rows.length === 0) return [];
  const providerIds = [...new Set(rows.map((r) => r.providerId).filter((x): x is string => Boolean(x)))];
  const occupationIds = [...new Set(rows.flatMap((r) => r.occupationIds))];
  const [names, providers, occs, taken] = await Promise.all([
    sectorNames(db, organisationId),
    providerIds.length
      ? db
          .select({ id: institutions.id, name: institutions.name, type: institutions.type })
          .from(institutions)
          .where(inArray(institutions.id, providerIds))
      : [],
    occupationIds.length
      ? db
          .select({ id: occupations.id, title: occupations.title })
          .from(occupations)
          .where(inArray(occupations.id, occupationIds))
      : [],
    // Places taken: clients whose measure is funded or under way (a count, no personal data).
    db
      .select({ id: clientMeasures.measureId, n: count() })
      .from(clientMeasures)
      .where(
        and(
          inArray(
            clientMeasures.measureId,
            rows.map((r) => r.id),
          ),
          inArray(clientMeasures.status, ['funded', 'started']),
        ),
      )
      .groupBy(clientMeasures.measureId),
  ]);
  const participants = new Map(taken.map((x) => [x.id, x.n]));
  const provider = new Map(providers.map((p) => [p.id, p]));
  const occ = new Map(occs.map((o) => [o.id, o.title]));
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    type: m.type as Measure['type'],
    provider:
      m.providerId && provider.get(m.providerId) ? (provider.get(m.providerId) as Measure['provider']) : null,
    sectors: m.sectorIds.map((id) => ({ id, name: names.get(id) ?? '?' })),
    occupations: m.occupationIds.map((id) => ({ id, title: occ.get(id) ?? '?' })),
    online: m.online,
    place: m.place,
    district: m.district,
    startDates: m.startDates,
    durationWeeks: m.durationWeeks,
    teachingUnits: m.teachingUnits,
    capacity: m.capacity,
    participants: participants.get(m.id) ?? 0,
    costCents: m.costCents,
    funders: m.funders as Measure['funders'],
    minLanguageLevel: m.minLanguageLevel as Level | null,
    entryLevel: m.entryLevel as Level | null,
    targetLevel: m.targetLevel as Level | null,
    compensates: m.compensates,
    description: m.description,
    active: m.active,
    version: m.version,
  }));
}

/** A measure acquired for a case, with its measure, provider and funder by name. */
export const presentAcquisition = ({
  a,
  title,
  type,
  provider,
  funder,
}: {
  a: typeof clientMeasures.$inferSelect;
  title: string;
  type: string;
  provider: string | null;
  funder: { id: string | null; name: string | null; type: string | null } | null;
}): Acquisition => ({
  id: a.id,
  measure: { id: a.measureId, title, type: type as never, provider },
  status: a.status as AcquisitionStatus,
  history: a.history as never,
  funder: funder?.id ? (funder as never) : null,
  fundingType: a.fundingType as never,
  amountCents: a.amountCents,
  startDate: a.startDate,
  endDate: a.endDate,
  outcomeNote: a.outcomeNote,
  version: a.version,
});

/** An offer pursued for a case, with its employer. */
export const presentPlacement = ({
  p,
  title,
  kind,
  employerId,
  employer,
  employerType,
}: {
  p: typeof clientOpportunities.$inferSelect;
  title: string;
  kind: string;
  employerId: string;
  employer: string;
  employerType: string;
}): Placement => ({
  id: p.id,
  opportunity: {
    id: p.opportunityId,
    title,
    kind: kind as never,
    employer: { id: employerId, name: employer, type: employerType as never },
  },
  status: p.status as never,
  history: p.history as never,
  employerFeedback: p.employerFeedback,
  version: p.version,
});

/** One entry of the disclosure log: what went to whom, when, and who did it. */
export const presentDisclosure = ({ d, by }: { d: typeof disclosures.$inferSelect; by: string | null }) => ({
  id: d.id,
  recipient: d.recipientName,
  purpose: d.purpose,
  dataCategories: d.dataCategories,
  at: d.at.toISOString(),
  by,
});
