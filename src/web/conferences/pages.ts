// The conference pages, one chunk: the router fetches it once for all of them (one entry in the
// first page's list of chunks instead of one each), with the texts of the domain.
export { ConferencePage } from './ConferencePage';
export { ConferencesPage } from './ConferencesPage';
export { ReportPage } from './report/ReportPage';
export { SeriesPage } from './SeriesPage';
