/**
 * Every report definition Lotse has released, each version kept: a report saved or sent last
 * year names its version and runs again with it. A change to what a report counts is a new
 * version added here (e.g. `iqCounsellingV2`), never an edit of a released one.
 */
import type { ReportId } from '../../../contracts/reports';
import type { ReportDefinition } from '../definition';
import { conferencesV1 } from './conferences';
import { employmentV1 } from './employment';
import { esfEntryV1, esfResultsV1 } from './esf';
import { iqCounsellingV1 } from './iq';
import { measuresV1 } from './measures';
import { recognitionTimesV1 } from './recognition';

export const definitions: readonly ReportDefinition[] = [
  iqCounsellingV1,
  esfEntryV1,
  esfResultsV1,
  recognitionTimesV1,
  measuresV1,
  employmentV1,
  conferencesV1,
];

/** The versions of a report, oldest first. */
export const versionsOf = (id: ReportId) =>
  definitions.filter((d) => d.id === id).sort((a, b) => a.version - b.version);
