/**
 * The authorisation matrix (issue 13): every API route, as every role — anonymous, partners of
 * institutions A and B, the counsellor who owns the cases, a colleague, the lead, the admin, the
 * dpo, a user of another organisation — and, where a partner's answer depends on it, in every data
 * state of a nominated case (consent valid, withdrawn, expired; anonymised). The expectations are
 * testing/access-matrix.ts; the routes are the app's own table, so a new route without an entry
 * fails here. Reads are walked first, then changes, removals, and the logout last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixRoles } from '../testing/access-expect';
import { accessMatrix } from '../testing/access-matrix';
import {
  type Check,
  existenceLeaks,
  phaseOf,
  schemaRefusal,
  statesOf,
  walk,
  walkedRoutes,
} from '../testing/access-walk';
import { buildWorld, type World } from '../testing/access-world';
import { startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let w: World;
let requests = 0;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** The checks whose answer was not the one the matrix expects, readable in the failure. */
const mismatches = (checks: Check[]) => {
  requests += checks.length;
  return checks
    .filter((c) => c.got !== c.expected)
    .map((c) => `${c.key} as ${c.role} (${c.state}): expected ${c.expected}, got ${c.got} — ${c.answer}`);
};

describe('the matrix is the route list', () => {
  it('has an entry for every route, and a route for every entry but the planned ones', () => {
    const routes = t.app.routeTable.routes;
    const walked = new Set(walkedRoutes(w).map(({ route }) => keyOf(route)));
    expect(routes.map(keyOf).filter((key) => !walked.has(key))).toEqual([]);
    const present = new Set(routes.map(keyOf));
    const orphans = Object.keys(accessMatrix).filter((key) => !present.has(key));
    expect(orphans).toEqual([]);
  });

  it('sends every route a body and query its schema takes, so that validation never answers first', async () => {
    const refused: string[] = [];
    for (const { route, entry } of walkedRoutes(w)) {
      const why = await schemaRefusal(w, route, entry);
      if (why) refused.push(`${keyOf(route)}: ${why}`);
    }
    expect(refused).toEqual([]);
  });
});

describe('every route answers every role as the matrix says', () => {
  it('reads', async () => {
    expect(mismatches(await walk(w, (r, e) => phaseOf(r, e) === 'read'))).toEqual([]);
  }, 180_000);

  it('answers a partner alike for an out-of-scope record and for one that does not exist', async () => {
    const { leaks, compared } = await existenceLeaks(w);
    expect(leaks).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 60_000);

  it('changes', async () => {
    expect(mismatches(await walk(w, (r, e) => phaseOf(r, e) === 'write'))).toEqual([]);
  }, 180_000);

  it('removals, then the logout', async () => {
    expect(mismatches(await walk(w, (r, e) => phaseOf(r, e) === 'remove'))).toEqual([]);
    expect(mismatches(await walk(w, (r, e) => phaseOf(r, e) === 'end'))).toEqual([]);
  }, 120_000);

  it('has asked every route as every role in every state it depends on', () => {
    const routes = walkedRoutes(w);
    const asked = (list: typeof routes) =>
      list.reduce((n, { entry }) => n + (entry.roles ?? matrixRoles).length * statesOf(entry).length, 0);
    expect(requests).toBe(asked(routes));
    const api = routes.filter(({ route }) => !route.web);
    const stateful = api.filter(({ entry }) => statesOf(entry).length > 1).length;
    console.log(
      `access matrix: ${api.length} routes × ${matrixRoles.length} roles × states (4 for ${stateful} routes, else 1) = ${asked(api)} requests` +
        (api.length < routes.length ? `, and ${routes.length - api.length} files of the web client` : ''),
    );
  });
});
