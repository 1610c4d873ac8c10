// Partner accounts: representatives of the directory's institutions who work in the partner
// portal. A lead invites them (from a contact person of the directory, or by name and address);
// one person may be a partner of several organisations and picks one after login.
import { z } from 'zod';
import { emailSchema, isoDate, optionalText, pageOf, pageQuery, text, timestamp } from './common';

export const partnerStatuses = ['invited', 'active', 'revoked'] as const;
export const partnerStatusSchema = z.enum(partnerStatuses);
export type PartnerStatus = z.infer<typeof partnerStatusSchema>;

/**
 * Invite a partner of an institution: a contact person of the directory (their name and address
 * are taken from there), or a name and an address typed in. A person who is already a partner of
 * another organisation keeps their password and second factor and is told by mail.
 */
export const partnerInviteBody = z
  .object({
    institutionId: z.uuid({ error: 'the institution is needed' }),
    contactId: z.uuid().optional(),
    name: optionalText(120),
    email: emailSchema.optional(),
  })
  .refine((b) => !!b.contactId || (!!b.name && !!b.email), {
    message: 'pick a contact person, or give name and e-mail',
    path: ['email'],
  });
export type PartnerInviteBody = z.input<typeof partnerInviteBody>;

/** One partner account as the organisation sees it (the membership: this organisation's access). */
export const partnerAccount = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  institution: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** invited: no password yet; active; revoked: this organisation ended the access. */
  status: partnerStatusSchema,
  totpEnabled: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  invitedAt: timestamp,
  version: z.number().int(),
});
export type PartnerAccount = z.infer<typeof partnerAccount>;

export const partnerSorts = ['name', '-name', 'institution'] as const;
export const partnerListQuery = pageQuery.extend({
  institutionId: z.uuid().optional(),
  status: partnerStatusSchema.optional(),
  /** Name, e-mail or institution, in any case and with or without accents. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(partnerSorts).optional(),
});
export type PartnerListQuery = z.input<typeof partnerListQuery>;
export const partnerPage = pageOf(partnerAccount);

/** The answer to an invitation: without SMTP the lead gets the link to hand over, as admins do for staff. */
export const partnerInviteResult = z.object({
  account: partnerAccount,
  inviteLink: z.string().nullable(),
  /** True when the person already had an account (another organisation's partner): no new password. */
  existingAccount: z.boolean(),
});
export type PartnerInviteResult = z.infer<typeof partnerInviteResult>;

export const partnerVersionBody = z.object({ version: z.number().int() });

/** A fresh invitation link: without SMTP the lead hands it over. */
export const partnerLinkResult = z.object({ account: partnerAccount, inviteLink: z.string().nullable() });
export type PartnerLinkResult = z.infer<typeof partnerLinkResult>;

// --- what an institution has seen (lead, dpo) ---

export const partnerActivityQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type PartnerActivityQuery = z.input<typeof partnerActivityQuery>;

/**
 * One thing an institution saw or received: a partner's read in the portal (from the audit log,
 * which carries the institution) or a disclosure to it (a pack, minutes by mail, an introduction).
 */
export const partnerActivityEntry = z.object({
  /** Stable across pages: the audit entry's or the disclosure's own. */
  id: z.string(),
  at: timestamp,
  kind: z.enum(['read', 'disclosure']),
  /** The audit action or the disclosure's purpose. */
  action: z.string(),
  /** The partner user who read it; null for a disclosure sent by staff. */
  by: z.string().nullable(),
  conference: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** The case as the viewer may name it (case code for leads and the dpo); null for no case. */
  caseLabel: z.string().nullable(),
  /** identified / pseudonymised / anonymised, where known. */
  level: z.string().nullable(),
});
/** One page of an institution's activity, with the institution it is about (the dpo cannot read the directory). */
export const partnerActivityPage = pageOf(partnerActivityEntry).extend({
  institution: z.object({ id: z.uuid(), name: z.string() }),
});
export type PartnerActivityEntry = z.infer<typeof partnerActivityEntry>;

/**
 * The institutions whose activity there is to read: those with partner accounts or disclosures to
 * them (the dpo's way in, who cannot open the directory).
 */
export const partnerInstitutionList = z.array(
  z.object({ id: z.uuid(), name: z.string(), accounts: z.number().int(), disclosures: z.number().int() }),
);
export type PartnerInstitution = z.infer<typeof partnerInstitutionList>[number];

export const partnerNote = text(2000);
