import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organisationSettings, outboxPage, updateOrganisationBody } from '../../contracts/organisation';
import { getJson, patchJson, type QueryParams } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** The organisation's settings and the outbox of mail. */
export const organisationKeys = {
  settings: ['organisation'] as const,
  outbox: (params: QueryParams) => ['outbox', params] as const,
};

export const organisationQuery = queryOptions({
  queryKey: organisationKeys.settings,
  queryFn: () => getJson<typeof organisationSettings>('/api/organisation'),
});
export const updateOrganisation = (body: z.input<typeof updateOrganisationBody>) =>
  patchJson<typeof organisationSettings>('/api/organisation', body);

export const outboxQuery = pageQuery<typeof outboxPage>(organisationKeys.outbox, '/api/outbox');
