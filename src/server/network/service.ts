/** The network: sectors, the institution directory with contact persons, and employers' offers. */
export {
  assertInstitution,
  createInstitution,
  deleteContact,
  getInstitution,
  listInstitutions,
  saveContact,
  updateInstitution,
} from './institutions';
export { casesWithInstitution, involvedInstitutions } from './involved';
export { mergeInstitution } from './merge';
export {
  getOpportunity,
  listOpportunities,
  presentOpportunity,
  saveOpportunity,
  selectOpportunities,
} from './opportunities';
export { assertSectors, defaultSectors, listSectors, saveSector, sectorNames } from './sectors';
export { exportInstitutions, importInstitutions } from './transfer';
