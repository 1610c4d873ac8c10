import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceMinutes } from '../../contracts/conferences-minutes';
import {
  type PreparedConference,
  preparedConference,
  tableCommitments,
  tableEntries,
} from '../testing/conferences';
import { auditTrail, ok, outsider, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let p: PreparedConference;
const url = () => `/api/conferences/${p.conference.id}/minutes`;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, dpo } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']));
  p = await preparedConference(t, lead, aylin);
  const rows = await tableEntries(t, p, [
    { item: 0, kind: 'note', text: 'Unterlagen liegen vollständig vor.' },
    { item: 0, kind: 'decision', text: 'Das Jobcenter prüft einen Bildungsgutschein.' },
    { item: 0, kind: 'dissent', text: 'Die IHK hält die Kenntnisprüfung für schneller.' },
    { item: 0, kind: 'decision', text: 'Anpassungsqualifizierung ab März.' },
    { item: 'commitments', kind: 'note', text: 'Keine offenen Zusagen.' },
    { item: 1, kind: 'decision', text: 'Sprachkurs B2 zuerst.' },
  ]);
  await tableEntries(t, p, [
    { item: 1, kind: 'decision', text: 'Sprachkurs B1 zuerst.', conflictOf: rows[5]?.id ?? '' },
  ]);
  await tableCommitments(t, p, [
    { item: 0, institution: 'jc', action: 'Bildungsgutschein ausstellen' },
    { item: 'commitments', institution: 'aa', action: 'Liste der Träger schicken' },
  ]);
});
afterAll(() => t.close());

describe('the minutes draft', () => {
  it('drafts each item from live mode’s entries: decisions, dissent, then notes', async () => {
    const m = ok<ConferenceMinutes>(await lead.get(url()));
    expect(m.items.map((i) => i.kind)).toEqual(['commitments', 'case', 'case', 'case']);
    const [first, case1, case2] = m.items;
    expect(first?.draft).toBe('Notizen:\n– Keine offenen Zusagen.');
    expect(first?.commitments.map((c) => c.action)).toEqual(['Liste der Träger schicken']);
    expect(case1?.draft).toBe(
      [
        'Beschlüsse:\n– Das Jobcenter prüft einen Bildungsgutschein.\n– Anpassungsqualifizierung ab März.',
        'Abweichende Meinung:\n– Die IHK hält die Kenntnisprüfung für schneller.',
        'Notizen:\n– Unterlagen liegen vollständig vor.',
      ].join('\n\n'),
    );
    expect(case1).toMatchObject({ text: null, version: 0, edited: null, conflicts: 0 });
    expect(case1?.nomination?.client.label).toBe(`${p.cases[0]?.caseCode} · ${p.cases[0]?.name}`);
    expect(case1?.commitments.map((c) => c.action)).toEqual(['Bildungsgutschein ausstellen']);
    // Both versions written at once stay in the draft, the second marked, to be settled by editing.
    expect(case2?.conflicts).toBe(1);
    expect(case2?.draft).toContain('– Sprachkurs B1 zuerst. (zweite Fassung');
    expect(m).toMatchObject({ editable: true, published: null, may: { manage: true } });
  });

  it('says per item what each invited institution will receive, and why not', async () => {
    const m = ok<ConferenceMinutes>(await lead.get(url()));
    const levels = (i: number) =>
      m.items[i]?.recipients.map((r) => [r.institution.id, r.level, r.reason, r.commitments]);
    const { jc, ihk, aa } = p.institutions;
    expect(levels(1)).toEqual(
      expect.arrayContaining([
        [jc.id, 'identified', null, 1],
        [ihk.id, 'pseudonymised', null, 1],
        [aa.id, 'none', 'not_named', 0],
      ]),
    );
    // The last case's consent names only the job centre.
    expect(levels(3)).toEqual(expect.arrayContaining([[ihk.id, 'none', 'not_named', 0]]));
    // The first item goes to all, with the commitments each may see (one on no case: all).
    expect(levels(0)).toEqual(expect.arrayContaining([[aa.id, null, null, 1]]));
    expect(m.recipients.map((r) => [r.institution.id, r.cases, r.withheld, r.delivery])).toEqual(
      expect.arrayContaining([
        [jc.id, 3, 0, 'no_address'],
        [ihk.id, 2, 1, 'no_address'],
        [aa.id, 0, 3, 'no_address'],
      ]),
    );
  });

  it('shows a counsellor the cases they may open, the others by a neutral label without text', async () => {
    const mine = ok<ConferenceMinutes>(await aylin.get(url()));
    expect(mine.items[1]?.draft).toContain('Bildungsgutschein');
    expect(mine).toMatchObject({ editable: false, recipients: [], may: { manage: false } });
    const other = ok<ConferenceMinutes>(await jonas.get(url()));
    expect(other.items[1]).toMatchObject({ draft: null, text: null, commitments: [] });
    expect(other.items[1]?.nomination?.client.label).toBe('Case 1');
    expect(JSON.stringify(other)).not.toContain(p.cases[0]?.name ?? '?');
    expect(other.items[0]?.draft).toBe('Notizen:\n– Keine offenen Zusagen.');
  });
});

describe('editing the minutes', () => {
  it('keeps the edited text with its version; a stale version is refused with who changed it', async () => {
    const item = `${url()}/${p.cases[0]?.nominationId}`;
    const first = ok<ConferenceMinutes>(await lead.put(item, { text: 'Beschlüsse: Gutschein.', version: 0 }));
    expect(first.items[1]).toMatchObject({ text: 'Beschlüsse: Gutschein.', version: 1 });
    expect(first.items[1]?.edited?.by).toBe('Miriam Kessler');
    expect(first.items[1]?.draft).toContain('Anpassungsqualifizierung ab März.');
    const stale = await lead.put(item, { text: 'Etwas anderes.', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict' });
    const again = ok<ConferenceMinutes>(await lead.put(item, { text: 'Beschlüsse: beides.', version: 1 }));
    expect(again.items[1]).toMatchObject({ text: 'Beschlüsse: beides.', version: 2 });
    const trail = await auditTrail(dpo, { action: 'conference.minutes_changed' });
    expect(trail.items.map((e) => e.subject?.id)).toContain(p.cases[0]?.id);
    expect(JSON.stringify(trail)).not.toContain('beides');
  });

  it('answers bad input with 400 and a foreign item with 404, never 500', async () => {
    const empty = await lead.put(`${url()}/commitments`, { text: '   ', version: 0 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([expect.objectContaining({ path: 'text' })]);
    expect((await lead.put(`${url()}/not-an-item`, { text: 'x', version: 0 })).statusCode).toBe(400);
    const foreign = await lead.put(`${url()}/${crypto.randomUUID()}`, { text: 'x', version: 0 });
    expect(foreign.statusCode).toBe(404);
    const first = ok<ConferenceMinutes>(
      await lead.put(`${url()}/commitments`, { text: 'Erledigt.', version: 0 }),
    );
    expect(first.items[0]?.text).toBe('Erledigt.');
  });

  it('is for leads of the organisation, once the conference has begun', async () => {
    expect((await aylin.put(`${url()}/commitments`, { text: 'x', version: 1 })).statusCode).toBe(403);
    const stranger = await outsider(t);
    expect((await stranger.get(url())).statusCode).toBe(404);
    expect((await stranger.put(`${url()}/commitments`, { text: 'x', version: 1 })).statusCode).toBe(404);
    const ahead = await preparedConference(t, lead, aylin, { cases: 1, begun: false });
    const early = await lead.put(`/api/conferences/${ahead.conference.id}/minutes/commitments`, {
      text: 'Zu früh.',
      version: 0,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('conflict');
    expect(
      ok<ConferenceMinutes>(await lead.get(`/api/conferences/${ahead.conference.id}/minutes`)).editable,
    ).toBe(false);
  });
});
