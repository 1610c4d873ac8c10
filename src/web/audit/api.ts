import { queryOptions } from '@tanstack/react-query';
import type { auditActorList, auditPage, personLookupResult } from '../../contracts/audit';
import { getJson, type QueryParams, query } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** The audit trail (admins, data protection officers). */
export const auditKeys = {
  trail: (params: QueryParams) => ['audit', params] as const,
  actors: ['audit-users'] as const,
  persons: (q: string) => ['audit-persons', q] as const,
};

export const auditTrailQuery = pageQuery<typeof auditPage>(auditKeys.trail, '/api/audit');

export const auditActorsQuery = queryOptions({
  queryKey: auditKeys.actors,
  queryFn: () => getJson<typeof auditActorList>('/api/audit/users'),
});

/** The people whose data a question is about; the lookup itself is recorded. */
export const personSearchQuery = (q: string) =>
  queryOptions({
    queryKey: auditKeys.persons(q),
    queryFn: () => getJson<typeof personLookupResult>(`/api/audit/persons${query({ q })}`),
  });
