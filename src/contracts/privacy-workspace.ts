/**
 * The data protection officer's workspace (disclosures, consents, reads outside a caseload, the
 * breach helper) and the paperwork generated from the organisation's configuration.
 */
import { z } from 'zod';
import { isoDate, languageSchema, pageOf, pageQuery, timestamp } from './common';

/**
 * Audit actions that read a person's case: staff opening, printing, exporting, matching, a
 * conference's briefs; and a partner's reads in the portal. The breach helper lists them all; the
 * reads outside a caseload only staff's (partners read by consent, not by caseload).
 */
export const caseReadActions = [
  'client.read',
  'client.exported',
  'client.matched',
  'document.downloaded',
  'consent.form_printed',
  'conference.read',
  'conference.briefs_read',
  'portal.brief_read',
  'portal.pack_read',
  'portal.minutes_read',
  'portal.commitments_read',
  'privacy.request_exported',
] as const;

const period = { from: isoDate.optional(), to: isoDate.optional() };

// --- disclosures per institution and period ---

export const workspaceDisclosuresQuery = pageQuery.extend({
  institutionId: z.uuid().optional(),
  ...period,
});
export type WorkspaceDisclosuresQuery = z.infer<typeof workspaceDisclosuresQuery>;

export const workspaceDisclosure = z.object({
  id: z.uuid(),
  at: timestamp,
  /** The case by its number; null once the case is gone. */
  caseCode: z.string().nullable(),
  recipient: z.string(),
  institutionId: z.uuid().nullable(),
  purpose: z.string(),
  dataCategories: z.array(z.string()),
  /** The consent it went on, with the day it was given; null where none was needed (anonymised). */
  consent: z.object({ id: z.uuid(), givenOn: isoDate }).nullable(),
  by: z.string().nullable(),
});
export type WorkspaceDisclosure = z.infer<typeof workspaceDisclosure>;

/** Disclosures per institution in the period (before the institution filter), and the page. */
export const workspaceDisclosuresPage = pageOf(workspaceDisclosure).extend({
  perInstitution: z.array(
    z.object({ institutionId: z.uuid().nullable(), name: z.string(), count: z.number().int() }),
  ),
});
export type WorkspaceDisclosuresPage = z.infer<typeof workspaceDisclosuresPage>;

// --- consents expiring and withdrawn ---

export const consentWatchKinds = ['expiring', 'withdrawn'] as const;
export const workspaceConsentsQuery = pageQuery.extend({
  kind: z.enum(consentWatchKinds).default('expiring'),
  /** Expiring: valid until within this many days from today. */
  days: z.coerce.number().int().min(1).max(365).default(30),
  /** Withdrawn: in this period (default the last 30 days). */
  ...period,
});
export type WorkspaceConsentsQuery = z.infer<typeof workspaceConsentsQuery>;

export const workspaceConsent = z.object({
  id: z.uuid(),
  caseCode: z.string(),
  institutions: z.array(z.string()),
  purposes: z.array(z.string()),
  givenOn: isoDate,
  validUntil: isoDate.nullable(),
  withdrawnAt: timestamp.nullable(),
});
export type WorkspaceConsent = z.infer<typeof workspaceConsent>;
export const workspaceConsentsPage = pageOf(workspaceConsent);

// --- reads outside the own caseload ---

export const workspaceReadsQuery = z.object({
  ...period,
  /** More distinct cases of others than this within one hour marks the user. */
  threshold: z.coerce.number().int().min(1).max(1000).default(20),
});
export type WorkspaceReadsQuery = z.infer<typeof workspaceReadsQuery>;

export const workspaceReader = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()) }),
  /** Distinct cases read that the user neither owns nor shares. */
  cases: z.number().int(),
  reads: z.number().int(),
  /** The hour (from its first read) with the most distinct cases of others. */
  busiestHour: z.object({ start: timestamp, cases: z.number().int() }).nullable(),
  /** Marked, not blocked: more than the threshold within one hour. */
  flagged: z.boolean(),
});
export type WorkspaceReader = z.infer<typeof workspaceReader>;
export const workspaceReads = z.object({
  from: isoDate,
  to: isoDate,
  threshold: z.number().int(),
  users: z.array(workspaceReader),
});
export type WorkspaceReads = z.infer<typeof workspaceReads>;

// --- breach helper ---

export const breachFormats = ['csv', 'xlsx'] as const;
const breachFilter = {
  userId: z.uuid().optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
};
export const breachQuery = pageQuery.extend(breachFilter);
export type BreachQuery = z.infer<typeof breachQuery>;
export const breachExportQuery = z.object({
  ...breachFilter,
  format: z.enum(breachFormats).default('csv'),
  lang: languageSchema.default('de'),
});
export type BreachExportQuery = z.infer<typeof breachExportQuery>;

export const breachEntry = z.object({
  id: z.string(),
  at: timestamp,
  kind: z.enum(['read', 'disclosure']),
  caseCode: z.string().nullable(),
  /** The person's name: the dpo holds `audit.persons`. */
  person: z.string().nullable(),
  /** The audit action of a read; the purpose of a disclosure. */
  what: z.string(),
  dataCategories: z.array(z.string()),
  by: z.string().nullable(),
  institution: z.string().nullable(),
});
export type BreachEntry = z.infer<typeof breachEntry>;
export const breachPage = pageOf(breachEntry).extend({ persons: z.number().int() });
export type BreachPage = z.infer<typeof breachPage>;

// --- paperwork ---

export const paperworkDocuments = ['processing-record', 'measures', 'consent-forms'] as const;
export type PaperworkDocument = (typeof paperworkDocuments)[number];
export const paperworkParams = z.object({ document: z.enum(paperworkDocuments) });
export const paperworkQuery = z.object({
  format: z.enum(['pdf', 'md']).default('pdf'),
  /** The document's language; the dpo's own when not given. */
  lang: languageSchema.optional(),
});
export type PaperworkQuery = z.infer<typeof paperworkQuery>;
