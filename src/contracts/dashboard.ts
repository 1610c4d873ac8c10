import { z } from 'zod';

/** What is due for the user: steps, residence titles, consents, overdue decisions, cases per stage. */
export const dashboard = z.object({
  today: z.string(),
  steps: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      text: z.string(),
      dueDate: z.string().nullable(),
      owner: z.string().nullable(),
      ownerNote: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  residence: z.array(
    z.object({
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      legalBasis: z.string(),
      validUntil: z.string(),
      expired: z.boolean(),
    }),
  ),
  consents: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      purposes: z.array(z.string()),
      validUntil: z.string().nullable(),
    }),
  ),
  overdueDecisions: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      dueOn: z.string().nullable(),
      authority: z.string().nullable(),
    }),
  ),
  stages: z.record(z.string(), z.number()),
});
export type Dashboard = z.infer<typeof dashboard>;

export const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  clientId: z.uuid().nullable(),
  message: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = z.array(notification);
