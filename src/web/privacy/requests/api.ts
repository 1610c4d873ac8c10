import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CasePrivacyState,
  casePrivacyState,
  ErasureResult,
  LegalHoldBody,
} from '../../../contracts/privacy';
import type {
  dueRequests,
  personHitList,
  RequestBody,
  RequestUpdateBody,
  requestItem,
  requestPage,
} from '../../../contracts/privacy-requests';
import { deleteJson, getJson, patchJson, postJson, putJson, query } from '../../lib/http';
import { pageQuery } from '../../lib/queries';

/** Data-subject requests (dpo, leads) and a case's hold and restriction. */
export const requestKeys = {
  /** Every list of requests and the start page's: a new or changed request changes them all. */
  all: ['privacy-requests'] as const,
  list: (params: Record<string, unknown>) => ['privacy-requests', 'list', params] as const,
  due: ['privacy-requests', 'due'] as const,
  one: (id: string) => ['privacy-requests', 'one', id] as const,
  persons: (q: string, birthDate: string) => ['privacy-persons', q, birthDate] as const,
  casePrivacy: (clientId: string) => ['case-privacy', clientId] as const,
};

export const requestListQuery = pageQuery<typeof requestPage>(requestKeys.list, '/api/privacy/requests');

export const dueRequestsQuery = queryOptions({
  queryKey: requestKeys.due,
  queryFn: () => getJson<typeof dueRequests>('/api/privacy/requests/due'),
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.one(id),
    queryFn: () => getJson<typeof requestItem>(`/api/privacy/requests/${id}`),
  });

/** The person search of the new-request dialog (audited on the server). */
export const personSearchQuery = (q: string, birthDate: string) =>
  queryOptions({
    queryKey: requestKeys.persons(q, birthDate),
    queryFn: () =>
      getJson<typeof personHitList>(
        `/api/privacy/persons${query({ q: q || null, birthDate: birthDate || null })}`,
      ),
    enabled: q.trim().length >= 2 || Boolean(birthDate),
  });

export const createRequest = (body: RequestBody) =>
  postJson<typeof requestItem>('/api/privacy/requests', body);
export const updateRequest = (id: string, body: RequestUpdateBody) =>
  patchJson<typeof requestItem>(`/api/privacy/requests/${id}`, body);
export const restrictCase = (id: string, version: number, restricted: boolean) =>
  postJson<typeof requestItem>(
    `/api/privacy/requests/${id}/${restricted ? 'restrict' : 'lift-restriction'}`,
    {
      version,
    },
  );
/** The erasure of the request's person, with the retention and legal-hold check (privacy/erasure): erased, or refused and why. */
export type ErasureAnswer = ErasureResult;
export const eraseRequest = (id: string) =>
  postJson<z.ZodType<ErasureAnswer>>(`/api/privacy/requests/${id}/erase`);
export const exportHref = (id: string, language?: 'de' | 'en') =>
  `/api/privacy/requests/${id}/export${language ? `?language=${language}` : ''}`;
export const exportJsonHref = (id: string) => `/api/privacy/requests/${id}/export.json`;

export const casePrivacyQuery = (clientId: string) =>
  queryOptions({
    queryKey: requestKeys.casePrivacy(clientId),
    queryFn: () => getJson<typeof casePrivacyState>(`/api/clients/${clientId}/privacy`),
  });
export const setLegalHold = (clientId: string, body: LegalHoldBody) =>
  putJson<typeof casePrivacyState>(`/api/clients/${clientId}/legal-hold`, body);
export const liftLegalHold = (clientId: string) =>
  deleteJson<typeof casePrivacyState>(`/api/clients/${clientId}/legal-hold`);
export type { CasePrivacyState };
