import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoEnvironment, field, logIn, snap, textOf } from './support';

/**
 * Issue 12's pathways in the browser: a lead adopts a pathway for nurses at a conference that has
 * begun (its steps written and reordered by keyboard, a measure from the catalogue); a counsellor
 * opens a new nurse case's plan, applies the pathway in one click and sees its objective and steps.
 */
const env = demoEnvironment();
const title = 'Pflege mit Defizitbescheid (Testlauf)';
const LEAD = 'miriam.kessler@ifk-saar.example';
const COUNSELLOR = 'aylin.demir@ifk-saar.example';

/** POST as the page's user, with its CSRF token; answers the JSON. */
async function post<T>(api: APIRequestContext, path: string, data: unknown): Promise<T> {
  const { csrfToken } = await (await api.get('/api/auth/session')).json();
  const res = await api.post(path, { data, headers: { 'x-csrf-token': csrfToken as string } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

/** Berlin's wall clock a little ahead: the date and the minute a conference can begin. */
function soonInBerlin(seconds: number) {
  const at = new Date(Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000);
  const part = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', ...o }).format(at);
  return { at, date: part({}), time: part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) };
}

async function logInInEnglish(page: Page, email: string) {
  await logIn(page, env.server.baseUrl, email);
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
}

describe('a pathway for a profession', () => {
  let context: BrowserContext;
  let page: Page;
  let conferenceId: string;
  let begins: Date;
  beforeAll(async () => {
    context = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    await logInInEnglish(page, LEAD);
    // A conference about to begin (none can be planned in the past), with its invitations sent.
    const sectors = await (await page.request.get('/api/sectors')).json();
    const health = sectors.find((s: { name: string }) => s.name === 'Gesundheit und Pflege');
    const soon = soonInBerlin(20);
    begins = soon.at;
    const planned = await post<{ id: string; version: number }>(page.request, '/api/conferences', {
      title: 'Geberkonferenz Pflege (Berufswege)',
      sectorId: health.id,
      date: soon.date,
      startTime: soon.time,
    });
    conferenceId = planned.id;
    const institutions = await (await page.request.get('/api/institutions?limit=1')).json();
    const invited = await post<{ version: number }>(
      page.request,
      `/api/conferences/${conferenceId}/invitations`,
      {
        institutionId: institutions.items[0].id,
      },
    );
    await post(page.request, `/api/conferences/${conferenceId}/invitations/send`, {
      version: invited.version,
    });
  });
  afterAll(() => context?.close());

  it('is adopted by a lead at a conference once it has begun, its steps moved by keyboard', {
    timeout: 180_000,
  }, async () => {
    await page.goto(`/conferences/${conferenceId}?tab=pathways`);
    await page.getByText('A pathway is adopted once the conference has begun.').waitFor();
    await page.waitForTimeout(Math.max(0, begins.getTime() - Date.now()) + 1000);
    await page.reload();
    await page.getByRole('button', { name: 'Adopt a pathway' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adopt a pathway' });
    await field(dialog, 'Title').fill(title);
    await field(dialog, 'Occupation group').fill('Nurses from third countries with a deficit notice');
    await choose(page, dialog, 'Reference occupations', 'Pflegefachfrau', 'pflegefach');
    const first = dialog.getByRole('group', { name: 'Step 1' });
    await field(first, 'What is done').fill('Complete the adaptation course');
    await field(first, 'Responsible').fill('Pflegeakademie Saarlouis');
    await field(first, 'Funded by').fill('Jobcenter');
    await first.getByRole('textbox', { name: /Done by week/ }).fill('40');
    await choose(page, first, 'Measures of the catalogue', 'Anpassungsqualifizierung Pflege', 'Anpassung');
    await dialog.getByRole('button', { name: 'Add a step' }).click();
    // The new step's first field has the focus: typed into directly.
    await page.keyboard.type('Start the recognition procedure');
    const second = dialog.getByRole('group', { name: 'Step 2' });
    await field(second, 'Responsible').fill('Counselling centre');
    await second.getByRole('textbox', { name: /Done by week/ }).fill('4');
    // By keyboard: step 2 up, and the focus stays on the moved step's buttons.
    await dialog.getByRole('button', { name: 'Move step 2 up' }).focus();
    await page.keyboard.press('Enter');
    await textOf(dialog.getByRole('status'), 'Step 2 is now step 1 of 2');
    expect(await field(dialog.getByRole('group', { name: 'Step 1' }), 'What is done').inputValue()).toBe(
      'Start the recognition procedure',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move step 1 down',
    );
    await snap(page, 'pathways-adopt-dialog');
    await dialog.getByRole('button', { name: 'Adopt pathway' }).click();
    await dialog.waitFor({ state: 'detached' });
    const adopted = page.getByTestId('adopted-pathway');
    await textOf(adopted, title);
    await textOf(adopted, 'Anpassungsqualifizierung Pflege');
    await page.getByRole('navigation').getByRole('link', { name: 'Pathways' }).click();
    await textOf(page.getByTestId('pathways'), title);
    await textOf(page.getByTestId('pathways'), 'Geberkonferenz Pflege (Berufswege)');
  });

  it('is applied in one click to a new nurse case’s plan, with its objective and steps', async () => {
    const counsellor = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 390, height: 844 },
    });
    const phone = await counsellor.newPage();
    await logInInEnglish(phone, COUNSELLOR);
    const nurse = (await (await phone.request.get('/api/occupations?q=pflegefach')).json())[0];
    const c = await post<{ id: string }>(phone.request, '/api/clients', {
      givenNames: 'Maricel',
      familyName: 'Santos',
      intakeDate: new Date().toISOString().slice(0, 10),
    });
    await post(phone.request, `/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Bachelor of Science in Nursing',
      country: 'PH',
      kind: 'academic',
      referenceOccupationId: nurse.id,
    });
    await phone.goto(`/cases/${c.id}?tab=plan`);
    const card = phone.getByTestId('case-pathways');
    await textOf(card, 'Pathways for this profession');
    await card.getByRole('button', { name: `Apply “${title}”` }).click();
    const dialog = phone.getByRole('dialog', { name: `Apply “${title}”` });
    await textOf(dialog.getByTestId('apply-steps'), 'Start the recognition procedure');
    expect(
      await dialog
        .getByRole('checkbox', { name: 'Anpassungsqualifizierung Pflege mit Praxisphase' })
        .isChecked(),
    ).toBe(true);
    await snap(phone, 'pathways-apply-dialog-390');
    await dialog.getByRole('button', { name: 'Apply pathway' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(card, 'Following since');
    await textOf(card, '0 of 2 steps done');
    const plan = phone.getByRole('tabpanel');
    await textOf(plan, title);
    await textOf(plan, 'Start the recognition procedure');
    await textOf(plan, 'Complete the adaptation course');
    await textOf(plan, 'Anpassungsqualifizierung Pflege mit Praxisphase');
    expect(
      await phone.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth),
    ).toBe(false);
    await snap(phone, 'pathways-case-plan-390');
    await counsellor.close();
  });
});
