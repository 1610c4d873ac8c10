/**
 * Data-subject requests (Art. 15–18 GDPR and their KDG / DSG-EKD twins): recorded by the dpo or a
 * lead with the person they concern, answered within one month of receipt (Art. 12(3)).
 */
import { z } from 'zod';
import { eventDate, isoDate, languageSchema, optionalText, pageOf, pageQuery, timestamp } from './common';

/**
 * - `access` (Art. 15): the export of everything about the person;
 * - `rectification` (Art. 16): corrected in the case file, the request records that it was;
 * - `erasure` (Art. 17): checked against retention and legal holds, refused with a reason;
 * - `restriction` (Art. 18): the case is frozen until the restriction is lifted.
 */
export const requestKinds = ['access', 'rectification', 'erasure', 'restriction'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestStatuses = ['open', 'done', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Finding the person: name (any spelling the case search knows), case number, or birth date. */
export const personSearchQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    birthDate: isoDate.optional(),
  })
  .refine((v) => (v.q?.length ?? 0) >= 2 || v.birthDate, {
    path: ['q'],
    message: 'a name or case number of at least 2 characters, or a birth date',
  });
export type PersonSearchQuery = z.infer<typeof personSearchQuery>;

/** A person found for a request: enough to tell two people apart, and whose case it is. */
export const personHit = z.object({
  clientId: z.uuid(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  birthDate: z.string().nullable(),
  owner: z.string(),
  restricted: z.boolean(),
});
export type PersonHit = z.infer<typeof personHit>;
export const personHitList = z.array(personHit);

export const requestBody = z.object({
  clientId: z.uuid(),
  kind: z.enum(requestKinds),
  receivedOn: eventDate,
  note: optionalText(2000),
});
export type RequestBody = z.input<typeof requestBody>;

/**
 * A change of a request: its note, or closing it. A refusal needs its written reason (`outcome`,
 * Art. 12(4)); done and withdrawn may say what was done.
 */
export const requestUpdateBody = z
  .object({
    status: z.enum(requestStatuses).optional(),
    note: optionalText(2000).optional(),
    outcome: optionalText(2000).optional(),
    version: z.number().int(),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'refused' && !b.outcome)
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'a refusal needs its reason in writing' });
  });
export type RequestUpdateBody = z.input<typeof requestUpdateBody>;

export const requestItem = z.object({
  id: z.uuid(),
  kind: z.enum(requestKinds),
  status: z.enum(requestStatuses),
  receivedOn: z.string(),
  dueOn: z.string(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  /** Days until the due date (negative when overdue); null once closed. */
  daysLeft: z.number().int().nullable(),
  /** Null once the person was erased: the request stays as the proof that it was answered. */
  person: z
    .object({
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      birthDate: z.string().nullable(),
      restricted: z.boolean(),
      legalHold: z.string().nullable(),
    })
    .nullable(),
  note: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string().nullable(),
  closedAt: timestamp.nullable(),
  closedBy: z.string().nullable(),
  version: z.number().int(),
});
export type RequestItem = z.infer<typeof requestItem>;

export const requestListQuery = pageQuery.extend({
  status: z.enum(requestStatuses).optional(),
  kind: z.enum(requestKinds).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type RequestListQuery = z.input<typeof requestListQuery>;
export const requestPage = pageOf(requestItem);
export type RequestPage = z.infer<typeof requestPage>;

/** The open requests for the start page: the earliest due first, how many overdue. */
export const dueRequests = z.object({
  items: z.array(requestItem),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type DueRequests = z.infer<typeof dueRequests>;

/** The export's language: the client's form language, chosen when exporting. */
export const exportQuery = z.object({ language: languageSchema.optional() });

/** A restriction or its lifting, on the request that asked for it. */
export const restrictionBody = z.object({ version: z.number().int() });
