import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { created, org } from './columns';

/** Files live under DATA_DIR/documents; the row holds what the access check and the list need. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    category: text('category').notNull(),
    description: text('description'),
    ...created(),
  },
  (t) => [index('documents_client_idx').on(t.clientId)],
);
