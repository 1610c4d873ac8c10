import { queryOptions } from '@tanstack/react-query';
import type {
  acquisitionList,
  candidateList,
  followUpList,
  measure,
  measurePage,
  placementList,
  suggestions,
} from '../../contracts/measures';
import { caseKeys } from '../clients/api';
import {
  type Fields,
  getJson,
  patchJson,
  postJson,
  type QueryParams,
  query,
  type Versioned,
} from '../lib/http';
import { pageQuery } from '../lib/queries';

/** The measures catalogue, a case's measures and offers, and matching both ways. */
export const measureKeys = {
  /** Every list of measures, also a provider's. */
  lists: ['measures'] as const,
  list: (params: QueryParams) => ['measures', params] as const,
  provided: (providerId: string) => ['measures', 'provider', providerId] as const,
  detail: (id: string) => ['measure', id] as const,
  search: (q: string) => ['search-options', 'measures', q] as const,
  /** A card of the dashboard: refreshed with it. */
  followUps: [...caseKeys.dashboard, 'follow-ups'] as const,
  suggestions: (clientId: string) => ['suggestions', clientId] as const,
  candidates: (offerId: string) => ['candidates', offerId] as const,
};

export const measureListQuery = pageQuery<typeof measurePage>(measureKeys.list, '/api/measures');
export const providedMeasuresQuery = (providerId: string) =>
  queryOptions({
    queryKey: measureKeys.provided(providerId),
    queryFn: () =>
      getJson<typeof measurePage>(
        `/api/measures${query({ providerId, includeInactive: 'true', limit: 100 })}`,
      ),
  });
export const measureSearchQuery = (q: string) =>
  queryOptions({
    queryKey: measureKeys.search(q),
    queryFn: async () => (await getJson<typeof measurePage>(`/api/measures${query({ q, limit: 30 })}`)).items,
  });
export const measureDetailQuery = (id: string) =>
  queryOptions({
    queryKey: measureKeys.detail(id),
    queryFn: () => getJson<typeof measure>(`/api/measures/${id}`),
  });
export const addMeasure = (body: Fields) => postJson<typeof measure>('/api/measures', body);
export const changeMeasure = (id: string, body: Versioned) =>
  patchJson<typeof measure>(`/api/measures/${id}`, body);

export const followUpsQuery = queryOptions({
  queryKey: measureKeys.followUps,
  queryFn: () => getJson<typeof followUpList>('/api/follow-ups'),
});

/** Ranked measures and offers for a case, each with its reasons (the read is audited). */
export const suggestionsQuery = (clientId: string) =>
  queryOptions({
    queryKey: measureKeys.suggestions(clientId),
    queryFn: () => getJson<typeof suggestions>(`/api/clients/${clientId}/suggestions`),
    staleTime: 30_000,
  });
/** The cases an offer suits, limited to those whose consent lets the profile go to its employer. */
export const candidatesQuery = (offerId: string) =>
  queryOptions({
    queryKey: measureKeys.candidates(offerId),
    queryFn: () => getJson<typeof candidateList>(`/api/opportunities/${offerId}/candidates`),
  });

export const proposeMeasure = (clientId: string, measureId: string) =>
  postJson<typeof acquisitionList>(`/api/clients/${clientId}/measures`, { measureId });
export const changeAcquisition = (clientId: string, id: string, body: Versioned) =>
  patchJson<typeof acquisitionList>(`/api/clients/${clientId}/measures/${id}`, body);
export const suggestOffer = (clientId: string, opportunityId: string) =>
  postJson<typeof placementList>(`/api/clients/${clientId}/opportunities`, { opportunityId });
/** Moving to "introduced" passes the profile on: refused without a consent naming the employer. */
export const changePlacement = (clientId: string, id: string, body: Versioned) =>
  patchJson<typeof placementList>(`/api/clients/${clientId}/opportunities/${id}`, body);
