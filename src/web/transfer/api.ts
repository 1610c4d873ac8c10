import type { ImportMapping, importCheck, importCommitted, importUpload } from '../../contracts/transfer';
import { postJson, type QueryParams, query, uploadFile } from '../lib/http';

/** Cases in and out: a sheet is uploaded, mapped, checked in a dry run and committed all or nothing. */
export const uploadCaseSheet = (file: File) => uploadFile<typeof importUpload>('/api/clients/import', file);
export const checkCaseImport = (id: string, mapping: ImportMapping) =>
  postJson<typeof importCheck>(`/api/clients/import/${id}/check`, { mapping });
export const commitCaseImport = (id: string, mapping: ImportMapping) =>
  postJson<typeof importCommitted>(`/api/clients/import/${id}/commit`, { mapping });

/** The address of the case list's export with the list's filters (the export is audited). */
export const caseExportUrl = (filters: QueryParams, format: 'csv' | 'xlsx') =>
  `/api/clients/export${query({ ...filters, format })}`;
