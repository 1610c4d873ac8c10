import { type ErrorCode, errorStatus, type FieldError } from '../../contracts/errors';

/** The one error type of the server; routes and services throw it, the app maps it to HTTP. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      fields?: FieldError[];
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = extra.fields;
    this.details = extra.details;
    this.headers = extra.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}`);
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message);
export const invalidField = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { fields: [{ path, message }] });

/** Optimistic locking: the client sent an old version; tell it who changed the record and when. */
export function versionConflict(current: {
  version: number;
  updatedAt: Date | string;
  updatedBy?: string | null;
}) {
  const at = current.updatedAt instanceof Date ? current.updatedAt.toISOString() : current.updatedAt;
  const who = current.updatedBy ?? 'someone else';
  return new AppError('version_conflict', `Changed by ${who} at ${at} since you loaded it`, {
    details: { version: current.version, updatedAt: at, updatedBy: current.updatedBy ?? null },
  });
}
