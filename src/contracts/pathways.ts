// Strategies for a profession: a pathway a conference adopts for an occupation group (the steps,
// the measures, who funds them, who is responsible), offered to the cases of those occupations
// and turned into their plan's objective and steps in one click.
import { z } from 'zod';
import { eventDate, isoDate, optionalText, pageOf, pageQuery, text, timestamp, withVersion } from './common';
import type { measureTypes } from './measures';

/** A measure's type; the enum stays in contracts/measures, whose runtime would come along into the pages that show pathways. */
type MeasureType = (typeof measureTypes)[number];

// --- the body ---

/** A step of the pathway: what, who does it, who pays, the catalogue measures that fit, by when. */
export const pathwayStepBody = z.object({
  text: text(500),
  /** Who carries the step out: an institution's name or "counsellor", as agreed at the table. */
  responsible: optionalText(80),
  /** Who pays for it (job centre, employment agency, the programme …). */
  funder: optionalText(80),
  /** Measures of the organisation's catalogue that fit the step. */
  measureIds: z.array(z.uuid()).max(10).default([]),
  /** Weeks from the start of the pathway by which the step should be done. */
  weeks: z
    .number()
    .int()
    .min(0)
    .max(260)
    .nullish()
    .transform((v) => v ?? null),
});
export type PathwayStepBody = z.input<typeof pathwayStepBody>;

export const pathwayFields = {
  title: text(200),
  sectorId: z.uuid({ error: 'choose the sector' }),
  /** What the pathway is for, in words: "Pflegefachkräfte aus Drittstaaten mit Defizitbescheid". */
  occupationGroup: text(300),
  /** The reference occupations whose cases are offered the pathway: at least one. */
  occupationIds: z
    .array(z.uuid(), { error: 'name at least one reference occupation' })
    .min(1, 'name at least one reference occupation')
    .max(30),
  description: optionalText(4000),
  steps: z
    .array(pathwayStepBody, { error: 'a pathway needs at least one step' })
    .min(1, 'a pathway needs at least one step')
    .max(30, 'a pathway has at most 30 steps'),
};
export const pathwayBody = z.object(pathwayFields);
export type PathwayBody = z.input<typeof pathwayBody>;
/** A change names the version it was read at; `archived` takes the pathway off the offers (or back). */
export const pathwayUpdateBody = withVersion(pathwayFields).extend({ archived: z.boolean().optional() });
export type PathwayUpdateBody = z.input<typeof pathwayUpdateBody>;

// --- the pathway ---

export const pathwayMeasure = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.string() as unknown as z.ZodType<MeasureType>,
  /** The provider's name, if the catalogue names one. */
  provider: z.string().nullable(),
  active: z.boolean(),
});
export type PathwayMeasure = z.infer<typeof pathwayMeasure>;

export const pathwayStep = z.object({
  text: z.string(),
  responsible: z.string().nullable(),
  funder: z.string().nullable(),
  weeks: z.number().int().nullable(),
  measures: z.array(pathwayMeasure),
});
export type PathwayStep = z.infer<typeof pathwayStep>;

export const pathway = z.object({
  id: z.uuid(),
  title: z.string(),
  sector: z.object({ id: z.uuid(), name: z.string() }),
  occupationGroup: z.string(),
  occupations: z.array(z.object({ id: z.uuid(), title: z.string() })),
  description: z.string().nullable(),
  steps: z.array(pathwayStep),
  /** The conference that adopted it; null for one written down outside a conference. */
  conference: z.object({ id: z.uuid(), title: z.string(), startsAt: timestamp }).nullable(),
  adoptedAt: timestamp.nullable(),
  archivedAt: timestamp.nullable(),
  /** Cases following it: with an objective made from it that is open or achieved (a count, no names). */
  followers: z.number().int(),
  version: z.number().int(),
});
export type Pathway = z.infer<typeof pathway>;

export const pathwayListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  sectorId: z.uuid().optional(),
  conferenceId: z.uuid().optional(),
  occupationId: z.uuid().optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type PathwayListQuery = z.input<typeof pathwayListQuery>;
export const pathwayPage = pageOf(pathway);
export type PathwayPage = z.infer<typeof pathwayPage>;

// --- offered to a case, and applied ---

/** A measure offered with a step: its own (named by the pathway) or one the case's matching suggests. */
export const offeredMeasure = pathwayMeasure.extend({
  source: z.enum(['pathway', 'suggested']),
  /** Already among the case's measures: not proposed again. */
  onCase: z.boolean(),
});
export type OfferedMeasure = z.infer<typeof offeredMeasure>;

export const pathwayOffer = pathway.extend({
  /** The case's reference occupations the pathway is for. */
  matchedOccupations: z.array(z.object({ id: z.uuid(), title: z.string() })),
  steps: z.array(pathwayStep.extend({ measures: z.array(offeredMeasure) })),
  /** The case's latest objective made from this pathway: since when, its status, steps done of all. */
  following: z
    .object({
      objectiveId: z.uuid(),
      since: timestamp,
      status: z.enum(['open', 'achieved', 'dropped']),
      stepsDone: z.number().int(),
      steps: z.number().int(),
    })
    .nullable(),
});
export type PathwayOffer = z.infer<typeof pathwayOffer>;
export const pathwayOffers = z.array(pathwayOffer);

export const pathwayApplyParams = z.object({ id: z.uuid(), pathwayId: z.uuid() });

export const applyPathwayBody = z.object({
  /** The day the pathway starts for the case: due dates count from it. Today when left out. */
  startDate: eventDate.optional(),
  /** Measures offered with the steps that the counsellor ticked: each proposed for the case. */
  measureIds: z.array(z.uuid()).max(100).default([]),
  /** The pathway's version the dialog showed: a pathway changed since is not applied unseen. */
  version: z.number().int(),
});
export type ApplyPathwayBody = z.input<typeof applyPathwayBody>;

export const pathwayApplied = z.object({
  objectiveId: z.uuid(),
  targetDate: isoDate.nullable(),
  stepIds: z.array(z.uuid()),
  /** The measures proposed for the case (ticked ones already on the case are left out). */
  proposedMeasureIds: z.array(z.uuid()),
});
export type PathwayApplied = z.infer<typeof pathwayApplied>;
