import { queryOptions } from '@tanstack/react-query';
import type {
  BreachExportQuery,
  breachPage,
  PaperworkDocument,
  workspaceConsentsPage,
  workspaceDisclosuresPage,
  workspaceReads,
} from '../../../contracts/privacy-workspace';
import { getJson, type QueryParams, query } from '../../lib/http';
import { pageQuery } from '../../lib/queries';

/** The dpo's workspace and paperwork (every read is audited on the server). */
export const workspaceKeys = {
  disclosures: (params: QueryParams) => ['privacy-disclosures', params] as const,
  consents: (params: QueryParams) => ['privacy-consents', params] as const,
  reads: (params: QueryParams) => ['privacy-reads', params] as const,
  breach: (params: QueryParams) => ['privacy-breach', params] as const,
};

export const disclosuresQuery = pageQuery<typeof workspaceDisclosuresPage>(
  workspaceKeys.disclosures,
  '/api/privacy/workspace/disclosures',
);
export const consentsQuery = pageQuery<typeof workspaceConsentsPage>(
  workspaceKeys.consents,
  '/api/privacy/workspace/consents',
);
export const breachQuery = pageQuery<typeof breachPage>(
  workspaceKeys.breach,
  '/api/privacy/workspace/breach',
);

export const readsQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: workspaceKeys.reads(params),
    queryFn: () => getJson<typeof workspaceReads>(`/api/privacy/workspace/reads${query(params)}`),
  });

/** The breach helper's download: the same filters as the page. */
export const breachExportUrl = (params: QueryParams & Pick<BreachExportQuery, 'format' | 'lang'>) =>
  `/api/privacy/workspace/breach/export${query(params)}`;

export const paperworkUrl = (document: PaperworkDocument, format: 'pdf' | 'md', lang: string) =>
  `/api/privacy/paperwork/${document}${query({ format, lang })}`;
