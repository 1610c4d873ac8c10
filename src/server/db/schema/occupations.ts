import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Reference occupations: a small built-in list, plus KldB 2010 and ESCO imported by the operator. */
export const occupations = pgTable(
  'occupations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheme: text('scheme').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    altLabels: text('alt_labels'),
    level: integer('level'),
    iscoGroup: text('isco_group'),
    regulated: boolean('regulated'),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    uniqueIndex('occupations_scheme_code_key').on(t.scheme, t.code),
    index('occupations_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
