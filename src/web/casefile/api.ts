import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseFile } from '../../contracts/casefile';
import type { okSchema } from '../../contracts/common';
import type { contact, objective, step } from '../../contracts/plan';
import type { experience, languageSkill, qualification, residenceEntry } from '../../contracts/profile';
import type { procedure } from '../../contracts/recognition';
import { caseKeys } from '../clients/api';
import { deleteJson, type Fields, getJson, patchJson, postJson, type Versioned } from '../lib/http';

/** The case file: one read answers all of it; its entries are created, changed and removed by kind. */
export const caseFileKeys = {
  detail: (id: string) => ['case', id] as const,
};

export const caseFileQuery = (id: string) =>
  queryOptions({
    queryKey: caseFileKeys.detail(id),
    queryFn: () => getJson<typeof caseFile>(`/api/clients/${id}`),
    staleTime: 5_000,
  });

export function useCaseFile(id: string) {
  return useQuery(caseFileQuery(id));
}

/** After a change anywhere in a case: the case file and the lists showing it are stale. */
export function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: caseFileKeys.detail(id) });
    await queryClient.invalidateQueries({ queryKey: caseKeys.lists });
    await queryClient.invalidateQueries({ queryKey: caseKeys.dashboard });
  };
}

/** The kinds of entry under /api/clients/:id/<kind>, each with the contract of its answer. */
interface EntryAnswers {
  residence: typeof residenceEntry;
  qualifications: typeof qualification;
  experience: typeof experience;
  languages: typeof languageSkill;
  procedures: typeof procedure;
  objectives: typeof objective;
  steps: typeof step;
  contacts: typeof contact;
}
export type EntryKind = keyof EntryAnswers;

export const addEntry = <K extends EntryKind>(clientId: string, kind: K, body: Fields) =>
  postJson<z.ZodType<z.output<EntryAnswers[K]>>>(`/api/clients/${clientId}/${kind}`, body);
/** A change names the version it was read at; a later change by someone else answers 409. */
export const changeEntry = <K extends EntryKind>(
  clientId: string,
  kind: K,
  entryId: string,
  body: Versioned,
) => patchJson<z.ZodType<z.output<EntryAnswers[K]>>>(`/api/clients/${clientId}/${kind}/${entryId}`, body);
export const removeEntry = (clientId: string, kind: EntryKind, entryId: string) =>
  deleteJson<typeof okSchema>(`/api/clients/${clientId}/${kind}/${entryId}`);
