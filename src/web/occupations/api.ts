import { queryOptions } from '@tanstack/react-query';
import type { occupationCounts, occupationImportResult, occupationList } from '../../contracts/profile';
import { getJson, query, uploadFile } from '../lib/http';

/** The reference occupations: the built-in list, KldB 2010 and ESCO. */
export const occupationKeys = {
  counts: ['occupation-counts'] as const,
  search: (q: string, limit: number) => ['occupations', q, limit] as const,
};

export const occupationCountsQuery = queryOptions({
  queryKey: occupationKeys.counts,
  queryFn: () => getJson<typeof occupationCounts>('/api/occupations/counts'),
});

export const occupationSearchQuery = (q: string, limit: number) =>
  queryOptions({
    queryKey: occupationKeys.search(q, limit),
    queryFn: () => getJson<typeof occupationList>(`/api/occupations${query({ q, limit })}`),
  });

export const importOccupations = (file: File) =>
  uploadFile<typeof occupationImportResult>('/api/occupations/import', file);
