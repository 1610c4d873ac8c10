import type { z } from 'zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../contracts/errors';

/**
 * The one door to the API. Domain `api.ts` files bind each path to the contract schema of its
 * answer (`getJson<typeof dashboard>('/api/dashboard')`), so a caller never names a response type.
 */

/** An error answer of the API, with its stable code for a translated message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const authListeners = new Set<Listener>();
/** Called when any request finds the session gone, so the app can return to the login page. */
export function onSessionLost(listener: Listener) {
  authListeners.add(listener);
  return () => {
    authListeners.delete(listener);
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** The answer of a route, typed by the contract schema the server declares for it. */
type Answer<S extends z.ZodType> = Promise<z.output<S>>;

async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {};
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as ErrorBody | null)?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? response.statusText,
      error?.fields ?? [],
      error?.details ?? {},
    );
    if (apiError.code === 'unauthenticated' || apiError.code === 'session_expired') {
      for (const l of authListeners) l(apiError);
    }
    throw apiError;
  }
  return data;
}

// The answer is not parsed again: the server already wrote it from the same schema.
export const getJson = <S extends z.ZodType>(path: string) => request('GET', path) as Answer<S>;
export const postJson = <S extends z.ZodType>(path: string, body: unknown = {}) =>
  request('POST', path, body) as Answer<S>;
export const patchJson = <S extends z.ZodType>(path: string, body: unknown) =>
  request('PATCH', path, body) as Answer<S>;
export const putJson = <S extends z.ZodType>(path: string, body: unknown) =>
  request('PUT', path, body) as Answer<S>;
export const deleteJson = <S extends z.ZodType>(path: string) => request('DELETE', path) as Answer<S>;

/** Sends a file (multipart/form-data) with further form fields. */
export function uploadFile<S extends z.ZodType>(
  path: string,
  file: File,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  return request('POST', path, form) as Answer<S>;
}

/** Builds a query string from the set values only (arrays repeat their key). */
export function query(params: QueryParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== undefined && one !== null && one !== '') q.append(k, String(one));
  const s = q.toString();
  return s ? `?${s}` : '';
}
type QueryValue = string | number | boolean | null | undefined;
/** Parameters of a query string: unset values are left out, arrays repeat their key. */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

/** A form's values as the API takes them; the server checks them against the contract. */
export type Fields = Record<string, unknown>;
/** A change of a versioned record names the version it was read at; a later change answers 409. */
export type Versioned = Fields & { version: number };
