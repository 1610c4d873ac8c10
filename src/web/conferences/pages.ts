// The conference pages, one chunk: the router fetches it once for all four (one entry in the
// first page's list of chunks instead of four), with the texts of the domain. The pathways a
// conference adopts have their page here too: their texts come with the conferences'.

export { PathwaysPage } from '../pathways/PathwaysPage';
export { ConferencePage } from './ConferencePage';
export { ConferencesPage } from './ConferencesPage';
export { SeriesPage } from './SeriesPage';
