import { z } from 'zod';
import { roleSchema, userStatusSchema } from './auth';
import { emailSchema, languageSchema, optionalText, pageOf, pageQuery, text, timestamp } from './common';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  language: languageSchema,
  status: userStatusSchema,
  totpEnabled: z.boolean(),
  /** The counsellor team (free text): a breakdown of the funder reports. */
  team: z.string().nullable(),
  lastLoginAt: timestamp.nullable(),
  createdAt: timestamp,
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

/** Empty means no team. */
const teamField = optionalText(80);

const rolesField = z
  .array(roleSchema)
  .min(1)
  .max(5)
  .transform((r) => [...new Set(r)]);

export const inviteUserBody = z.object({
  email: emailSchema,
  name: text(120),
  roles: rolesField,
  language: languageSchema.default('de'),
  team: teamField,
});
export type InviteUserBody = z.input<typeof inviteUserBody>;

/** When no SMTP server is configured the admin gets the link to hand over. */
export const invitationResult = z.object({
  user: userSchema,
  inviteLink: z.string().nullable(),
  mailQueued: z.boolean(),
});
export type InvitationResult = z.infer<typeof invitationResult>;

export const updateUserBody = z.object({
  version: z.number().int(),
  name: text(120).optional(),
  roles: rolesField.optional(),
  active: z.boolean().optional(),
  team: teamField.optional(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: userStatusSchema.optional(),
  role: roleSchema.optional(),
});

/** Active counsellors and leads: who can own a case or a step. */
export const colleague = z.object({ id: z.uuid(), name: z.string(), roles: z.array(roleSchema) });
export type Colleague = z.infer<typeof colleague>;
export const colleagueList = z.array(colleague);

export const userPage = pageOf(userSchema);
