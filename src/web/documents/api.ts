import type { okSchema } from '../../contracts/common';
import type { clientDocument } from '../../contracts/documents';
import { deleteJson, uploadFile } from '../lib/http';

/** A case's documents: files kept outside the database, sent and fetched one at a time. */
export const uploadDocument = (
  clientId: string,
  file: File,
  fields: { category: string; description: string },
) => uploadFile<typeof clientDocument>(`/api/clients/${clientId}/documents`, file, fields);

/** Where the browser downloads a document (the read is audited). */
export const documentUrl = (clientId: string, documentId: string) =>
  `/api/clients/${clientId}/documents/${documentId}`;

export const deleteDocument = (clientId: string, documentId: string) =>
  deleteJson<typeof okSchema>(documentUrl(clientId, documentId));
