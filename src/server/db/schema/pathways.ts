/** Strategies for a profession: a pathway adopted by a conference for an occupation group. */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { created, org } from './columns';
import { conferences } from './conferences';
import { sectors } from './network';

export interface PathwayStep {
  text: string;
  /** Who carries the step out (an institution's name or "counsellor", as agreed). */
  responsible: string | null;
  /** Who pays for it (job centre, employment agency, the programme…). */
  funder: string | null;
  /** Catalogue measures that fit the step. */
  measureIds: string[];
  /** Weeks from the start of the pathway by which the step should be done. */
  weeks: number | null;
}

/**
 * The steps, measures, funders and responsibilities agreed for cases of some reference
 * occupations (e.g. nurses from third countries with a deficit notice). Objectives and steps made
 * from it carry its id, so the report can count who followed it and how far they got.
 */
export const pathways = pgTable(
  'pathways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id),
    title: text('title').notNull(),
    /** What the pathway is for, in words: "Pflegefachkräfte aus Drittstaaten mit Defizitbescheid". */
    occupationGroup: text('occupation_group').notNull(),
    occupationIds: uuid('occupation_ids').array().notNull().default(sql`'{}'`),
    description: text('description'),
    steps: jsonb('steps').$type<PathwayStep[]>().notNull().default([]),
    conferenceId: uuid('conference_id').references(() => conferences.id, { onDelete: 'set null' }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    index('pathways_org_idx').on(t.organisationId),
    index('pathways_occupations_idx').using('gin', t.occupationIds),
  ],
);
