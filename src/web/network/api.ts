import { queryOptions } from '@tanstack/react-query';
import type {
  InstitutionType,
  institution,
  institutionCaseList,
  institutionImportResult,
  institutionPage,
  opportunity,
  opportunityPage,
  sector,
  sectorList,
} from '../../contracts/network';
import {
  deleteJson,
  type Fields,
  getJson,
  patchJson,
  postJson,
  putJson,
  type QueryParams,
  query,
  uploadFile,
  type Versioned,
} from '../lib/http';
import { pageQuery } from '../lib/queries';

/** The network: sectors, the institution directory with its contact persons, employers' offers. */
export const networkKeys = {
  sectors: ['sectors'] as const,
  /** Every page of the directory. */
  institutionLists: ['institutions'] as const,
  institutionList: (params: QueryParams) => ['institutions', params] as const,
  institution: (id: string) => ['institution', id] as const,
  institutionCases: (id: string) => ['institution-cases', id] as const,
  /** Every list of offers, also an employer's. */
  offerLists: ['offers'] as const,
  offerList: (params: QueryParams) => ['offers', params] as const,
  employerOffers: (employerId: string) => ['offers', 'employer', employerId] as const,
  /** Every single offer. */
  offers: ['offer'] as const,
  offer: (id: string) => ['offer', id] as const,
  // Searches of the pickers are kept apart from the lists: a list's refresh does not re-run them.
  institutionSearch: (types: readonly string[], q: string) =>
    ['search-options', 'institutions', types, q] as const,
  openOfferSearch: (q: string) => ['search-options', 'offers', q] as const,
};

export const sectorsQuery = queryOptions({
  queryKey: networkKeys.sectors,
  queryFn: () => getJson<typeof sectorList>('/api/sectors'),
  staleTime: 60_000,
});
export const addSector = (body: { name: string; active: boolean }) =>
  postJson<typeof sector>('/api/sectors', body);
export const changeSector = (id: string, body: { name: string; active: boolean }) =>
  putJson<typeof sector>(`/api/sectors/${id}`, body);

export const institutionListQuery = pageQuery<typeof institutionPage>(
  networkKeys.institutionList,
  '/api/institutions',
);
export const institutionSearchQuery = (types: readonly InstitutionType[], q: string) =>
  queryOptions({
    queryKey: networkKeys.institutionSearch(types, q),
    queryFn: async () =>
      (await getJson<typeof institutionPage>(`/api/institutions${query({ q, limit: 30, type: types })}`))
        .items,
  });
export const institutionDetailQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.institution(id),
    queryFn: () => getJson<typeof institution>(`/api/institutions/${id}`),
  });
/** The caller's cases the institution is involved in (the read is audited like a search). */
export const institutionCasesQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.institutionCases(id),
    queryFn: () => getJson<typeof institutionCaseList>(`/api/institutions/${id}/cases`),
  });

export const addInstitution = (body: Fields) => postJson<typeof institution>('/api/institutions', body);
export const changeInstitution = (id: string, body: Versioned) =>
  patchJson<typeof institution>(`/api/institutions/${id}`, body);
export const mergeInstitution = (id: string, body: Versioned) =>
  postJson<typeof institution>(`/api/institutions/${id}/merge`, body);
export const importInstitutions = (file: File) =>
  uploadFile<typeof institutionImportResult>('/api/institutions/import', file);
/** The address of the directory's CSV export with the list's filters. */
export const institutionExportUrl = (filters: QueryParams) => `/api/institutions/export${query(filters)}`;

const contactsPath = (institutionId: string) => `/api/institutions/${institutionId}/contacts`;
export const addContactPerson = (institutionId: string, body: Fields) =>
  postJson<typeof institution>(contactsPath(institutionId), body);
export const changeContactPerson = (institutionId: string, id: string, body: Versioned) =>
  patchJson<typeof institution>(`${contactsPath(institutionId)}/${id}`, body);
export const removeContactPerson = (institutionId: string, id: string) =>
  deleteJson<typeof institution>(`${contactsPath(institutionId)}/${id}`);

export const offerListQuery = pageQuery<typeof opportunityPage>(networkKeys.offerList, '/api/opportunities');
export const employerOffersQuery = (employerId: string) =>
  queryOptions({
    queryKey: networkKeys.employerOffers(employerId),
    queryFn: () => getJson<typeof opportunityPage>(`/api/opportunities${query({ employerId, limit: 100 })}`),
  });
export const openOfferSearchQuery = (q: string) =>
  queryOptions({
    queryKey: networkKeys.openOfferSearch(q),
    queryFn: async () =>
      (await getJson<typeof opportunityPage>(`/api/opportunities${query({ q, status: 'open', limit: 30 })}`))
        .items,
  });
export const offerDetailQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.offer(id),
    queryFn: () => getJson<typeof opportunity>(`/api/opportunities/${id}`),
  });
export const addOffer = (body: Fields) => postJson<typeof opportunity>('/api/opportunities', body);
export const changeOffer = (id: string, body: Versioned) =>
  patchJson<typeof opportunity>(`/api/opportunities/${id}`, body);
