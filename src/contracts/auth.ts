import { z } from 'zod';
import { emailSchema, languageSchema, text, timestamp } from './common';

export const roles = ['admin', 'lead', 'counsellor', 'partner', 'dpo'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const PASSWORD_MIN_LENGTH = 12;
/** The length rule; "not the e-mail" needs the e-mail and is checked on the server. */
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const userStatusSchema = z.enum(['invited', 'active', 'deactivated']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  language: languageSchema,
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  totpEnabled: z.boolean(),
  /** The organisation requires a second factor for this user and none is enrolled yet (partners always). */
  totpEnrolmentRequired: z.boolean(),
  /** A partner's institution in the organisation of this session; null for the organisation's staff. */
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /**
   * The organisations this person may work in: one for staff; for a partner of several counselling
   * centres each with the institution they act for there. Switching is `POST /api/auth/organisation`.
   */
  organisations: z.array(
    z.object({ id: z.uuid(), name: z.string(), institutionName: z.string().nullable() }),
  ),
  /** A partner of several organisations who has not yet picked one: only the picker answers. */
  organisationChoiceRequired: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * What a user may do. The server maps roles to these in one table (server/lib/access.ts); the web
 * client receives the resulting list only to hide what would be refused, typed so that a
 * misspelt permission does not compile.
 */
export const permissionNames = [
  'users.manage',
  'organisation.manage',
  'outbox.read',
  'audit.read',
  'audit.persons',
  'cases.work',
  'cases.reassign',
  'catalogues.manage',
  'network.work',
  'sectors.manage',
  'network.merge',
  'conferences.read',
  'conferences.manage',
  'conferences.nominate',
  'commitments.read',
  'commitments.report',
  'pathways.manage',
  'conferences.report',
  'reports.read',
  'reports.drilldown',
  'portal.use',
  'partners.manage',
  'partners.activity',
  'privacy.manage',
  'privacy.retention',
  'privacy.requests',
  'privacy.holds',
] as const;
export const permissionSchema = z.enum(permissionNames);
export type Permission = z.infer<typeof permissionSchema>;

/** The logged-in user with what they may do. */
export const sessionUser = meSchema.extend({ permissions: z.array(permissionSchema) });
export type SessionUser = z.infer<typeof sessionUser>;

export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1).max(256),
  /** A TOTP code or one of the recovery codes, once the account has a second factor. */
  code: z.string().trim().max(32).optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const updateMeBody = z
  .object({ name: text(120), language: languageSchema })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateMeBody = z.infer<typeof updateMeBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const totpSetupResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export type TotpSetupResponse = z.infer<typeof totpSetupResponse>;
export const totpEnableBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export const totpEnableResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpEnableResponse = z.infer<typeof totpEnableResponse>;
export const totpDisableBody = z.object({ password: z.string().min(1).max(256) });

/** Answer of a password-reset request: the address the link went to. */
export const emailResult = z.object({ email: z.string() });

export const invitationTokenBody = z.object({ token: z.string().min(20).max(200) });
export const invitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organisationName: z.string(),
  purpose: z.enum(['invite', 'password_reset']),
  expiresAt: timestamp,
});
export type InvitationInfo = z.infer<typeof invitationInfo>;
export const acceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

/** The organisation a partner of several works in from now on (the session's). */
export const chooseOrganisationBody = z.object({ organisationId: z.uuid() });
export type ChooseOrganisationBody = z.infer<typeof chooseOrganisationBody>;
