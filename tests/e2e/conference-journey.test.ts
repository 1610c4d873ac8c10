import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ParsedMail } from 'mailparser';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentCheck } from '../../src/contracts/conferences';
import { pdfText } from '../../src/server/testing/pdf';
import { recipientOf, startMailServer, type TestMailServer } from '../../src/server/testing/smtp';
import { addCommitmentByKeyboard, browserOf, connection, entries, type Who, write } from './live-support';
import { launchBrowser, type RunningServer, startDemoServer, textOf } from './support';

/**
 * Issue 12's journey: the demo series' next conference, prepared as part 1 leaves it, run at the
 * table in two browsers (one of them loses its network and gets it back), its minutes published —
 * each institution's mail with only the cases its consent allows —, a commitment reminder
 * received by a real SMTP server, the commitment left open on the first item of the series' next
 * conference, and the conference report exported.
 */
const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const ACADEMY = 'Pflegeakademie Saarlouis';
let mail: TestMailServer;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let lead: Who;
let taker: Who;
let conferenceId = '';
let nextConferenceId = '';
/** The nominated case, as its consent shares it: with the job centre, not with the academy. */
let shared = { caseCode: '', name: '' };
const inbox: ParsedMail[] = [];

type Json = Record<string, unknown> & { id: string; version: number };
async function json(
  api: APIRequestContext,
  method: 'get' | 'post',
  url: string,
  csrf: string,
  data?: unknown,
) {
  const res = await api[method](url, { headers: { 'x-csrf-token': csrf }, data });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as Json;
}

/** Mail as it arrives, kept; waits until one matches. */
async function mailWhere(match: (m: ParsedMail) => boolean, timeout = 30_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    inbox.push(...mail.take());
    const found = inbox.filter(match);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  mail = await startMailServer();
  server = await startDemoServer({ SMTP_URL: mail.url, MAIL_FROM: 'Lotse <lotse@ifk-saar.example>' });
  browser = await launchBrowser();
  lead = await browserOf(browser, server.baseUrl, 'miriam.kessler@ifk-saar.example');
  taker = await browserOf(browser, server.baseUrl, 'aylin.demir@ifk-saar.example');
});
afterAll(async () => {
  await lead?.context.close();
  await taker?.context.close();
  await browser?.close();
  await server?.stop();
  await mail?.close();
});

/** The local date and time in Saarbrücken `minutes` from now. */
const berlin = (minutes: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(Date.now() + minutes * 60_000))
    .split(' ');

describe('a donor conference from the table to the report', () => {
  it('prepares the series’ next conference, beginning in two minutes, with a case shared with some institutions only', async () => {
    const api = lead.context.request;
    const series = (await (await api.get('/api/conference-series')).json()) as { id: string }[];
    const [date, startTime] = berlin(2);
    const c = await json(api, 'post', `/api/conference-series/${series[0]?.id}/next`, lead.csrf, {
      date,
      startTime,
    });
    conferenceId = c.id;
    const clients = (await (await api.get('/api/clients?limit=100')).json()) as {
      items: { id: string; caseCode: string; givenNames: string; familyName: string }[];
    };
    const invited = (c.invitations as { institution: { id: string; name: string } }[]).map(
      (i) => i.institution,
    );
    for (const client of clients.items) {
      const check = (await (
        await api.get(`/api/conferences/${conferenceId}/consent-check?clientId=${client.id}`)
      ).json()) as ConsentCheck;
      const level = (name: string) => check.institutions.find((i) => i.institution.name === name)?.level;
      if (level(JOBCENTRE) === 'identified' && level(ACADEMY) === 'none') {
        shared = { caseCode: client.caseCode, name: `${client.givenNames} ${client.familyName}` };
        await json(api, 'post', `/api/conferences/${conferenceId}/nominations`, lead.csrf, {
          clientId: client.id,
          question: 'Welche Anpassungsqualifizierung, und wer zahlt?',
          institutionIds: invited.map((i) => i.id),
        });
        break;
      }
    }
    expect(shared.caseCode).not.toBe('');
    let now = await json(api, 'get', `/api/conferences/${conferenceId}`, lead.csrf);
    now = await json(api, 'post', `/api/conferences/${conferenceId}/invitations/send`, lead.csrf, {
      version: now.version,
    });
    await json(api, 'post', `/api/conferences/${conferenceId}/agenda/fix`, lead.csrf, {
      version: now.version,
    });
  });

  it('shows the open commitments of the series’ earlier conferences on its first item', async () => {
    await lead.page.goto(`/conferences/${conferenceId}/live`);
    await connection(lead).and(lead.page.locator('[data-connected=true]')).waitFor();
    await lead.page
      .getByText('Platz im Anpassungslehrgang ab dem Frühjahrskurs reservieren')
      .first()
      .waitFor();
  });

  it('runs live in two browsers; what one types while offline reaches the other once it is back', async () => {
    await taker.page.goto(`/conferences/${conferenceId}/live`);
    await connection(taker).and(taker.page.locator('[data-connected=true]')).waitFor();
    await lead.page.getByRole('button', { name: 'Next item' }).click();
    await taker.page.getByText('Welche Anpassungsqualifizierung, und wer zahlt?').first().waitFor();
    await write(lead, 'Beschluss folgt nach Rückmeldung des Jobcenters.');
    await entries(taker).filter({ hasText: 'Rückmeldung des Jobcenters' }).waitFor({ timeout: 5_000 });
    await taker.context.setOffline(true);
    await connection(taker).and(taker.page.locator('[data-connected=false]')).waitFor();
    await write(taker, 'Offline notiert: Praxisphase im Klinikum möglich.');
    await addCommitmentByKeyboard(taker, 'Bildungsgutschein für die Anpassungsqualifizierung prüfen', {
      dueInDays: 30,
    });
    await taker.page.getByTestId('live-waiting').nth(1).waitFor();
    await taker.context.setOffline(false);
    await entries(lead).filter({ hasText: 'Offline notiert' }).waitFor({ timeout: 15_000 });
    await lead.page.getByText('Bildungsgutschein für die Anpassungsqualifizierung prüfen').first().waitFor();
    const state = (await (
      await lead.context.request.get(`/api/conferences/${conferenceId}/live`)
    ).json()) as {
      items: { entries: { text: string }[]; commitments: { action: string }[] }[];
    };
    const texts = state.items.flatMap((i) => i.entries.map((e) => e.text));
    expect(texts.filter((t) => t.startsWith('Offline notiert'))).toHaveLength(1);
    expect(
      state.items.flatMap((i) => i.commitments).filter((c) => c.action.startsWith('Bildungsgutschein')),
    ).toHaveLength(1);
  });

  it('publishes the minutes once held: each institution’s PDF holds only the cases its consent allows', async () => {
    const api = lead.context.request;
    // Marked held once it has begun (it was planned two minutes ahead).
    await expect
      .poll(
        async () => {
          const c = await json(api, 'get', `/api/conferences/${conferenceId}`, lead.csrf);
          return (
            await api.post(`/api/conferences/${conferenceId}/status`, {
              headers: { 'x-csrf-token': lead.csrf },
              data: { status: 'held', version: c.version },
            })
          ).status();
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe(200);
    await lead.page.goto(`/conferences/${conferenceId}?tab=minutes`);
    await lead.page.getByTestId('publish-minutes').click();
    const dialog = lead.page.getByRole('dialog', { name: 'Publish minutes' });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await textOf(lead.page.getByTestId('conference-status'), 'Minutes published');
    // One mail per invitation with an address, each with its institution's copy.
    const copyFor = async (name: string) => {
      const [m] = await mailWhere((x) => /^Protokoll/.test(x.subject ?? '') && (x.text ?? '').includes(name));
      const pdf = m?.attachments.find((a) => a.contentType === 'application/pdf');
      return pdf ? pdfText(pdf.content) : '';
    };
    const jobcentre = await copyFor(JOBCENTRE);
    expect(jobcentre).toContain(shared.name);
    const academy = await copyFor(ACADEMY);
    expect(academy).not.toBe('');
    expect(academy).not.toContain(shared.name);
    expect(academy).not.toContain(shared.caseCode);
    const copies = inbox.filter((m) => /^Protokoll/.test(m.subject ?? ''));
    console.log(`minutes mailed to ${new Set(copies.map(recipientOf)).size} addresses`);
  });

  it('reminds the responsible person of a commitment that falls due, by mail, without the client', async () => {
    const [reminder] = await mailWhere((m) => /^Erinnerung: Zusage/.test(m.subject ?? ''));
    expect(reminder?.text).toContain('Ansprechperson für Pflegeberufe im Jobcenter benennen');
    expect(reminder?.text).not.toContain(shared.name);
  });

  it('puts the commitment left open on the first item of the series’ next conference', async () => {
    const list = (await (await lead.context.request.get('/api/conferences?when=upcoming')).json()) as {
      items: { id: string }[];
    };
    nextConferenceId = list.items[0]?.id ?? '';
    await lead.page.goto(`/conferences/${nextConferenceId}?tab=agenda`);
    await lead.page.getByText('Bildungsgutschein für die Anpassungsqualifizierung prüfen').first().waitFor();
  });

  it('exports the conference report with the commitment made', async () => {
    await lead.page.goto(`/conferences/${conferenceId}?tab=report`);
    await lead.page.getByRole('img', { name: 'Commitments by institution and state' }).waitFor();
    const [file] = await Promise.all([
      lead.page.waitForEvent('download'),
      lead.page.getByRole('link', { name: 'Export XLSX' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(cells.join(' ')).toContain('Jobcenter Regionalverband Saarbrücken-Mitte');
    const [pdf] = await Promise.all([
      lead.page.waitForEvent('download'),
      lead.page.getByRole('link', { name: 'Export PDF' }).click(),
    ]);
    expect(await pdfText(fs.readFileSync(await pdf.path()))).toContain('Jobcenter Regionalverband');
  });
});
