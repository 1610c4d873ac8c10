// The conference pages, one chunk: the router fetches it once for all of them (one entry in the
// first page's list of chunks instead of one each), with the texts of the domain. The commitments
// page is one of them: it shares its table and report dialog with the conference page's tab, and
// its texts come with the conferences'.
export { CommitmentsPage } from '../commitments/CommitmentsPage';
export { ConferencePage } from './ConferencePage';
export { ConferencesPage } from './ConferencesPage';
export { ReportPage } from './report/ReportPage';
export { SeriesPage } from './SeriesPage';
