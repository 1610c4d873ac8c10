import { z } from 'zod';
import { pageOf, pageQuery } from './common';

/** A step due in the next two weeks or overdue, with its case. */
export const dueStep = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  caseCode: z.string(),
  name: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  owner: z.string().nullable(),
  ownerNote: z.string().nullable(),
  overdue: z.boolean(),
});
/** A lead's organisation can have hundreds of due steps: they come a page at a time. */
export const dueStepQuery = pageQuery;
export const dueStepPage = pageOf(dueStep);

/** What is due for the user: residence titles, consents, overdue decisions, cases per stage (steps: `dueStepPage`). */
export const dashboard = z.object({
  today: z.string(),
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
  /** Where a click leads in the web client; null: to the case, if there is one. */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = z.array(notification);
