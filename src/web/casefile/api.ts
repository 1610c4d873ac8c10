import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseFile } from '../../contracts/casefile';
import { get } from '../app/api';

export function useCaseFile(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => get<CaseFile>(`/api/clients/${id}`),
    staleTime: 5_000,
  });
}

/** After a change anywhere in a case: the case file and the lists showing it are stale. */
export function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['case', id] });
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
    await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}
