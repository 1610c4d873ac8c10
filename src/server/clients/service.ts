/**
 * The clients domain: the case file and its workflow. Routes and other domains use it through
 * this module; the files beside it hold one subject each.
 */
import { entryService } from './entries';
import { contactKind, objectiveKind, stepKind } from './plan';
import { experienceKind, languageKind, qualificationKind, residenceKind } from './profile';
import { procedureKind } from './recognition';

export { type CaseSection, getCaseFile } from './casefile';
export { isActive as isConsentActive, recordConsent, sharingSummary, withdrawConsent } from './consent';
export { dashboard } from './dashboard';
export { todayInGermany } from './deadlines';
export { deleteDocument, openDocument, uploadDocument } from './documents';
export { listClients, nameSearch } from './list';
export { importOccupations, importOccupationsAs, occupationCounts, searchOccupations } from './occupations';
export { createClient, findDuplicates, loadCase, updateClient, visibleCases } from './record';
export { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters';
export {
  bulkReassign,
  changeStage,
  handover,
  listNotifications,
  markNotificationsRead,
  setCounsellors,
} from './workflow';

/** The entries of a case file, each created, changed and removed the same way. */
export const entries = {
  residence: entryService(residenceKind),
  qualifications: entryService(qualificationKind),
  experience: entryService(experienceKind),
  languages: entryService(languageKind),
  procedures: entryService(procedureKind),
  objectives: entryService(objectiveKind),
  steps: entryService(stepKind),
  contacts: entryService(contactKind),
};
