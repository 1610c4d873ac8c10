import { z } from 'zod';
import { timestamp } from './common';

export const documentCategories = [
  'certificate',
  'translation',
  'decision',
  'consent_form',
  'cv',
  'id_document',
  'correspondence',
  'other',
] as const;
export const clientDocument = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  category: z.enum(documentCategories),
  description: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: timestamp,
});
export type ClientDocument = z.infer<typeof clientDocument>;
