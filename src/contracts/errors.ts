import { z } from 'zod';

/**
 * Every error the API can answer with. The code is stable (the web client translates it);
 * the status is decided here and nowhere else.
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  /** The request is not HTTP the server can read (a broken URL or request line). */
  bad_request: 400,
  password_policy: 400,
  token_invalid: 400,
  /** A link (RSVP) that was valid once and has run out. */
  token_expired: 400,
  /** An office file without the parts that make one, e.g. a bare ZIP named .docx. */
  document_invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  totp_enrolment_required: 403,
  /** A partner of several organisations picks the one to work in first. */
  organisation_choice_required: 403,
  /** Sharing needs a valid consent for this purpose and recipient. */
  consent_required: 403,
  not_found: 404,
  /** The path exists with other methods; the Allow header lists them. */
  method_not_allowed: 405,
  /** The request did not arrive in time. */
  /** The server cannot answer in a form the request accepts. */
  not_acceptable: 406,
  request_timeout: 408,
  conflict: 409,
  version_conflict: 409,
  already_set_up: 409,
  email_taken: 409,
  last_admin: 409,
  duplicate: 409,
  /** The agenda does not fit the conference's time and cannot be fixed so. */
  agenda_over_time: 409,
  /** The minutes of a conference are published once; changes after that are a new conference's business. */
  already_published: 409,
  /** The case is restricted (Art. 18): frozen, readable by the dpo only, until the restriction is lifted. */
  case_restricted: 423,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  header_too_large: 431,
  internal: 500,
  unavailable: 503,
  /** The server did not finish in time; what it was doing may or may not have been saved. */
  timeout: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export const fieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "email" or "roles.0"'),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The error answers a route declares, by status: `errorResponses(400, 403, 404)`. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}
