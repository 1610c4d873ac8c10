import { queryOptions } from '@tanstack/react-query';
import type {
  PartnerInviteBody,
  partnerAccount,
  partnerActivityPage,
  partnerInstitutionList,
  partnerInviteResult,
  partnerLinkResult,
  partnerPage,
} from '../../contracts/partners';
import { getJson, postJson, type QueryParams } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** Partner accounts (leads) and what an institution has seen (leads, the dpo). */
export const partnerKeys = {
  /** Every list of accounts, also an institution's card: an invitation or a revocation changes them all. */
  lists: ['partners'] as const,
  list: (params: QueryParams) => ['partners', params] as const,
  institutions: ['partner-institutions'] as const,
  activity: (institutionId: string, params: QueryParams) =>
    ['partner-activity', institutionId, params] as const,
};

export const partnerListQuery = pageQuery<typeof partnerPage>(partnerKeys.list, '/api/partners');

/** The institutions with partner accounts or disclosures: whose activity there is to read. */
export const partnerInstitutionsQuery = queryOptions({
  queryKey: partnerKeys.institutions,
  queryFn: () => getJson<typeof partnerInstitutionList>('/api/partners/institutions'),
});

/** What the institution has seen and received (reading it is audited). */
export const partnerActivityQuery = (institutionId: string) =>
  pageQuery<typeof partnerActivityPage>(
    (params) => partnerKeys.activity(institutionId, params),
    `/api/institutions/${institutionId}/partner-activity`,
  );

export const invitePartner = (body: PartnerInviteBody) =>
  postJson<typeof partnerInviteResult>('/api/partners', body);
export const resendInvitation = (id: string) =>
  postJson<typeof partnerLinkResult>(`/api/partners/${id}/resend`);
export const revokePartner = (id: string, version: number) =>
  postJson<typeof partnerAccount>(`/api/partners/${id}/revoke`, { version });
export const reactivatePartner = (id: string, version: number) =>
  postJson<typeof partnerAccount>(`/api/partners/${id}/reactivate`, { version });
