import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment } from '../../contracts/commitments';
import type { LiveEntrySaved, LiveState } from '../../contracts/conferences-live';
import type { Institution } from '../../contracts/network';
import { commitments, conferenceEntries, conferences } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { type PreparedConference, preparedConference } from '../testing/conferences';
import { auditTrail, ok, outsider, staff } from '../testing/factories';
import type { Session, TestApp } from '../testing/harness';
import { startTestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let p: PreparedConference;
let live: string;
const due = addDays(todayInGermany(), 14);

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, dpo } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']));
  p = await preparedConference(t, lead, aylin);
  live = `/api/conferences/${p.conference.id}/live`;
});
afterAll(() => t.close());

const state = async (s: Session = lead) => ok<LiveState>(await s.get(live));
const itemOf = (st: LiveState, key: string) => st.items.find((i) => i.key === key);
const caseKey = (n: number) => p.cases[n]?.nominationId ?? '';
const entry = (item: string, text: string, kind = 'note', id: string = randomUUID()) => ({
  id,
  item,
  kind,
  text,
});

describe('entries at the table', () => {
  it('takes notes, decisions and dissent per item, each once even when sent twice', async () => {
    const note = entry(caseKey(0), 'Defizitbescheid liegt vor;\nPraxisanteil fehlt.');
    const first = ok<LiveEntrySaved>(await lead.post(`${live}/entries`, note));
    // The queue resends after a lost answer: the same entry, not a second one.
    const again = ok<LiveEntrySaved>(await lead.post(`${live}/entries`, note));
    expect(again.entry).toEqual(first.entry);
    ok(await lead.post(`${live}/entries`, entry(caseKey(0), 'Jobcenter übernimmt die Kosten', 'decision')));
    ok(await lead.post(`${live}/entries`, entry(caseKey(0), 'Kammer sieht Vorrang der Prüfung', 'dissent')));
    ok(await lead.post(`${live}/entries`, entry('commitments', 'Zwei Zusagen erledigt')));

    const st = await state();
    const item = itemOf(st, caseKey(0));
    expect(item?.entries.map((e) => [e.kind, e.text])).toEqual([
      ['note', 'Defizitbescheid liegt vor;\nPraxisanteil fehlt.'],
      ['decision', 'Jobcenter übernimmt die Kosten'],
      ['dissent', 'Kammer sieht Vorrang der Prüfung'],
    ]);
    expect(item?.entries[0]?.author?.name).toBe('Miriam Kessler');
    expect(itemOf(st, 'commitments')?.entries.map((e) => e.text)).toEqual(['Zwei Zusagen erledigt']);
    // Another entry under an id already taken is refused, not merged.
    const clash = await lead.post(`${live}/entries`, { ...note, text: 'etwas anderes' });
    expect(clash.statusCode).toBe(409);
    // Written to the audit log with the person the case is about.
    const trail = await auditTrail(dpo, {
      action: 'conference.live_changed',
      subjectId: p.cases[0]?.id ?? '',
    });
    expect(trail.items.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an entry for an item of another agenda, or empty, with 400 on the field', async () => {
    const other = await lead.post(`${live}/entries`, entry(randomUUID(), 'irgendwo'));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0].path).toBe('item');
    const empty = await lead.post(`${live}/entries`, entry(caseKey(1), '   '));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('text');
  });

  it('keeps both versions when an edit was made on an older one, and says so', async () => {
    const { entry: made } = ok<LiveEntrySaved>(
      await lead.post(`${live}/entries`, entry(caseKey(1), 'Kurs ab März')),
    );
    const url = `${live}/entries/${made.id}`;
    const mine = ok<LiveEntrySaved>(await lead.patch(url, { text: 'Kurs ab April', version: made.version }));
    expect(mine).toMatchObject({
      conflict: false,
      entry: { text: 'Kurs ab April', version: made.version + 1 },
    });
    // The second browser edited the version it had: kept beside, not over the first edit.
    const theirs = ok<LiveEntrySaved>(await lead.patch(url, { text: 'Kurs ab Mai', version: made.version }));
    expect(theirs.conflict).toBe(true);
    expect(theirs.entry).toMatchObject({ text: 'Kurs ab Mai', conflictOf: made.id });
    // Sent once more (the answer was lost): still two versions, not three.
    expect(
      ok<LiveEntrySaved>(await lead.patch(url, { text: 'Kurs ab Mai', version: made.version })).entry.id,
    ).toBe(theirs.entry.id);
    const texts = itemOf(await state(), caseKey(1))?.entries.map((e) => [e.text, e.conflictOf]);
    expect(texts).toEqual([
      ['Kurs ab April', null],
      ['Kurs ab Mai', made.id],
    ]);
    ok(await lead.delete(`${live}/entries/${theirs.entry.id}`));
    expect(itemOf(await state(), caseKey(1))?.entries.map((e) => e.text)).toEqual(['Kurs ab April']);
    expect((await lead.delete(`${live}/entries/${theirs.entry.id}`)).statusCode).toBe(404);
  });

  it('walks the agenda: each item’s clock adds up, a case’s first call is recorded', async () => {
    const s0 = ok<LiveState>(await lead.post(`${live}/item`, { item: 'commitments' }));
    expect(s0.current?.item).toBe('commitments');
    // Ninety seconds on the first item, as if the clock had run.
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    await t.ctx.db
      .update(conferences)
      .set({ liveItemStartedAt: ago(90) })
      .where(eq(conferences.id, p.conference.id));
    const s1 = ok<LiveState>(await lead.post(`${live}/item`, { item: caseKey(0) }));
    expect(itemOf(s1, 'commitments')?.elapsedSeconds).toBeGreaterThanOrEqual(90);
    const called = itemOf(s1, caseKey(0))?.discussedAt;
    expect(called).toBeTruthy();
    // A second browser pressing "next" at the same moment changes nothing.
    await t.ctx.db
      .update(conferences)
      .set({ liveItemStartedAt: ago(300) })
      .where(eq(conferences.id, p.conference.id));
    const same = ok<LiveState>(await lead.post(`${live}/item`, { item: caseKey(0) }));
    expect(itemOf(same, caseKey(0))?.elapsedSeconds).toBe(0);
    const s2 = ok<LiveState>(await lead.post(`${live}/item`, { item: caseKey(1) }));
    expect(itemOf(s2, caseKey(0))?.elapsedSeconds).toBeGreaterThanOrEqual(300);
    expect(s2.current?.item).toBe(caseKey(1));
    // Back to the first case: its first call stays, its time goes on from where it was.
    const back = ok<LiveState>(await lead.post(`${live}/item`, { item: caseKey(0) }));
    expect(itemOf(back, caseKey(0))?.discussedAt).toBe(called);
    const stopped = ok<LiveState>(await lead.post(`${live}/item`, { item: null }));
    expect(stopped.current).toBeNull();
    expect((await lead.post(`${live}/item`, { item: randomUUID() })).statusCode).toBe(400);
  });
});

describe('commitments at the table', () => {
  let contactId: string;
  beforeAll(async () => {
    const jc = ok<Institution>(
      await lead.post(`/api/institutions/${p.institutions.jc.id}/contacts`, {
        name: 'Petra Vogt',
        consentToContact: true,
        consentDate: todayInGermany(),
      }),
    );
    contactId = jc.contacts[0]?.id ?? '';
  });
  const body = (fields: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    nominationId: caseKey(0),
    institutionId: p.institutions.jc.id,
    contactId,
    action: 'Kostenübernahme für die Anpassungsqualifizierung prüfen',
    dueDate: due,
    ...fields,
  });

  it('records who does what by when for the case; a resend is stored once', async () => {
    const sent = body();
    const made = ok<Commitment>(await lead.post(`${live}/commitments`, sent));
    expect(made).toMatchObject({
      id: sent.id,
      institution: { id: p.institutions.jc.id },
      contact: { id: contactId, name: 'Petra Vogt' },
      client: { id: p.cases[0]?.id, visible: true },
      dueDate: due,
      status: 'open',
    });
    expect(ok<Commitment>(await lead.post(`${live}/commitments`, sent)).id).toBe(made.id);
    const stored = await t.ctx.db.select().from(commitments).where(eq(commitments.id, made.id));
    expect(stored).toHaveLength(1);
    const onItem = itemOf(await state(), caseKey(0))?.commitments.map((c) => c.id);
    expect(onItem).toContain(made.id);
    // A name as said at the table, changed at the version read.
    const changed = ok<Commitment>(
      await lead.patch(`${live}/commitments/${made.id}`, {
        ...body({ contactId: null, responsibleName: 'Frau Vogt' }),
        id: undefined,
        version: made.version,
      }),
    );
    expect(changed).toMatchObject({ contact: null, responsibleName: 'Frau Vogt', version: made.version + 1 });
    const stale = await lead.patch(`${live}/commitments/${made.id}`, {
      ...body(),
      id: undefined,
      version: made.version,
    });
    expect(stale.statusCode).toBe(409);
    const trail = await auditTrail(dpo, { action: 'commitment.created', subjectId: p.cases[0]?.id ?? '' });
    expect(trail.items).toHaveLength(1);
  });

  it('refuses a commitment without institution or due date, or on another conference’s case (400)', async () => {
    const other = await preparedConference(t, lead, aylin, { cases: 1, begun: false });
    const cases: [Record<string, unknown>, string][] = [
      [body({ institutionId: undefined }), 'institutionId'],
      [body({ dueDate: undefined }), 'dueDate'],
      [body({ dueDate: addDays(todayInGermany(), -40) }), 'dueDate'],
      [body({ nominationId: other.cases[0]?.nominationId }), 'nominationId'],
      [body({ institutionId: p.institutions.ihk.id }), 'contactId'],
      [body({ institutionId: randomUUID(), contactId: null }), 'institutionId'],
      [body({ action: '' }), 'action'],
    ];
    for (const [sent, field] of cases) {
      const res = await lead.post(`${live}/commitments`, sent);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const stored = await t.ctx.db
      .select()
      .from(commitments)
      .where(eq(commitments.conferenceId, p.conference.id));
    expect(stored.every((c) => c.dueDate === due)).toBe(true);
  });
});

describe('who runs live mode, and when', () => {
  it('lets the lead and the named minute-taker run it; other counsellors 403, another organisation 404', async () => {
    expect((await aylin.get(live)).statusCode).toBe(403);
    expect((await aylin.post(`${live}/entries`, entry(caseKey(0), 'x'))).statusCode).toBe(403);
    expect((await dpo.get(live)).statusCode).toBe(403);
    const stranger = await outsider(t);
    expect((await stranger.get(live)).statusCode).toBe(404);
    expect((await stranger.get(`${live}/events`)).statusCode).toBe(404);
    const c = await state();
    const conference = ok<{ version: number }>(await lead.get(`/api/conferences/${c.conference.id}`));
    ok(
      await lead.patch(`/api/conferences/${c.conference.id}`, {
        version: conference.version,
        minuteTakerId: jonas.user.id,
      }),
    );
    // Jonas sees the agenda; a case he may not open shows as "Case n", without its name.
    const his = await state(jonas);
    expect(his.items[1]?.label).toBe('Case 1');
    expect(JSON.stringify(his)).not.toContain(p.cases[0]?.name ?? '-');
    ok(await jonas.post(`${live}/entries`, entry(caseKey(2), 'Protokoll: Frage vertagt')));
  });

  it('takes no entries before the start, and none once the minutes are published (409)', async () => {
    const later = await preparedConference(t, lead, aylin, { cases: 1, begun: false });
    const url = `/api/conferences/${later.conference.id}/live`;
    expect(ok<LiveState>(await lead.get(url))).toMatchObject({ open: false, closedBecause: 'not_begun' });
    const early = await lead.post(`${url}/entries`, entry('commitments', 'zu früh'));
    expect(early.statusCode).toBe(409);
    await t.ctx.db
      .update(conferences)
      .set({ startsAt: new Date(Date.now() - 3_600_000), status: 'held' })
      .where(eq(conferences.id, later.conference.id));
    ok(await lead.post(`${url}/entries`, entry('commitments', 'nach der Sitzung nachgetragen')));
    await t.ctx.db
      .update(conferences)
      .set({ status: 'minutes_published', minutesPublishedAt: new Date() })
      .where(eq(conferences.id, later.conference.id));
    const after = await lead.post(`${url}/entries`, entry('commitments', 'zu spät'));
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('already_published');
    const saved = await t.ctx.db
      .select({ text: conferenceEntries.text })
      .from(conferenceEntries)
      .where(eq(conferenceEntries.conferenceId, later.conference.id));
    expect(saved.map((e) => e.text)).toEqual(['nach der Sitzung nachgetragen']);
  });
});
