import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { created, org } from './columns';

/** Client and case in one row: the case is the engagement with the person. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    caseCode: text('case_code').notNull(),
    stage: text('stage').notNull().default('intake'),
    closingOutcome: text('closing_outcome'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    givenNamesOriginal: text('given_names_original'),
    familyNameOriginal: text('family_name_original'),
    birthDate: date('birth_date'),
    gender: text('gender'),
    citizenships: text('citizenships').array().notNull().default(sql`'{}'`),
    birthCountry: text('birth_country'),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    email: text('email'),
    phone: text('phone'),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city'),
    district: text('district'),
    arrivalDate: date('arrival_date'),
    referralSource: text('referral_source'),
    benefits: text('benefits'),
    jobcentreCustomerNumber: text('jobcentre_customer_number'),
    currentEmployer: text('current_employer'),
    currentHoursPerWeek: real('current_hours_per_week'),
    currentJobBelowQualification: boolean('current_job_below_qualification'),
    intakeDate: date('intake_date').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    notes: text('notes'),
    /**
     * Lower-case, unaccented, transliterated names, case code and e-mail, followed by the
     * consonant skeletons of the names (lib/search-text): one trigram index serves both.
     */
    searchText: text('search_text').notNull().default(''),
    /** Normalised family and given names: one- and two-letter searches match their beginnings. */
    familyKey: text('family_key').notNull().default(''),
    givenKey: text('given_key').notNull().default(''),
    /**
     * Kept in step with the case's entries (clients/summary.ts) so that the list can filter on
     * them with an index: the earliest due date of an open step, the German level (1 = A1 … 7 = native).
     */
    nextStepDue: date('next_step_due'),
    germanLevel: integer('german_level'),
    /** The sector of the case (organisation's list), for conferences and matching. */
    sectorId: uuid('sector_id'),
    ...created(),
  },
  (t) => [
    uniqueIndex('clients_case_code_key').on(t.organisationId, t.caseCode),
    index('clients_org_name_idx').on(t.organisationId, t.familyName, t.givenNames),
    index('clients_org_owner_idx').on(t.organisationId, t.ownerId),
    index('clients_org_stage_idx').on(t.organisationId, t.stage),
    index('clients_org_updated_idx').on(t.organisationId, t.updatedAt),
    index('clients_org_birth_idx').on(t.organisationId, t.birthDate),
    index('clients_org_email_idx').on(t.organisationId, t.email),
    index('clients_org_intake_idx').on(t.organisationId, t.intakeDate),
    index('clients_org_family_key_idx').on(t.organisationId, t.familyKey.op('text_pattern_ops')),
    index('clients_org_given_key_idx').on(t.organisationId, t.givenKey.op('text_pattern_ops')),
    index('clients_org_next_step_idx').on(t.organisationId, t.nextStepDue),
    index('clients_org_german_idx').on(t.organisationId, t.germanLevel),
    index('clients_org_sector_idx').on(t.organisationId, t.sectorId),
    index('clients_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Further counsellors who work on a case besides its owner. */
export const clientCounsellors = pgTable(
  'client_counsellors',
  {
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index('client_counsellors_user_idx').on(t.userId)],
);

export const caseCounters = pgTable(
  'case_counters',
  {
    organisationId: org(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

/** Every stage change with time and user: the basis for time-to-outcome figures. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    outcome: text('outcome'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
  },
  (t) => [index('case_transitions_client_idx').on(t.clientId, t.at)],
);

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
    ...created(),
  },
  (t) => [index('objectives_client_idx').on(t.clientId)],
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

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    purposes: text('purposes').array().notNull(),
    institutions: text('institutions').array().notNull().default(sql`'{}'`),
    institutionIds: uuid('institution_ids').array().notNull().default(sql`'{}'`),
    /**
     * The receiving institutions' names as comparison keys (lib/consent `nameKeys`), so that the
     * consent policy matches a typed name the same way in SQL as in the process.
     */
    institutionKeys: text('institution_keys').array().notNull().default(sql`'{}'`),
    dataCategories: text('data_categories').array().notNull().default(sql`'{}'`),
    scope: text('scope').notNull(),
    formLanguage: text('form_language').notNull(),
    givenOn: date('given_on').notNull(),
    validUntil: date('valid_until'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    evidenceDocumentId: uuid('evidence_document_id'),
    notes: text('notes'),
    ...created(),
  },
  (t) => [
    index('consents_client_idx').on(t.clientId),
    index('consents_org_until_idx').on(t.organisationId, t.validUntil),
  ],
);

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

export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_filters_user_idx').on(t.userId)],
);

/** In-app notices to a user (a case handed over to them, …); also mailed through the outbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** An uploaded client list between upload, dry run and commit. */
export const clientImports = pgTable('client_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: org(),
  userId: uuid('user_id').notNull(),
  filename: text('filename').notNull(),
  columns: text('columns').array().notNull(),
  rows: jsonb('rows').$type<string[][]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  importedCount: integer('imported_count'),
});
