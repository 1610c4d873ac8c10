// The conference pages, one chunk: the router fetches it once for all of them (one entry in the
// first page's list of chunks instead of one each), with the texts of the domain. The commitments
// and the pathways have their pages here too: the commitments share their table and report dialog
// with the conference page's tab, the pathways are adopted by conferences, and the texts of both
// come with the conferences'.
export { CommitmentsPage } from '../commitments/CommitmentsPage';
export { PathwaysPage } from '../pathways/PathwaysPage';
export { ConferencePage } from './ConferencePage';
export { ConferencesPage } from './ConferencesPage';
export { ReportPage } from './report/ReportPage';
export { SeriesPage } from './SeriesPage';
