// The partner accounts' pages, one chunk: the router fetches it once for both (one entry in the
// first page's list of chunks instead of one each), with the texts of the domain.
export { ActivityPage } from './ActivityPage';
export { PartnersPage } from './PartnersPage';
