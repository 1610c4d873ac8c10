import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, launchBrowser, type RunningServer, snap, startServer, textOf } from './support';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first steps in the browser', () => {
  // The admin's and the counsellor's browsers, kept across the steps that build on each other.
  let admin: BrowserContext;
  let page: Page;
  let counsellor: BrowserContext;
  let c: Page;
  let link: string;
  afterAll(async () => {
    await admin?.close();
    await counsellor?.close();
  });

  it('sets up an organisation, in English for an English browser', async () => {
    admin = await browser.newContext({ locale: 'en-GB' });
    page = await admin.newPage();
    await page.goto(server.baseUrl);
    await page.waitForURL('**/setup');
    await field(page, 'Name of the organisation').fill('IFK Saar');
    await field(page, 'Your name').fill('Petra Admin');
    await field(page, 'E-mail').fill('petra@ifk-saar.example');
    await field(page, 'Password').fill('eine lange passphrase');
    await field(page, 'Repeat the password').fill('eine lange passphrase');
    await snap(page, 'setup');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('heading', { name: 'Welcome, Petra Admin' }).waitFor();
  });

  it('logs out, refuses a wrong password, and logs in again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await field(page, 'E-mail').fill('petra@ifk-saar.example');
    await field(page, 'Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Log in' }).click();
    await textOf(page.getByRole('alert'), 'E-mail or password is wrong');
    await field(page, 'Password').fill('eine lange passphrase');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Petra Admin' }).waitFor();
  });

  it('invites a counsellor; without SMTP the admin gets the link to hand over', async () => {
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Name').fill('Aylin Demir');
    await field(dialog, 'E-mail').fill('aylin.demir@ifk-saar.example');
    await dialog.getByText('Deutsch').click();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    link = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';
    expect(link).toContain('/invite#');
    await snap(page, 'invite-link');
    // The dialog's own Close button, not its X (named "Close" too).
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
    await textOf(page.getByRole('row', { name: /aylin\.demir@ifk-saar\.example/ }), 'Invited');
  });

  it('lets the counsellor, in a German browser, set a password from the link and log in', async () => {
    counsellor = await browser.newContext({ locale: 'de-DE' });
    c = await counsellor.newPage();
    await c.goto(link);
    await c.getByRole('heading', { name: 'Willkommen bei Lotse' }).waitFor();
    await c.getByText('Ihre Anmeldung: aylin.demir@ifk-saar.example').waitFor({ timeout: 8000 });
    await field(c, 'Neues Passwort').fill('zu kurz');
    await field(c, 'Passwort wiederholen').fill('zu kurz');
    await c.getByRole('button', { name: 'Passwort festlegen' }).click();
    await c.getByText('Mindestens 12 Zeichen', { exact: true }).waitFor();
    await field(c, 'Neues Passwort').fill('mein sicheres passwort');
    await field(c, 'Passwort wiederholen').fill('mein sicheres passwort');
    await c.getByRole('button', { name: 'Passwort festlegen' }).click();
    await c.waitForURL('**/login**');
    await c.getByText('Ihr Passwort ist festgelegt').waitFor();
    expect(await field(c, 'E-Mail').inputValue()).toBe('aylin.demir@ifk-saar.example');
    await field(c, 'Passwort').fill('mein sicheres passwort');
    await c.getByRole('button', { name: 'Anmelden' }).click();
    await c.getByRole('heading', { name: 'Willkommen, Aylin Demir' }).waitFor();
    // A counsellor sees no user administration.
    expect(await c.getByRole('link', { name: 'Benutzer:innen' }).count()).toBe(0);
    await snap(c, 'counsellor-home-de');
  });

  it('switches the language and keeps it in the profile', async () => {
    await c.getByTestId('language-switch').getByText('EN').click();
    await c.getByRole('heading', { name: 'Welcome, Aylin Demir' }).waitFor();
    await c.reload();
    await c.getByRole('heading', { name: 'Welcome, Aylin Demir' }).waitFor();
  });

  it('shows the admin the counsellor as active, and the logins in the audit log', async () => {
    await page.reload();
    await textOf(page.getByRole('row', { name: /aylin\.demir@ifk-saar\.example/ }), 'Active');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await textOf(page.getByTestId('audit-table'), 'Invitation accepted');
    await textOf(page.getByTestId('audit-table'), 'Failed login');
    await snap(page, 'audit');
  });
});
