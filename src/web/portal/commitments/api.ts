import { queryOptions } from '@tanstack/react-query';
import type { PortalReportBody, portalCommitment, portalCommitmentPage } from '../../../contracts/portal';
import { getJson, postJson, type QueryParams } from '../../lib/http';
import { pageQuery } from '../../lib/queries';

/** The institution's commitments in the partner portal: the list, one, and the institution's report. */
export const portalCommitmentKeys = {
  /** Every view of the portal (the home page's counts among them): a report changes them. */
  portal: ['portal'] as const,
  list: (params: QueryParams) => ['portal', 'commitments', 'list', params] as const,
  one: (id: string) => ['portal', 'commitments', 'one', id] as const,
};

export const portalCommitmentListQuery = pageQuery<
  typeof portalCommitmentPage,
  ReturnType<typeof portalCommitmentKeys.list>
>(portalCommitmentKeys.list, '/api/portal/commitments');

export const portalCommitmentQuery = (id: string) =>
  queryOptions({
    queryKey: portalCommitmentKeys.one(id),
    queryFn: () => getJson<typeof portalCommitment>(`/api/portal/commitments/${id}`),
    // A commitment the portal may not show (any more) is a 404: asking again will not change it.
    retry: false,
  });

export const reportPortalCommitment = (id: string, body: PortalReportBody) =>
  postJson<typeof portalCommitment>(`/api/portal/commitments/${id}/report`, body);
