import { z } from 'zod';
import { pageOf, pageQuery, timestamp } from './common';

/** Every action the audit log knows. Features add theirs here. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.recovery_code_used',
  'auth.invitation_accepted',
  'organisation.created',
  'organisation.updated',
  'user.invited',
  'user.invitation_resent',
  'user.updated',
  'user.roles_changed',
  'user.deactivated',
  'user.reactivated',
  'audit.searched',
  'audit.person_lookup',
  'client.created',
  'client.read',
  'client.updated',
  'client.stage_changed',
  'client.handed_over',
  'client.counsellors_changed',
  'client.searched',
  'client.duplicates_checked',
  'client.exported',
  'client.imported',
  'client.entry_added',
  'client.entry_changed',
  'client.entry_removed',
  'consent.recorded',
  'consent.withdrawn',
  'consent.corrected',
  'consent.form_printed',
  'document.uploaded',
  'document.downloaded',
  'document.deleted',
  'occupations.imported',
  'network.changed',
  'network.exported',
  'measure.changed',
  'client.measure_changed',
  'client.opportunity_changed',
  'client.disclosed',
  'client.matched',
  'backup.created',
  'conference.changed',
  'conference.invitations_sent',
  'conference.rsvp',
  'conference.nominated',
  'conference.nomination_changed',
  'conference.read',
  'conference.briefs_read',
  'conference.pack_disclosed',
  'conference.live_changed',
  'conference.minutes_changed',
  'conference.minutes_published',
  'conference.minutes_disclosed',
  'conference.report_exported',
  /** Funder reports: a document given out, the cases behind a cell opened (lead), a report saved or removed. */
  'report.exported',
  'report.drilldown',
  'report.saved',
  'report.deleted',
  'commitment.created',
  'commitment.changed',
  'commitment.reported',
  'pathway.changed',
  'pathway.applied',
  'auth.organisation_chosen',
  'partner.invited',
  'partner.invitation_resent',
  'partner.revoked',
  'partner.reactivated',
  /** A partner read a conference of its institution: the agenda, the briefs it receives (per case). */
  'portal.conference_read',
  'portal.brief_read',
  'portal.pack_read',
  'portal.minutes_read',
  'portal.commitments_read',
  'portal.input_written',
  'portal.rsvp',
  'portal.commitment_reported',
  'partner.activity_read',
  /** Privacy operations (privacy/). */
  'privacy.settings_changed',
  'privacy.hold_set',
  'privacy.hold_lifted',
  'privacy.retention_announced',
  'privacy.retention_withdrawn',
  'privacy.case_anonymised',
  'privacy.audit_expired',
  'privacy.request_created',
  'privacy.request_changed',
  'privacy.request_exported',
  'privacy.erasure_refused',
  'privacy.case_restricted',
  'privacy.restriction_lifted',
  'privacy.workspace_read',
  'privacy.breach_searched',
  'privacy.paperwork_exported',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditActor = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type AuditActor = z.infer<typeof auditActor>;

/** A line of an entry's details for people: ids replaced by names, codes for the client to translate. */
export const auditDetailLine = z.object({ key: z.string(), values: z.array(z.string()) });
export type AuditDetailLine = z.infer<typeof auditDetailLine>;

export const auditEntry = z.object({
  id: z.string(),
  at: timestamp,
  action: z.string(),
  actor: auditActor.nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** A readable name of the entity where there is one (a user, an institution, an offer, a measure). */
  entityLabel: z.string().nullable(),
  subject: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  detailLines: z.array(auditDetailLine),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  actorId: z.uuid().optional(),
  subjectId: z.uuid().optional().describe('The person (client) whose data was read or changed'),
  action: z.string().trim().max(60).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
});
export type AuditQuery = z.input<typeof auditQuery>;
export type AuditFilter = z.infer<typeof auditQuery>;

export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;

export const personLookupQuery = z.object({ q: z.string().trim().min(2).max(100) });
/** A person found by the dpo to filter the trail: enough to tell two people apart. */
export const personLookupResult = z.array(
  z.object({ id: z.uuid(), caseCode: z.string(), name: z.string(), birthDate: z.string().nullable() }),
);
export type PersonLookupResult = z.infer<typeof personLookupResult>;
export const auditActorList = z.array(auditActor);
