import { queryOptions } from '@tanstack/react-query';
import type {
  ApplyPathwayBody,
  PathwayBody,
  PathwayUpdateBody,
  pathway,
  pathwayApplied,
  pathwayOffers,
  pathwayPage,
} from '../../contracts/pathways';
import { getJson, patchJson, postJson } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** Pathways for a profession: the list, adopting one at a conference, offering and applying one to a case. */
export const pathwayKeys = {
  /** Every list of pathways (the page, a conference's tab). */
  lists: ['pathways'] as const,
  list: (params: object) => ['pathways', params] as const,
  offers: (clientId: string) => ['pathway-offers', clientId] as const,
};

export const pathwayListQuery = pageQuery<typeof pathwayPage>(pathwayKeys.list, '/api/pathways');
export const addPathway = (body: PathwayBody) => postJson<typeof pathway>('/api/pathways', body);
export const changePathway = (id: string, body: PathwayUpdateBody) =>
  patchJson<typeof pathway>(`/api/pathways/${id}`, body);
/** A pathway adopted at a conference that has begun or been held. */
export const adoptPathway = (conferenceId: string, body: PathwayBody) =>
  postJson<typeof pathway>(`/api/conferences/${conferenceId}/pathways`, body);

/** The pathways for a case's occupations, with the measures that fit each step (the read is audited). */
export const pathwayOffersQuery = (clientId: string) =>
  queryOptions({
    queryKey: pathwayKeys.offers(clientId),
    queryFn: () => getJson<typeof pathwayOffers>(`/api/clients/${clientId}/pathways`),
    staleTime: 30_000,
  });
export const applyPathway = (clientId: string, pathwayId: string, body: ApplyPathwayBody) =>
  postJson<typeof pathwayApplied>(`/api/clients/${clientId}/pathways/${pathwayId}/apply`, body);
