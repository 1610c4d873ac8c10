import { z } from 'zod';
import { passwordSchema, sessionUser } from './auth';
import { emailSchema, languageSchema, pageOf, text, timestamp } from './common';

export const setupStatus = z.object({ needed: z.boolean() });

export const setupBody = z.object({
  organisationName: text(200),
  adminName: text(120),
  email: emailSchema,
  password: passwordSchema,
  language: languageSchema.default('de'),
  demo: z.boolean().default(false),
});
export type SetupBody = z.input<typeof setupBody>;

export const demoLogin = z.object({ email: z.string(), roles: z.array(z.string()), name: z.string() });
export type DemoLogin = z.infer<typeof demoLogin>;
export const setupResult = z.object({
  csrfToken: z.string(),
  /** Demo accounts share the admin's password. */
  demoLogins: z.array(demoLogin),
  user: sessionUser,
});
export type SetupResult = z.infer<typeof setupResult>;

export const organisationSettings = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Admins and partners must enrol a second factor before they can work. */
  requireTotp: z.boolean(),
  version: z.number().int(),
});
export type OrganisationSettings = z.infer<typeof organisationSettings>;

export const updateOrganisationBody = z.object({
  version: z.number().int(),
  name: text(200).optional(),
  requireTotp: z.boolean().optional(),
});
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;

export const outboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const outboxPage = pageOf(outboxMessage);
