import { z } from 'zod';
import { deadlineDate, eventDate, optionalDate, optionalText, text, timestamp, withVersion } from './common';

export const objectiveStatuses = ['open', 'achieved', 'dropped'] as const;
export const objectiveFields = {
  text: text(1000),
  targetDate: optionalDate(deadlineDate),
  status: z.enum(objectiveStatuses).default('open'),
};
export const objectiveBody = z.object(objectiveFields);
export const objectiveUpdateBody = withVersion(objectiveFields);
export const objective = z.object({
  id: z.uuid(),
  text: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(objectiveStatuses),
  version: z.number().int(),
});
export type Objective = z.infer<typeof objective>;

export const stepFields = {
  text: text(1000),
  objectiveId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** A colleague in Lotse, or (when null) the person named in ownerNote, e.g. the client. */
  ownerUserId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  ownerNote: optionalText(120),
  dueDate: optionalDate(deadlineDate),
  done: z.boolean().default(false),
};
export const stepBody = z.object(stepFields);
export const stepUpdateBody = withVersion(stepFields);
export const step = z.object({
  id: z.uuid(),
  text: z.string(),
  objectiveId: z.uuid().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ownerNote: z.string().nullable(),
  dueDate: z.string().nullable(),
  doneAt: timestamp.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Step = z.infer<typeof step>;

export const plan = z.object({ objectives: z.array(objective), steps: z.array(step) });
export type Plan = z.infer<typeof plan>;

// --- contacts log ---

export const contactKinds = ['session', 'coordination'] as const;
export const sessionTypes = ['first', 'follow_up'] as const;
export const channels = ['in_person', 'phone', 'video', 'email', 'chat'] as const;
export const contactFields = {
  kind: z.enum(contactKinds),
  occurredOn: eventDate,
  sessionType: z
    .enum(sessionTypes)
    .nullish()
    .transform((v) => v ?? null),
  channel: z
    .enum(channels)
    .nullish()
    .transform((v) => v ?? null),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(600)
    .nullish()
    .transform((v) => v ?? null),
  interpreter: z.boolean().default(false),
  /** Coordination talks: the institution (free text until the directory exists) and topic/result. */
  institutionName: optionalText(300),
  institutionId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  topic: optionalText(500),
  result: optionalText(4000),
  summary: optionalText(8000),
  /** A coordination talk about a case nominated for this conference: "agreed beforehand" on its agenda. */
  conferenceId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
};
export const contactBody = z.object(contactFields);
export const contactUpdateBody = withVersion(contactFields);
export const contact = z.object({
  id: z.uuid(),
  kind: z.enum(contactKinds),
  occurredOn: z.string(),
  sessionType: z.enum(sessionTypes).nullable(),
  channel: z.enum(channels).nullable(),
  durationMinutes: z.number().nullable(),
  interpreter: z.boolean(),
  institutionName: z.string().nullable(),
  institutionId: z.uuid().nullable(),
  topic: z.string().nullable(),
  result: z.string().nullable(),
  summary: z.string().nullable(),
  conferenceId: z.uuid().nullable(),
  by: z.string().nullable(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contact>;
