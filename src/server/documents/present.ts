import type { ClientDocument } from '../../contracts/documents';
import type { documents } from '../db/schema';

/** A document as the case file lists it: what it is and who brought it, never where it is stored. */
export function presentDocument(d: typeof documents.$inferSelect, uploadedBy: string | null): ClientDocument {
  return {
    id: d.id,
    filename: d.filename,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    category: d.category as ClientDocument['category'],
    description: d.description,
    uploadedBy,
    uploadedAt: d.createdAt.toISOString(),
  };
}
