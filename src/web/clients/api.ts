import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bulkReassignBody,
  bulkReassignResult,
  clientDetail,
  clientPage,
  counsellorsBody,
  counsellorsResult,
  duplicateCandidateList,
  exitResultsBody,
  handoverBody,
  savedFilter,
  savedFilterBody,
  savedFilterList,
  transitionBody,
} from '../../contracts/clients';
import type { okSchema } from '../../contracts/common';
import type { dashboard, dueStepPage, notificationList } from '../../contracts/dashboard';
import {
  deleteJson,
  type Fields,
  getJson,
  patchJson,
  postJson,
  putJson,
  type QueryParams,
  type Versioned,
} from '../lib/http';
import { pageQuery } from '../lib/queries';

/** The case record: the list and its saved filters, intake, stages, handover, the dashboard, notifications. */
export const caseKeys = {
  /** Every page of every filtered case list. */
  lists: ['cases'] as const,
  list: (params: QueryParams) => ['cases', params] as const,
  savedFilters: ['saved-filters'] as const,
  /** The dashboard and its cards (the follow-ups card is the measures domain's). */
  dashboard: ['dashboard'] as const,
  /** One page of the dashboard's due steps (under the dashboard, so refreshing it refreshes them). */
  dueSteps: (params: QueryParams) => ['dashboard', 'steps', params] as const,
  notifications: ['notifications'] as const,
};

export const caseListQuery = pageQuery<typeof clientPage>(caseKeys.list, '/api/clients');

/** Cases that may be the same person (the form asks while the user types). */
export const duplicateCheck = (body: Fields) =>
  postJson<typeof duplicateCandidateList>('/api/clients/duplicates', body);
export const openCase = (body: Fields) => postJson<typeof clientDetail>('/api/clients', body);
export const updateCase = (id: string, body: Versioned) =>
  patchJson<typeof clientDetail>(`/api/clients/${id}`, body);
export const recordExitResults = (id: string, body: z.input<typeof exitResultsBody>) =>
  putJson<typeof clientDetail>(`/api/clients/${id}/exit-results`, body);
export const moveStage = (id: string, body: z.input<typeof transitionBody>) =>
  postJson<typeof clientDetail>(`/api/clients/${id}/stage`, body);
export const handOver = (id: string, body: z.input<typeof handoverBody>) =>
  postJson<typeof clientDetail>(`/api/clients/${id}/handover`, body);
export const setCounsellors = (id: string, body: z.input<typeof counsellorsBody>) =>
  putJson<typeof counsellorsResult>(`/api/clients/${id}/counsellors`, body);
export const reassignCases = (body: z.input<typeof bulkReassignBody>) =>
  postJson<typeof bulkReassignResult>('/api/clients/reassign', body);

export const savedFiltersQuery = queryOptions({
  queryKey: caseKeys.savedFilters,
  queryFn: () => getJson<typeof savedFilterList>('/api/saved-filters'),
});
export const saveFilter = (body: z.input<typeof savedFilterBody>) =>
  postJson<typeof savedFilter>('/api/saved-filters', body);
export const deleteSavedFilter = (id: string) => deleteJson<typeof okSchema>(`/api/saved-filters/${id}`);

export const dashboardQuery = queryOptions({
  queryKey: caseKeys.dashboard,
  queryFn: () => getJson<typeof dashboard>('/api/dashboard'),
});

export const dueStepsQuery = pageQuery<typeof dueStepPage>(caseKeys.dueSteps, '/api/dashboard/steps');

export const notificationsQuery = queryOptions({
  queryKey: caseKeys.notifications,
  queryFn: () => getJson<typeof notificationList>('/api/notifications'),
  refetchInterval: 60_000,
});
export const markNotificationsRead = () => postJson<typeof okSchema>('/api/notifications/read');
