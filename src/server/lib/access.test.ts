import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/auth';
import { queryRows } from '../db/client';
import { clientCounsellors, clients } from '../db/schema';
import {
  createOrganisation,
  createUser,
  login,
  type Session,
  startTestApp,
  type TestApp,
} from '../testing/harness';
import { canSeeCase, visibleCasesSql } from './access';

/**
 * Who sees a case is one rule in two forms: `canSeeCase` for one case (the case file, every
 * change) and `visibleCasesSql` for lists, search, export and matching. If they disagreed, a
 * list could offer a case whose file then answers 404, or hide one a colleague may open.
 */
let t: TestApp;
type Who = { label: string; userId: string; organisationId: string; roles: Role[] };
const people: Who[] = [];
/** Case ids by what makes each one special. */
const cases: Record<string, string> = {};

async function person(label: string, organisationId: string, roles: Role[]) {
  const user = await createUser(t.ctx, organisationId, roles);
  people.push({ label, userId: user.id, organisationId, roles });
  return login(t.app, user.email);
}

async function open(label: string, by: Session) {
  const res = await by.post('/api/clients', {
    givenNames: label,
    familyName: 'Test',
    intakeDate: '2026-03-02',
  });
  expect(res.statusCode, res.body).toBe(200);
  cases[label] = res.json().id;
  return res.json() as { id: string; version: number };
}

beforeAll(async () => {
  t = await startTestApp();
  const a = (await createOrganisation(t.ctx)).org.id;
  const b = (await createOrganisation(t.ctx)).org.id;
  const lead = await person('lead', a, ['lead']);
  const anna = await person('anna', a, ['counsellor']);
  const ben = await person('ben', a, ['counsellor']);
  await person('carl', a, ['counsellor']);
  await person('admin', a, ['admin']);
  await person('dpo', a, ['dpo']);
  // A partner's rule is the same (no case); their login needs a membership, which this rule does not.
  people.push({
    label: 'partner',
    userId: (await createUser(t.ctx, a, ['partner'])).id,
    organisationId: a,
    roles: ['partner'],
  });
  await person('adminCounsellor', a, ['admin', 'counsellor']);
  const otherLead = await person('otherLead', b, ['lead']);
  await open('annas', anna);
  const shared = await open('bensSharedWithAnna', ben);
  const share = await ben.put(`/api/clients/${shared.id}/counsellors`, {
    userIds: [anna.user.id],
    version: shared.version,
  });
  expect(share.statusCode, share.body).toBe(200);
  await open('leads', lead);
  await open('otherOrganisations', otherLead);
});
afterAll(() => t?.close());

const labelOf = (id: string) => Object.entries(cases).find(([, v]) => v === id)?.[0] ?? id;

async function visibleInProcess(who: Who) {
  const rows = await t.ctx.db.select().from(clients);
  const shares = await t.ctx.db.select().from(clientCounsellors);
  return rows
    .filter((c) =>
      canSeeCase(who, {
        ...c,
        counsellorIds: shares.filter((s) => s.clientId === c.id).map((s) => s.userId),
      }),
    )
    .map((c) => labelOf(c.id))
    .sort();
}

async function visibleInSql(who: Who, alias?: string) {
  const from = alias ? `clients ${alias}` : 'clients';
  const rows = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`SELECT ${sql.raw(alias ?? 'clients')}.id FROM ${sql.raw(from)} WHERE ${visibleCasesSql(who, alias)}`,
  );
  return rows.map((r) => labelOf(r.id)).sort();
}

describe('case visibility', () => {
  const expected: Record<string, string[]> = {
    lead: ['annas', 'bensSharedWithAnna', 'leads'],
    anna: ['annas', 'bensSharedWithAnna'],
    ben: ['bensSharedWithAnna'],
    carl: [],
    admin: [],
    dpo: [],
    partner: [],
    // An admin who also counsels sees the cases of the counsellor role: their own and shared.
    adminCounsellor: [],
    otherLead: ['otherOrganisations'],
  };

  it.each(Object.entries(expected))('%s: canSeeCase and the SQL form agree', async (label, sees) => {
    const who = people.find((p) => p.label === label);
    if (!who) throw new Error(`no ${label}`);
    expect(await visibleInProcess(who)).toEqual(sees);
    expect(await visibleInSql(who)).toEqual(sees);
    expect(await visibleInSql(who, 'c')).toEqual(sees);
  });
});
