/** The entries of a case file: residence, qualifications, experience, languages, recognition procedures, plan and contacts. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { clients } from './clients';
import { created, org } from './columns';
import { occupations } from './occupations';
import { pathways } from './pathways';

export const residenceStatuses = pgTable(
  'residence_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    employmentPermission: text('employment_permission'),
    weeklyHoursLimit: integer('weekly_hours_limit'),
    residenceObligation: text('residence_obligation'),
    notes: text('notes'),
    ...created(),
  },
  (t) => [
    index('residence_client_idx').on(t.clientId),
    index('residence_org_until_idx').on(t.organisationId, t.validUntil),
  ],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    titleOriginal: text('title_original').notNull(),
    titleTranslation: text('title_translation'),
    country: text('country').notNull(),
    institution: text('institution'),
    anabinStatus: text('anabin_status'),
    year: integer('year'),
    iscedLevel: integer('isced_level'),
    field: text('field'),
    kind: text('kind').notNull(),
    referenceOccupationId: uuid('reference_occupation_id').references(() => occupations.id),
    regulated: boolean('regulated'),
    law: text('law'),
    ...created(),
  },
  (t) => [
    index('qualifications_client_idx').on(t.clientId),
    index('qualifications_org_occupation_idx').on(t.organisationId, t.referenceOccupationId),
    index('qualifications_org_country_idx').on(t.organisationId, t.country),
  ],
);

export const workExperience = pgTable(
  'work_experience',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    employer: text('employer'),
    country: text('country'),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    description: text('description'),
    ...created(),
  },
  (t) => [index('work_experience_client_idx').on(t.clientId)],
);

export const languageSkills = pgTable(
  'language_skills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    level: text('level').notNull(),
    listening: text('listening'),
    reading: text('reading'),
    writing: text('writing'),
    speaking: text('speaking'),
    evidence: text('evidence'),
    assessedOn: date('assessed_on'),
    ...created(),
  },
  (t) => [
    index('language_skills_client_idx').on(t.clientId),
    index('language_skills_org_lang_idx').on(t.organisationId, t.language, t.level),
  ],
);

export const recognitionProcedures = pgTable(
  'recognition_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    qualificationId: uuid('qualification_id').references(() => qualifications.id, { onDelete: 'set null' }),
    referenceOccupationId: uuid('reference_occupation_id').references(() => occupations.id),
    authorityName: text('authority_name'),
    authorityInstitutionId: uuid('authority_institution_id'),
    accelerated: boolean('accelerated').notNull().default(false),
    submittedOn: date('submitted_on'),
    receiptConfirmedOn: date('receipt_confirmed_on'),
    documentsCompleteOn: date('documents_complete_on'),
    extensionMonths: integer('extension_months').notNull().default(0),
    extensionReason: text('extension_reason'),
    suspensions: jsonb('suspensions')
      .$type<{ from: string; to: string; reason: string | null }[]>()
      .notNull()
      .default([]),
    /** Computed from the dates above when they change (lib/deadlines); stored so lists can filter on it. */
    decisionDueOn: date('decision_due_on'),
    decidedOn: date('decided_on'),
    outcome: text('outcome').notNull().default('pending'),
    substantialDifferences: text('substantial_differences'),
    compensationMeasure: text('compensation_measure'),
    checklist: jsonb('checklist')
      .$type<
        {
          kind: string;
          label: string | null;
          present: boolean;
          certifiedCopy: boolean;
          translated: boolean;
        }[]
      >()
      .notNull()
      .default([]),
    notes: text('notes'),
    ...created(),
  },
  (t) => [
    index('procedures_client_idx').on(t.clientId),
    index('procedures_org_due_idx').on(t.organisationId, t.decisionDueOn).where(sql`decided_on is null`),
    index('procedures_org_outcome_idx').on(t.organisationId, t.outcome),
    index('procedures_org_decided_idx').on(t.organisationId, t.decidedOn),
  ],
);

export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    targetDate: date('target_date'),
    status: text('status').notNull().default('open'),
    /** Made from a pathway (one click in the plan): the conference report counts who followed it. */
    pathwayId: uuid('pathway_id').references(() => pathways.id, { onDelete: 'set null' }),
    ...created(),
  },
  (t) => [index('objectives_client_idx').on(t.clientId), index('objectives_pathway_idx').on(t.pathwayId)],
);

export const nextSteps = pgTable(
  'next_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id').references(() => objectives.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerNote: text('owner_note'),
    dueDate: date('due_date'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    pathwayId: uuid('pathway_id').references(() => pathways.id, { onDelete: 'set null' }),
    ...created(),
  },
  (t) => [
    index('next_steps_client_idx').on(t.clientId),
    index('next_steps_org_due_idx').on(t.organisationId, t.dueDate).where(sql`done_at is null`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    sessionType: text('session_type'),
    channel: text('channel'),
    durationMinutes: integer('duration_minutes'),
    interpreter: boolean('interpreter').notNull().default(false),
    institutionName: text('institution_name'),
    institutionId: uuid('institution_id'),
    /** A coordination talk about a case nominated for this conference ("agreed beforehand"). */
    conferenceId: uuid('conference_id'),
    topic: text('topic'),
    result: text('result'),
    summary: text('summary'),
    ...created(),
  },
  (t) => [
    index('contacts_client_idx').on(t.clientId, t.occurredOn),
    index('contacts_org_date_idx').on(t.organisationId, t.occurredOn),
  ],
);
