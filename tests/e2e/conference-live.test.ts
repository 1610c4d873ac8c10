import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState } from '../../src/contracts/conferences-live';
import {
  addCommitmentByKeyboard,
  browserOf,
  composer,
  connection,
  entries,
  shownAfter,
  type Who,
  write,
} from './live-support';
import { demoEnvironment, snap } from './support';

/**
 * Live mode at the table, in two browsers at once: the lead and the minute-taker on one
 * conference that has just begun. What one writes shows in the other within moments; what is
 * typed while the network is gone waits in the browser and arrives once, when it is back.
 */
const env = demoEnvironment();
const LEAD = 'miriam.kessler@ifk-saar.example';
const MINUTE_TAKER = 'aylin.demir@ifk-saar.example';

let lead: Who;
let taker: Who;
let conferenceId: string;
let jobcentre: string;

/** A conference beginning in ten minutes, with a case, the minute-taker named, invitations sent. */
async function conferenceAboutToBegin(api: APIRequestContext, csrf: string) {
  const headers = { 'x-csrf-token': csrf };
  const json = async (p: Promise<{ json(): Promise<unknown>; ok(): boolean; text(): Promise<string> }>) => {
    const r = await p;
    if (!r.ok()) throw new Error(await r.text());
    return r.json() as Promise<Record<string, unknown> & { id: string; version: number }>;
  };
  const [date, time] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .format(new Date(Date.now() + 10 * 60_000))
    .split(' ');
  const sectors = (await json(api.get('/api/sectors'))) as unknown as { id: string }[];
  const colleagues = (await json(api.get('/api/colleagues'))) as unknown as { id: string; name: string }[];
  const planned = await json(
    api.post('/api/conferences', {
      headers,
      data: {
        title: 'Geberkonferenz Pflege live',
        sectorId: sectors[0]?.id,
        date,
        startTime: time,
        minuteTakerId: colleagues.find((c) => c.name === 'Aylin Demir')?.id,
      },
    }),
  );
  const institutions = (await json(api.get('/api/institutions?limit=2&q=Jobcenter'))).items as {
    id: string;
  }[];
  jobcentre = institutions[0]?.id ?? '';
  await json(
    api.post(`/api/conferences/${planned.id}/invitations`, { headers, data: { institutionId: jobcentre } }),
  );
  const client = ((await json(api.get('/api/clients?limit=1'))).items as { id: string }[])[0];
  await json(
    api.post(`/api/conferences/${planned.id}/nominations`, {
      headers,
      data: { clientId: client?.id, question: 'Wer finanziert den Kurs?', institutionIds: [jobcentre] },
    }),
  );
  const now = await json(api.get(`/api/conferences/${planned.id}`));
  await json(
    api.post(`/api/conferences/${planned.id}/invitations/send`, { headers, data: { version: now.version } }),
  );
  return planned.id;
}

/** The server's count of entries with exactly this text: each must be stored once. */
async function stored(w: Who, text: string) {
  const state = (await (
    await w.context.request.get(`/api/conferences/${conferenceId}/live`)
  ).json()) as LiveState;
  return state.items.flatMap((i) => i.entries).filter((e) => e.text === text).length;
}

beforeAll(async () => {
  lead = await browserOf(env.browser, env.server.baseUrl, LEAD);
  taker = await browserOf(env.browser, env.server.baseUrl, MINUTE_TAKER);
  conferenceId = await conferenceAboutToBegin(lead.context.request, lead.csrf);
});
afterAll(async () => {
  await lead?.context.close();
  await taker?.context.close();
});

describe('live mode in two browsers', () => {
  it('opens from the conference page, for the lead and for the minute-taker', async () => {
    for (const w of [lead, taker]) {
      await w.page.goto(`/conferences/${conferenceId}`);
      await w.page.getByRole('link', { name: 'Live mode' }).click();
      await connection(w).and(w.page.locator('[data-connected=true]')).waitFor();
    }
  });

  it('shows what one browser writes in the other within moments', async () => {
    const started = Date.now();
    await write(lead, 'Zwei Zusagen aus dem Frühjahr sind erledigt.');
    const ms = await shownAfter(taker, 'Zwei Zusagen aus dem Frühjahr', started);
    console.log(`live entry shown in the other browser after ${ms} ms (typed → visible)`);
    const back = Date.now();
    await write(taker, 'Protokoll: Frau Demir');
    console.log(`and the other way after ${await shownAfter(lead, 'Protokoll: Frau Demir', back)} ms`);
    expect(await composer(lead).inputValue()).toBe('');
  });

  it('keeps what is typed offline, shows it as waiting, and sends it once when the network returns', async () => {
    await taker.context.setOffline(true);
    await connection(taker).and(taker.page.locator('[data-connected=false]')).waitFor();
    await write(taker, 'Offline eins: Kurs ab März');
    await write(taker, 'Offline zwei: Fahrtkosten klären');
    await addCommitmentByKeyboard(taker, 'Offline: Kostenübernahme prüfen');
    await taker.page.getByTestId('live-waiting').nth(2).waitFor();
    expect(await connection(taker).textContent()).toContain('3 changes waiting');
    // Kept in the tab (sessionStorage), so that a reload would not lose them either.
    const kept = await taker.page.evaluate(() =>
      Object.keys(sessionStorage).filter((k) => k.startsWith('lotse.live.')),
    );
    expect(kept).toHaveLength(1);
    await snap(taker.page, 'live-offline-waiting');

    const back = Date.now();
    await taker.context.setOffline(false);
    const ms = await shownAfter(lead, 'Offline zwei', back);
    console.log(`queued entries arrived in the other browser ${ms} ms after the network returned`);
    await lead.page.getByText('Offline: Kostenübernahme prüfen').waitFor();
    await taker.page.getByTestId('live-waiting').first().waitFor({ state: 'detached', timeout: 10_000 });
    expect(await stored(lead, 'Offline eins: Kurs ab März')).toBe(1);
    expect(await stored(lead, 'Offline zwei: Fahrtkosten klären')).toBe(1);
    expect(await lead.page.getByText('Offline: Kostenübernahme prüfen').count()).toBe(1);
    expect(await taker.page.evaluate(() => Object.keys(sessionStorage).length)).toBe(0);
  });

  it('keeps both versions of an entry two people changed at once, and says so in both browsers', async () => {
    await write(lead, 'Sprachkurs B2 ab Juni');
    await entries(taker).filter({ hasText: 'Sprachkurs B2 ab Juni' }).waitFor();
    await lead.context.setOffline(true);
    await editEntry(lead, 'Sprachkurs B2 ab Juni', 'Sprachkurs B2 ab Juli');
    await editEntry(taker, 'Sprachkurs B2 ab Juni', 'Sprachkurs B2 ab August');
    await lead.context.setOffline(false);
    for (const w of [lead, taker]) {
      await entries(w).filter({ hasText: 'ab Juli' }).waitFor();
      await entries(w).filter({ hasText: 'ab August' }).waitFor();
      await w.page.getByTestId('live-both-kept').nth(1).waitFor();
    }
    await snap(taker.page, 'live-both-kept');
  });

  it('walks the agenda with Alt+→ and Alt+←, every screen following', async () => {
    await lead.page.getByTestId('live-item-title').click();
    await lead.page.keyboard.press('Alt+ArrowRight');
    await taker.page.getByTestId('live-item-title').filter({ hasNotText: 'Open commitments' }).waitFor();
    await taker.page.getByText('Wer finanziert den Kurs?').waitFor();
    await lead.page.keyboard.press('Alt+ArrowLeft');
    await taker.page.getByTestId('live-item-title').filter({ hasText: 'Open commitments' }).waitFor();
    // Alt+← is the browser's "back" elsewhere: here it stayed on the page.
    expect(lead.page.url()).toContain(`/conferences/${conferenceId}/live`);
  });

  it('has nothing axe finds (WCAG 2.1 AA) while entries are made, waiting and kept twice', async () => {
    const axe = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
    await taker.context.setOffline(true);
    await write(taker, 'Wartet noch');
    await taker.page.getByTestId('live-waiting').first().waitFor();
    await taker.page.evaluate(fs.readFileSync(axe, 'utf8'));
    const found = await taker.page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof import('axe-core') }).axe.run;
      const result = await run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    await taker.context.setOffline(false);
    expect(found).toEqual([]);
  });

  it('looks right on a projector and on a phone', async () => {
    await lead.page.getByRole('switch', { name: 'Projector' }).check();
    const size = await lead.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(size)).toBeGreaterThan(20);
    await snap(lead.page, 'live-projector-1400');
    await lead.page.getByRole('switch', { name: 'Projector' }).uncheck();
    await snap(lead.page, 'live-1400');
    const phone = await lead.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`/conferences/${conferenceId}/live`);
    await phone.getByTestId('live-item').waitFor();
    expect(await phone.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
    await snap(phone, 'live-390');
    await phone.getByTestId('language-switch').getByText('DE').click();
    await phone.getByRole('button', { name: 'Nächster Punkt' }).waitFor();
    await snap(phone, 'live-390-de');
    await phone.setViewportSize({ width: 1400, height: 1000 });
    await snap(phone, 'live-1400-de');
    await phone.close();
  });
});

async function editEntry(w: Who, from: string, to: string) {
  const card = w.page.getByTestId('live-entry').filter({ hasText: from });
  await card.getByRole('button', { name: 'Change entry' }).click();
  const dialog = w.page.getByRole('dialog', { name: 'Change entry' });
  await dialog.getByRole('textbox', { name: /^Entry/ }).fill(to);
  await dialog.getByRole('textbox', { name: /^Entry/ }).press('Control+Enter');
  await dialog.waitFor({ state: 'detached' });
}
