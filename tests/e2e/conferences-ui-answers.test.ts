import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaProposal, Conference } from '../../src/contracts/conferences';
import {
  answerConference,
  axeFindings,
  briefsOf,
  nominationOf,
  rsvpOf,
  withNominations,
} from './conference-answers';
import { choose, demoEnvironment, field, logIn, snap, textOf } from './support';

/**
 * The parts of the conference pages whose server routes are built beside them (nominations with
 * the consent check, the agenda and its optimiser, recorded answers, the public RSVP): the pages
 * against answers written from the contract (conference-answers.ts), the bodies they send checked.
 */
const env = demoEnvironment();

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
const agendaLabels = async (page: Page) =>
  (await page.getByTestId('agenda-item').allInnerTexts()).map((t) =>
    t.split('\n').find((l) => /^Fall /.test(l)),
  );

describe('the conference pages with the answers still being built', () => {
  let context: BrowserContext;
  let page: Page;
  let c: Conference;
  let jobcentre: { id: string; name: string };
  let approbation: { id: string; name: string };
  beforeAll(async () => {
    context = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
    await page.getByTestId('language-switch').getByText('EN').click();
    const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
    const headers = { 'x-csrf-token': csrfToken as string };
    const institutions = (await (await page.request.get('/api/institutions?limit=100')).json()).items as {
      id: string;
      name: string;
    }[];
    const named = (start: string) =>
      institutions.find((i) => i.name.startsWith(start)) ?? { id: '', name: '' };
    [jobcentre, approbation] = [named('Jobcenter Regionalverband'), named('Approbationsstelle')];
    const sectors = (await (await page.request.get('/api/sectors')).json()) as { id: string }[];
    const date = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const data = { title: 'Konferenz mit Antworten', sectorId: sectors[0]?.id, date, startTime: '09:00' };
    c = await (await page.request.post('/api/conferences', { data, headers })).json();
    for (const i of [jobcentre, approbation])
      c = await (
        await page.request.post(`/api/conferences/${c.id}/invitations`, {
          data: { institutionId: i.id },
          headers,
        })
      ).json();
  });
  afterAll(() => context?.close());

  /** Three nominated cases whose agenda order the server keeps as the pages send it. */
  async function agendaOfThree() {
    const [a, b, d] = [
      nominationOf('Fall Anna', [jobcentre], 0),
      nominationOf('Fall Bora', [approbation], 1),
      nominationOf('Fall Dana', [jobcentre], 2),
    ] as const;
    const state = { current: withNominations(c, [a, b, d]) };
    const proposal: AgendaProposal = {
      order: [a.id, d.id, b.id],
      before: { sittingMinutes: 40 },
      after: { sittingMinutes: 30 },
      contiguousInstitutions: 2,
      institutions: 2,
    };
    const sent = await answerConference(
      page,
      c.id,
      () => state.current,
      (method, rest, body) => {
        if (rest === '/agenda/optimise') return proposal;
        if (method !== 'PUT' || rest !== '/agenda') return undefined;
        const order = (body as { order: string[] }).order;
        const n = state.current.nominations;
        state.current = withNominations(
          state.current,
          order.flatMap((id) => n.filter((x) => x.id === id)),
        );
        return state.current;
      },
    );
    await page.goto(`${env.server.baseUrl}/conferences/${c.id}?tab=agenda`);
    await page.getByTestId('agenda').waitFor();
    expect(await agendaLabels(page)).toEqual([undefined, 'Fall Anna', 'Fall Bora', 'Fall Dana']);
    return { a, b, d, state, proposal, sent };
  }

  it('reorders the agenda by keyboard, keeping the focus on the moved case, and saves the order', async () => {
    const { a, b, d, state, sent } = await agendaOfThree();
    await page.getByRole('button', { name: 'Move Fall Anna down' }).focus();
    await page.keyboard.press('Enter');
    expect(await agendaLabels(page)).toEqual([undefined, 'Fall Bora', 'Fall Anna', 'Fall Dana']);
    expect(await focusedName(page)).toBe('Move Fall Anna down');
    await textOf(page.getByTestId('agenda-announcement'), 'Fall Anna moved to position 2 of 3');
    await page.keyboard.press('Enter');
    // At the end its "down" is disabled: the focus goes to "up", still on the same case.
    expect(await focusedName(page)).toBe('Move Fall Anna up');
    await textOf(page.getByTestId('agenda-item').nth(3), '09:30');
    const read = state.current.version;
    await page.getByTestId('agenda-save').click();
    await textOf(page.getByTestId('sitting-minutes'), 'sit in the room');
    expect(sent.at(-1)).toEqual({
      method: 'PUT',
      rest: '/agenda',
      body: { order: [b.id, d.id, a.id], version: read },
    });
    expect(await axeFindings(page)).toEqual([]);
    await page.unrouteAll();
  });

  it('moves a case by dragging it, and applies the optimiser’s order with its figures', async () => {
    const { state, proposal, sent } = await agendaOfThree();
    const items = page.getByTestId('agenda-item');
    await items.nth(3).dragTo(items.nth(1));
    expect(await agendaLabels(page)).toEqual([undefined, 'Fall Dana', 'Fall Anna', 'Fall Bora']);
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await agendaLabels(page)).toEqual([undefined, 'Fall Anna', 'Fall Bora', 'Fall Dana']);

    await page.getByRole('button', { name: 'Propose an order' }).click();
    await textOf(page.getByTestId('agenda-proposal'), '40 minutes in all now; 30 minutes with this order');
    await textOf(page.getByTestId('agenda-proposal'), '2 of 2 institutions attend in one block');
    const read = state.current.version;
    await page.getByTestId('agenda-proposal').getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('agenda-proposal').waitFor({ state: 'detached' });
    expect(sent.at(-1)?.body).toEqual({ order: proposal.order, version: read });
    expect(await agendaLabels(page)).toEqual([undefined, 'Fall Anna', 'Fall Dana', 'Fall Bora']);
    await snap(page, 'conference-agenda-en-1400');
    await page.unrouteAll();
  });

  it('nominates a case for fewer institutions when the consent names only one, anonymised', async () => {
    let current = withNominations(c, []);
    const sent = await answerConference(
      page,
      c.id,
      () => current,
      (method, rest, body) => {
        if (rest === '/consent-check')
          return {
            institutions: [
              { institution: jobcentre, level: 'identified', consentId: crypto.randomUUID(), reason: null },
              { institution: approbation, level: 'none', consentId: null, reason: 'not_named' },
            ],
            rare: true,
          };
        if (method === 'POST' && rest === '/nominations') {
          const n = { ...nominationOf('Fall Neu', [jobcentre], 0), ...(body as object), anonymised: true };
          current = withNominations(current, [n]);
          return current;
        }
      },
    );
    await page.goto(`${env.server.baseUrl}/conferences/${c.id}?tab=cases`);
    await page.getByRole('button', { name: 'Nominate a case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nominate a case' });
    await choose(page, dialog, 'Case', '(', 'an');
    await dialog.getByTestId('consent-check').waitFor();
    await textOf(dialog.getByTestId('consent-check'), 'Not named in the consent');
    await dialog.getByRole('checkbox', { name: jobcentre.name }).check();
    await dialog.getByRole('checkbox', { name: approbation.name }).check();
    await textOf(dialog.getByTestId('held-back'), `No consent lets the case go to ${approbation.name}`);
    await dialog.getByRole('button', { name: 'Nominate for fewer institutions' }).click();
    expect(await dialog.getByRole('checkbox', { name: approbation.name }).isChecked()).toBe(false);
    await dialog.getByRole('switch', { name: /Anonymise/ }).check({ force: true });
    await textOf(dialog.getByTestId('rare-warning'), 'Rare combination');
    await field(dialog, 'Question to solve').fill('Welche Anpassungsqualifizierung passt?');
    await dialog.getByRole('button', { name: 'Nominate', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const body = sent.find((s) => s.rest === '/nominations')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ institutionIds: [jobcentre.id], anonymised: true, minutes: null });
    expect(body.question).toBe('Welche Anpassungsqualifizierung passt?');
    await textOf(page.getByTestId('nomination'), 'Anonymised');
    expect(await axeFindings(page)).toEqual([]);
    await snap(page, 'conference-cases-en-1400');
    await page.unrouteAll();
  });

  it('previews what an institution would receive, and offers its pack as a download', async () => {
    const n = nominationOf('Fall Anna', [jobcentre, { ...approbation, level: 'none' }], 0);
    const briefs = briefsOf({
      institution: jobcentre,
      scope: 'pseudonymised',
      briefs: [
        {
          nominationId: n.id,
          level: 'pseudonymised',
          caseCode: 'PF-0',
          name: null,
          birthDate: null,
          address: null,
          age: null,
          ageBand: '35_44',
          countryGroup: 'middle_east_north_africa',
          countries: null,
          qualifications: [{ title: 'Bachelor Pflege', level: 'bachelor' }],
          referenceOccupation: 'Pflegefachfrau',
          recognition: [{ status: 'decided', outcome: 'partial', differences: 'Praxisanteil' }],
          languages: [{ language: 'deu', level: 'B2' }],
          measures: [],
          question: n.question,
          brief: null,
          institutionsNeeded: [jobcentre.name, approbation.name],
        },
      ],
      withheld: 0,
    });
    const current = withNominations(c, [n]);
    await answerConference(
      page,
      c.id,
      () => current,
      (_m, rest) => (rest === '/briefs' ? briefs : undefined),
    );
    await page.goto(`${env.server.baseUrl}/conferences/${c.id}?tab=cases`);
    const card = page.getByTestId('nomination');
    await textOf(card.getByTestId('recipient').filter({ hasText: approbation.name }), 'Held back');
    await textOf(card, 'Not named in the consent');
    await page.getByRole('tab', { name: 'Packs' }).click();
    await textOf(page.getByTestId('disclosure-note'), 'recorded in the disclosure log');
    const download = page.getByRole('link', { name: `Download pack (PDF) for ${jobcentre.name}` });
    expect(await download.getAttribute('href')).toBe(`/api/conferences/${c.id}/packs/${jobcentre.id}`);
    await page.getByRole('button', { name: `Preview for ${jobcentre.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Preview for ${jobcentre.name}` });
    await textOf(dialog.getByTestId('brief'), 'Middle East or North Africa');
    await textOf(dialog.getByTestId('brief'), '35–44');
    await textOf(dialog.getByTestId('brief'), 'Pseudonymised');
    expect(await axeFindings(page)).toEqual([]);
    await snap(page, 'conference-brief-preview-en-1400');
    await page.keyboard.press('Escape');
    await page.unrouteAll();
  });

  it('records an answer heard by phone: a deputy, by name', async () => {
    let current = c;
    const sent = await answerConference(
      page,
      c.id,
      () => current,
      (method, rest) => {
        if (method !== 'PUT' || !rest.endsWith('/answer')) return undefined;
        current = {
          ...c,
          invitations: c.invitations.map((i) =>
            i.institution.id === jobcentre.id ? { ...i, answer: 'deputy', deputyName: 'Petra Vogt' } : i,
          ),
        };
        return current;
      },
    );
    await page.goto(`${env.server.baseUrl}/conferences/${c.id}`);
    await page.getByRole('button', { name: `Record answer for ${jobcentre.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Record answer' });
    await dialog.getByText('Sending a deputy').click();
    expect(await dialog.getByRole('radio', { name: 'Sending a deputy' }).isChecked()).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(dialog, 'Please enter the name');
    await field(dialog, 'Name of the person coming in your place').fill('Petra Vogt');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(sent.at(-1)?.body).toEqual({ answer: 'deputy', deputyName: 'Petra Vogt' });
    await textOf(page.getByTestId('invitations'), 'Deputy: Petra Vogt');
    await page.unrouteAll();
  });
});

describe('the answer page of an invitation, with a link that works', () => {
  it('lets an invitee on a phone send a deputy, and says when the link has expired', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const view = rsvpOf({
      conference: {
        title: 'Geberkonferenz Pflege',
        startsAt: '2026-12-15T09:00:00.000Z',
        endsAt: '2026-12-15T11:00:00.000Z',
        timeZone: 'Europe/Berlin',
        place: 'Rathaus Saarbrücken, Saal 2',
        videoUrl: null,
        status: 'invited',
        organisation: 'IFK Saar (Demo)',
      },
      institution: 'Jobcenter Regionalverband Saarbrücken-Mitte',
      contact: 'Stefanie Marx',
      answer: 'pending',
      deputyName: null,
      expiresAt: '2026-12-16T00:00:00.000Z',
    });
    const sent: unknown[] = [];
    let expired = false;
    await page.route('**/api/rsvp/**', async (route) => {
      if (expired)
        return route.fulfill({ status: 400, json: { error: { code: 'token_expired', message: 'expired' } } });
      if (route.request().method() === 'GET') return route.fulfill({ json: view });
      const body = route.request().postDataJSON() as { answer: 'deputy'; deputyName: string };
      sent.push(body);
      await route.fulfill({ json: { ...view, ...body } });
    });
    const url = `${env.server.baseUrl}/rsvp/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/ein-gueltiger-schluessel`;
    await page.goto(url);
    await textOf(page.getByTestId('rsvp-title'), 'Geberkonferenz Pflege');
    await textOf(page.locator('main'), 'Einladung von IFK Saar (Demo)');
    await textOf(page.getByTestId('rsvp-current'), 'Sie haben noch nicht geantwortet');
    expect(await axeFindings(page)).toEqual([]);
    await snap(page, 'rsvp-de-390');
    await page.getByTestId('rsvp-deputy').click();
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await textOf(page.locator('main'), 'Bitte geben Sie den Namen');
    await field(page, 'Name der Person, die an Ihrer Stelle kommt').fill('Petra Vogt');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await textOf(page.getByTestId('rsvp-saved'), 'Vielen Dank');
    await textOf(page.getByTestId('rsvp-current'), 'Petra Vogt kommt an Ihrer Stelle');
    expect(sent).toEqual([{ answer: 'deputy', deputyName: 'Petra Vogt' }]);
    expect(await page.getByTestId('rsvp-deputy').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('language-switch').getByText('EN').click();
    await textOf(page.getByTestId('rsvp-current'), 'Petra Vogt comes in your place');
    expect(await axeFindings(page)).toEqual([]);
    await snap(page, 'rsvp-en-390');
    await page.setViewportSize({ width: 1400, height: 900 });
    await snap(page, 'rsvp-en-1400');
    expired = true;
    await page.reload();
    await textOf(page.getByTestId('rsvp-error'), 'This link has expired');
    await context.close();
  });
});
