import { queryOptions } from '@tanstack/react-query';
import type {
  casePrivacyState,
  noticeList,
  PrivacySettingsBody,
  privacySettings,
  proofList,
  retentionRunResult,
} from '../../../contracts/privacy';
import { deleteJson, getJson, postJson, putJson, type QueryParams } from '../../lib/http';
import { pageQuery } from '../../lib/queries';

/** Retention settings (admin, dpo), the deletion list, the proofs and the job on demand (dpo). */
export const retentionKeys = {
  settings: ['privacy-settings'] as const,
  notices: (params: QueryParams) => ['privacy-notices', params] as const,
  allNotices: ['privacy-notices'] as const,
  proofs: (params: QueryParams) => ['privacy-proofs', params] as const,
  allProofs: ['privacy-proofs'] as const,
};

export const privacySettingsQuery = queryOptions({
  queryKey: retentionKeys.settings,
  queryFn: () => getJson<typeof privacySettings>('/api/privacy/settings'),
});

export const updatePrivacySettings = (body: PrivacySettingsBody) =>
  putJson<typeof privacySettings>('/api/privacy/settings', body);

export const noticesQuery = pageQuery<typeof noticeList>(retentionKeys.notices, '/api/privacy/notices');
export const proofsQuery = pageQuery<typeof proofList>(retentionKeys.proofs, '/api/privacy/proofs');

export const runRetentionNow = () => postJson<typeof retentionRunResult>('/api/privacy/retention/run');
