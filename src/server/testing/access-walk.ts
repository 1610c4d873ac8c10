/**
 * Walking the authorisation matrix: each route of the app's route table, as each role, in each
 * data state its entry depends on — a request made from the world and the route's own schemas,
 * its answer reduced to an outcome (401, 403, 404 or ok) and compared with the entry's.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { RouteEntry } from '../lib/route-table';
import { minimalObject, queryString, type RouteSchemas, refusal, uuidFields } from './access-bodies';
import {
  type DataState,
  dataStates,
  type Entry,
  type MatrixRole,
  matrixRoles,
  type Outcome,
  type Phase,
} from './access-expect';
import { entryOf, webClientFile } from './access-matrix';
import { fill, paramsFor } from './access-params';
import { PDF, type World } from './access-world';
import type { UploadedFile } from './harness';

interface Built {
  method: string;
  path: string;
  params: Record<string, string>;
  query: string;
  payload?: Record<string, unknown>;
  file?: { fields: Record<string, string>; file: UploadedFile };
  stream?: boolean;
}

export interface Check {
  key: string;
  role: MatrixRole;
  state: DataState;
  expected: Outcome;
  got: string;
  answer: string;
}

/** The app's routes that have an entry: the matrix's own, or the web client's files (public). */
export function walkedRoutes(w: World): { route: RouteEntry; entry: Entry }[] {
  return w.t.app.routeTable.routes.flatMap((route) => {
    const entry = route.web ? webClientFile : entryOf(route.method, route.url);
    return entry ? [{ route, entry }] : [];
  });
}

export const phaseOf = (route: RouteEntry, entry: Entry): Phase =>
  entry.phase ??
  (['GET', 'HEAD'].includes(route.method) ? 'read' : route.method === 'DELETE' ? 'remove' : 'write');

export const statesOf = (entry: Entry): readonly DataState[] =>
  entry.stateDependent ? dataStates : ['valid'];

const schemasOf = (route: RouteEntry) => (route.schema ?? {}) as RouteSchemas;

/** What an upload route receives: a one-line list for the imports, a PDF for a case's documents. */
const uploadFor = (url: string): Built['file'] =>
  url.endsWith('/documents')
    ? { fields: { category: 'other' }, file: { name: 'a.pdf', data: PDF } }
    : { fields: {}, file: { name: 'list.csv', data: 'Name;Typ\nMatrix;Test\n' } };

async function build(w: World, route: RouteEntry, entry: Entry, state: DataState, removal: boolean) {
  const schemas = schemasOf(route);
  const params = await paramsFor(w, route.url, state, removal);
  const query = schemas.querystring
    ? queryString(minimalObject(schemas.querystring, w.ids, entry.query?.(w)))
    : '';
  const built: Built = { method: route.method, path: fill(route.url, params), params, query };
  if (entry.send === 'multipart') built.file = uploadFor(route.url);
  else if (schemas.body) built.payload = minimalObject(schemas.body, w.ids, entry.body?.(w));
  built.stream = entry.send === 'stream';
  return built;
}

/** Why the route's schemas would refuse the body or query the walk sends; null when they take it. */
export async function schemaRefusal(w: World, route: RouteEntry, entry: Entry): Promise<string | null> {
  const schemas = schemasOf(route);
  const built = await build(w, route, entry, 'valid', false);
  const query = Object.fromEntries(new URLSearchParams(built.query));
  return (
    (schemas.body && refusal(schemas.body as z.ZodType, built.payload)) ||
    (schemas.querystring && refusal(schemas.querystring as z.ZodType, query)) ||
    null
  );
}

async function send(w: World, role: MatrixRole, b: Built): Promise<{ status: number; body: string }> {
  const session = role === 'anonymous' ? null : w.sessions[role];
  const url = b.path + b.query;
  if (session && b.file) {
    const res = await session.form(url, b.file.fields, b.file.file);
    return { status: res.statusCode, body: res.body };
  }
  const headers: Record<string, string> = session
    ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken }
    : {};
  const options = {
    method: b.method as 'GET',
    url,
    headers,
    ...(b.payload ? { payload: b.payload } : {}),
  };
  if (!b.stream) {
    const res = await w.t.app.inject(options);
    return { status: res.statusCode, body: res.body };
  }
  // An event stream stays open: its status is all there is to read, then it is let go.
  const res = await w.t.app.inject({ ...options, payloadAsStream: true });
  const stream = res.stream() as Readable;
  if (res.statusCode === 200) {
    stream.destroy();
    return { status: 200, body: '' };
  }
  let body = '';
  for await (const chunk of stream) body += String(chunk);
  return { status: res.statusCode, body };
}

const refusals: Record<number, [string, Outcome]> = {
  401: ['unauthenticated', '401'],
  403: ['forbidden', '403'],
  404: ['not_found', '404'],
};

/**
 * The answer as an outcome: a refusal by login, permission or scope (by its error code), or `ok` —
 * passed the access decision (2xx/3xx, or a 400/409/413/415/422 from a minimal body or a state
 * rule). Anything else (another 401/403 code, a 5xx) is named as it came, and so never matches.
 */
export function outcomeOf(method: string, status: number, body: string): string {
  if (status < 400) return 'ok';
  let code: string | undefined;
  try {
    code = JSON.parse(body)?.error?.code;
  } catch {}
  const refusal = refusals[status];
  // A HEAD answer has no body: its status is all it says.
  if (refusal && (code === refusal[0] || (method === 'HEAD' && !body))) return refusal[1];
  if ([400, 409, 413, 415, 422].includes(status)) return 'ok';
  return `${status} ${code ?? ''}`.trim();
}

/** Every role once per state, those expected to be refused first: an allowed change comes last. */
function rolesInOrder(entry: Entry, state: DataState): MatrixRole[] {
  const allowed = (role: MatrixRole) => (entry.outcome(role, state) === 'ok' ? 1 : 0);
  return [...(entry.roles ?? matrixRoles)].sort((a, b) => allowed(a) - allowed(b));
}

/** Sends every request of the routes matching `which`; answers each check made. */
export async function walk(w: World, which: (route: RouteEntry, entry: Entry) => boolean) {
  const checks: Check[] = [];
  for (const { route, entry } of walkedRoutes(w).filter((r) => which(r.route, r.entry))) {
    const removal = route.method === 'DELETE';
    for (const state of statesOf(entry)) {
      for (const role of rolesInOrder(entry, state)) {
        const built = await build(w, route, entry, state, removal);
        const { status, body } = await send(w, role, built);
        checks.push({
          key: `${route.method} ${route.url}`,
          role,
          state,
          expected: entry.outcome(role, state),
          got: outcomeOf(route.method, status, body),
          answer: `${status} ${body.slice(0, 160)}`,
        });
      }
    }
  }
  return checks;
}

/**
 * For every route with an id-like parameter, each partner whom the entry refuses the record with
 * 404: the answer (status and body) for the existing record, and for a random uuid in its place —
 * the route's most specific record, its last uuid parameter (a case of a conference the partner
 * may see is the case, not the conference). Answers the differences: any would tell the partner
 * that the record exists.
 */
export async function existenceLeaks(w: World): Promise<{ leaks: string[]; compared: number }> {
  const leaks: string[] = [];
  let compared = 0;
  for (const { route, entry } of walkedRoutes(w)) {
    const ids = uuidFields(schemasOf(route).params as z.ZodType | undefined);
    const record = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '').findLast((p) => ids.includes(p));
    for (const state of record ? statesOf(entry) : []) {
      for (const role of ['partnerA', 'partnerB'] as const) {
        if (!record || entry.outcome(role, state) !== '404') continue;
        const built = await build(w, route, entry, state, false);
        const real = await send(w, role, built);
        const path = fill(route.url, { ...built.params, [record]: randomUUID() });
        const random = await send(w, role, { ...built, path });
        compared++;
        if (random.status !== real.status || random.body !== real.body)
          leaks.push(`${route.method} ${route.url} as ${role} (${state}): ${real.body} ≠ ${random.body}`);
      }
    }
  }
  return { leaks, compared };
}
