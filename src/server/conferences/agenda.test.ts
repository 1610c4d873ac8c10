import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaProposal, Conference } from '../../contracts/conferences';
import { conferenceInvitations, conferenceNominations, conferences, outbox } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { institution, ok, openCase, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let organisationId: string;
let health: string;
/** Four institutions: A, B and C with an address, D without one. */
let inst: { id: string; name: string; email: string | null }[];
const inAMonth = addDays(todayInGermany(), 30);

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'aylin']);
  ({ lead, aylin } = team);
  organisationId = team.organisation.id;
  health = await sectorId(lead, 'Gesundheit und Pflege');
  inst = [];
  for (const [name, email] of [
    ['Jobcenter Agendahausen', 'jc@agenda.example'],
    ['Agentur für Arbeit Agendahausen', 'aa@agenda.example'],
    ['Anerkennungsstelle Agendahausen', 'an@agenda.example'],
    ['Pflegeschule Agendahausen', null],
  ] as const)
    inst.push(await institution(lead, { name, type: 'other', email }));
});
afterAll(() => t.close());

type Item = { needs: number[]; minutes?: number };

/**
 * A conference inviting every institution, with a nominated case per item in this order. The
 * nominations are written to the table directly: this file tests the agenda, not nominating.
 */
async function conferenceWith(items: Item[], fields: Record<string, unknown> = {}) {
  const c = ok<Conference>(
    await lead.post('/api/conferences', {
      title: 'Geberkonferenz Pflege',
      sectorId: health,
      date: inAMonth,
      startTime: '10:00',
      place: 'Rathaus, Saal 2',
      ...fields,
    }),
  );
  for (const i of inst) ok(await lead.post(`/api/conferences/${c.id}/invitations`, { institutionId: i.id }));
  const cases = [];
  for (const [position, item] of items.entries()) {
    const client = await openCase(lead, { givenNames: 'Fatima', familyName: `Haddad${position}` });
    await t.ctx.db.insert(conferenceNominations).values({
      organisationId,
      conferenceId: c.id,
      clientId: client.id,
      question: `Welche Anpassungsmaßnahme passt zu Frage ${position + 1}?`,
      institutionIds: item.needs.map((k) => inst[k]?.id as string),
      minutes: item.minutes ?? null,
      position,
    });
    cases.push(client);
  }
  const nominations = await orderOf(c.id);
  return {
    id: c.id,
    version: ok<Conference>(await lead.get(`/api/conferences/${c.id}`)).version,
    nominations,
    cases,
  };
}

/** The nominations' ids in their stored agenda order. */
const orderOf = async (conferenceId: string) =>
  (
    await t.ctx.db
      .select({ id: conferenceNominations.id })
      .from(conferenceNominations)
      .where(eq(conferenceNominations.conferenceId, conferenceId))
      .orderBy(asc(conferenceNominations.position))
  ).map((r) => r.id);

/** The invitations are sent by their own action (invitations.ts); these tests only need the state. */
async function invited(conferenceId: string, answers: Record<number, string> = {}) {
  await t.ctx.db.update(conferences).set({ status: 'invited' }).where(eq(conferences.id, conferenceId));
  for (const [k, answer] of Object.entries(answers))
    await t.ctx.db
      .update(conferenceInvitations)
      .set({ answer })
      .where(
        and(
          eq(conferenceInvitations.conferenceId, conferenceId),
          eq(conferenceInvitations.institutionId, inst[Number(k)]?.id as string),
        ),
      );
  return ok<Conference>(await lead.get(`/api/conferences/${conferenceId}`)).version;
}

describe('the agenda order', () => {
  it('is changed by a lead with the version read; a second lead with the old version gets a 409', async () => {
    const c = await conferenceWith([{ needs: [0] }, { needs: [1] }, { needs: [2] }]);
    const reversed = [...c.nominations].reverse();
    const res = await aylin.put(`/api/conferences/${c.id}/agenda`, { order: reversed, version: c.version });
    expect(res.statusCode).toBe(403);
    const page = ok<Conference>(
      await lead.put(`/api/conferences/${c.id}/agenda`, { order: reversed, version: c.version }),
    );
    expect(page.version).toBe(c.version + 1);
    expect(await orderOf(c.id)).toEqual(reversed);
    const stale = await lead.put(`/api/conferences/${c.id}/agenda`, {
      order: c.nominations,
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(await orderOf(c.id)).toEqual(reversed);
  });

  it('must name every nomination of the conference exactly once, else 400 on order', async () => {
    const c = await conferenceWith([{ needs: [0] }, { needs: [1] }, { needs: [2] }]);
    const other = await conferenceWith([{ needs: [0] }]);
    const [a, b, x] = c.nominations as [string, string, string];
    for (const order of [
      [a, b],
      [a, b, x, a],
      [a, b, other.nominations[0]],
      [a, b, x, '00000000-0000-4000-8000-000000000000'],
    ]) {
      const res = await lead.put(`/api/conferences/${c.id}/agenda`, { order, version: c.version });
      expect(res.statusCode, JSON.stringify(order)).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'order' })]);
    }
    expect(await orderOf(c.id)).toEqual(c.nominations);
    const junk = await lead.put(`/api/conferences/${c.id}/agenda`, { order: ['x'], version: c.version });
    expect(junk.statusCode).toBe(400);
  });
});

describe('the optimiser', () => {
  it('proposes grouping an interleaved agenda, and the order applied gives the figure proposed', async () => {
    // Jobcenter, Agentur, Anerkennungsstelle, then each once more: everyone waits through two cases.
    const c = await conferenceWith([0, 1, 2, 0, 1, 2].map((k) => ({ needs: [k] })));
    const p = ok<AgendaProposal>(await lead.post(`/api/conferences/${c.id}/agenda/optimise`));
    expect(p).toMatchObject({
      before: { sittingMinutes: 3 * 40 },
      after: { sittingMinutes: 3 * 20 },
      contiguousInstitutions: 3,
      institutions: 3,
    });
    expect([...p.order].sort()).toEqual([...c.nominations].sort());
    expect(await orderOf(c.id)).toEqual(c.nominations); // a proposal only
    expect((await aylin.post(`/api/conferences/${c.id}/agenda/optimise`)).statusCode).toBe(403);

    const page = ok<Conference>(
      await lead.put(`/api/conferences/${c.id}/agenda`, { order: p.order, version: c.version }),
    );
    // The page lists nominations once nominations.ts presents them; then its figure is the one proposed.
    if (page.nominations.length > 0) expect(page.agenda.sittingMinutes).toBe(p.after.sittingMinutes);
    const again = ok<AgendaProposal>(await lead.post(`/api/conferences/${c.id}/agenda/optimise`));
    expect(again.before.sittingMinutes).toBe(p.after.sittingMinutes);
    expect(again.order).toEqual(p.order);
  });
});

describe('fixing the agenda', () => {
  it('is refused while the conference is planned, and while the agenda overruns it', async () => {
    const c = await conferenceWith(
      [
        { needs: [0], minutes: 20 },
        { needs: [1], minutes: 20 },
        { needs: [2], minutes: 20 },
      ],
      {
        durationMinutes: 60,
        openCommitmentsMinutes: 10,
      },
    );
    const planned = await lead.post(`/api/conferences/${c.id}/agenda/fix`, { version: c.version });
    expect(planned.statusCode).toBe(409);
    expect(planned.json().error).toMatchObject({ code: 'conflict', details: { status: 'planned' } });
    const version = await invited(c.id);
    const over = await lead.post(`/api/conferences/${c.id}/agenda/fix`, { version });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'agenda_over_time',
      details: { totalMinutes: 70, durationMinutes: 60 },
    });
    expect(over.json().error.message).toContain('10 more');
    const unchanged = ok<Conference>(await lead.get(`/api/conferences/${c.id}`));
    expect(unchanged.status).toBe('invited');
    expect(
      (await t.ctx.db.select().from(outbox)).filter((m) => m.subject.startsWith('Tagesordnung')),
    ).toEqual([]);
  });

  it('fixes the agenda and mails it, in the conference’s zone, to invitees who did not decline — no client names', async () => {
    const c = await conferenceWith([{ needs: [0, 1] }, { needs: [2], minutes: 15 }, { needs: [0] }], {
      timeZone: 'America/New_York',
    });
    const version = await invited(c.id, { 0: 'attending', 1: 'declined' });
    const page = ok<Conference>(await lead.post(`/api/conferences/${c.id}/agenda/fix`, { version }));
    expect(page.status).toBe('agenda_fixed');
    const mails = (await t.ctx.db.select().from(outbox)).filter((m) => m.subject.startsWith('Tagesordnung'));
    // Jobcenter (attending) and Anerkennungsstelle (no answer yet); not the Agentur (declined), not the school (no address).
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['an@agenda.example', 'jc@agenda.example']);
    const jobcentre = mails.find((m) => m.toAddress === 'jc@agenda.example')?.textBody ?? '';
    expect(jobcentre).toContain('10:00–10:10  1. Offene Zusagen aus früheren Konferenzen');
    expect(jobcentre).toContain('10:10–10:20  2. Fall 1 (10 Min.)');
    expect(jobcentre).toContain('10:20–10:35  3. Fall 2 (15 Min.)');
    expect(jobcentre).toContain('Frage: Welche Anpassungsmaßnahme passt zu Frage 2?');
    expect(jobcentre).toContain('America/New_York');
    expect(jobcentre).toContain(`Für ${inst[0]?.name}: Fall 1, Fall 3, 10:10–10:45 Uhr`);
    for (const m of mails)
      for (const k of c.cases) {
        expect(m.textBody).not.toContain(k.familyName);
        expect(m.textBody).not.toContain(k.caseCode);
      }
    const again = await lead.post(`/api/conferences/${c.id}/agenda/fix`, { version: page.version });
    expect(again.statusCode).toBe(409);
    const reorder = await lead.put(`/api/conferences/${c.id}/agenda`, {
      order: c.nominations,
      version: page.version,
    });
    expect(reorder.statusCode).toBe(409);
  });
});
