import { queryOptions } from '@tanstack/react-query';
import type {
  CommitmentReportBody,
  commitment,
  commitmentList,
  commitmentPage,
} from '../../contracts/commitments';
import { getJson, postJson, type QueryParams, query } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** Commitments: the list, a conference's first agenda item, the report of an institution. */
export const commitmentKeys = {
  /** Every view of commitments: a report changes them all. */
  all: ['commitments'] as const,
  list: (params: QueryParams) => ['commitments', 'list', params] as const,
  carriedOver: (conferenceId: string) => ['commitments', 'carried-over', conferenceId] as const,
};

export const commitmentListQuery = pageQuery<typeof commitmentPage, ReturnType<typeof commitmentKeys.list>>(
  commitmentKeys.list,
  '/api/commitments',
);

/** The open commitments of the series' earlier conferences: the conference's first agenda item. */
export const carriedOverQuery = (conferenceId: string) =>
  queryOptions({
    queryKey: commitmentKeys.carriedOver(conferenceId),
    queryFn: () => getJson<typeof commitmentList>(`/api/conferences/${conferenceId}/carried-over`),
  });

export const reportCommitment = (id: string, body: CommitmentReportBody) =>
  postJson<typeof commitment>(`/api/commitments/${id}/report`, body);

/** The list with these filters as CSV (each case written out is audited). */
export const commitmentExportUrl = (filters: QueryParams) => `/api/commitments/export${query(filters)}`;
