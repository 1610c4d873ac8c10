import { z } from 'zod';
import { clientDetail, stageSchema, timelineEntry } from './clients';
import { caseConferences } from './commitments';
import { consentOverview } from './consent';
import { clientDocument } from './documents';
import { caseNetwork } from './measures';
import { contact, plan } from './plan';
import { experience, languageSkill, qualification, residenceEntry } from './profile';
import { procedure } from './recognition';

/** Everything about one case, as its counsellors and leads see it. */
export const caseFile = z.object({
  client: clientDetail,
  residence: z.array(residenceEntry),
  qualifications: z.array(qualification),
  experience: z.array(experience),
  languages: z.array(languageSkill),
  procedures: z.array(procedure),
  plan,
  contacts: z.array(contact),
  consent: consentOverview,
  documents: z.array(clientDocument),
  stageHistory: z.array(
    z.object({
      from: stageSchema.nullable().or(z.string().nullable()),
      to: z.string(),
      reason: z.string().nullable(),
      outcome: z.string().nullable(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  timeline: z.array(timelineEntry),
  /** Measures, offers, involved institutions and disclosures (the network module). */
  network: caseNetwork,
  /** Nominations, decisions and commitments (the conferences and commitments modules). */
  conferences: caseConferences,
});
export type CaseFile = z.infer<typeof caseFile>;
