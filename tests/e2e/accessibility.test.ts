import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/auth';
import { navigation, navigationFor } from '../../src/web/app/navigation';
import { DEMO_PASSWORD, demoEnvironment, textOf } from './support';

/**
 * Issue 10's "done when": axe (WCAG 2.0/2.1 A and AA) finds nothing on any page a demo user can
 * open, in German and in English, on a desktop and on a phone. The pages come from the app's
 * navigation and router, so a new page is scanned or this test says it is not.
 */
const root = path.resolve(import.meta.dirname, '../..');
const AXE = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [1400, 390] as const;
const LANGUAGES = ['de', 'en'] as const;
const ROLES = {
  admin: 'admin@ifk-saar.example',
  lead: 'miriam.kessler@ifk-saar.example',
  counsellor: 'aylin.demir@ifk-saar.example',
  dpo: 'thomas.weber@ifk-saar.example',
} as const;
type Language = (typeof LANGUAGES)[number];

interface Finding {
  rule: string;
  help: string;
  target: string;
  page: string;
  who: string;
  language: Language;
  width: number;
}

/**
 * How to reach each route of the router that is not a navigation destination. The list page a
 * detail route belongs to decides who can open it; `urls` finds records to open through the API.
 */
const detailRoutes: Record<string, { under: string; urls(api: APIRequestContext): Promise<string[]> }> = {
  'cases/new': { under: '/cases', urls: async () => ['/cases/new'] },
  'cases/import': { under: '/cases', urls: async () => ['/cases/import'] },
  'cases/:id': { under: '/cases', urls: async (api) => [`/cases/${await firstId(api, '/api/clients')}`] },
  'network/:id': {
    under: '/network',
    urls: async (api) => [`/network/${await firstId(api, '/api/institutions')}`],
  },
  'offers/:id': {
    under: '/offers',
    urls: async (api) => [`/offers/${await firstId(api, '/api/opportunities')}`],
  },
  // Each tab of the privacy page; a tab the user may not open leads to their first one.
  'privacy/:tab?': {
    under: '/privacy',
    urls: async () => ['retention', 'workspace', 'paperwork'].map((tab) => `/privacy/${tab}`),
  },
  'conferences/series': { under: '/conferences', urls: async () => ['/conferences/series'] },
  'conferences/report': { under: '/conferences', urls: async () => ['/conferences/report'] },
  'conferences/:id': {
    under: '/conferences',
    urls: async (api) => [`/conferences/${await aConference(api)}`],
  },
  // The demo's conference lies ahead: live mode shows it closed for entries (the lead and the
  // minute-taker, a counsellor, may open it).
  'conferences/:id/live': {
    under: '/conferences',
    urls: async (api) => [`/conferences/${await aConference(api)}/live`],
  },
  // Partners' own (no demo user is a partner yet; portal-commitments.test.ts scans it as one).
  'portal/commitments/:id': {
    under: '/portal/commitments',
    urls: async (api) => [`/portal/commitments/${await firstId(api, '/api/portal/commitments')}`],
  },
  // What an institution has seen: the first institution the lead and the dpo are offered.
  'partners/activity/:institutionId?': {
    under: '/partners/activity',
    urls: async (api) => {
      const offered = (await (await api.get('/api/partners/institutions')).json()) as { id: string }[];
      return offered[0] ? [`/partners/activity/${offered[0].id}`] : [];
    },
  },
  // A partner of several organisations picks one here; everyone else sees their one organisation.
  'choose-organisation': { under: '/', urls: async () => ['/choose-organisation'] },
  '*': { under: '/', urls: async () => ['/no-such-page'] },
};
/** Routes scanned outside the logged-in area (setup is closed once the demo organisation exists). */
const publicRoutes = ['/login', '/invite', '/setup', '/rsvp/:conferenceId/:token'];
/** The partner portal's routes: no demo user is a partner; tests/e2e/portal.test.ts scans them with one. */
const isPortalRoute = (p: string) => /^portal(\/|$)/.test(p);

async function firstId(api: APIRequestContext, list: string): Promise<string> {
  const answer = await api.get(`${list}?limit=1`);
  const body = (await answer.json()) as { items: { id: string }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`the demo has nothing in ${list}`);
  return id;
}

/**
 * A conference of the demo organisation to scan: the first there is, or else one planned here by
 * the lead (who is scanned before the counsellor) with an institution invited, so that its tabs
 * show something.
 */
async function aConference(api: APIRequestContext): Promise<string> {
  const list = (await (await api.get('/api/conferences?when=all&limit=1')).json()) as {
    items: { id: string }[];
  };
  if (list.items[0]) return list.items[0].id;
  const { csrfToken } = (await (await api.get('/api/auth/session')).json()) as SessionResponse;
  const headers = { 'x-csrf-token': csrfToken };
  const sectors = (await (await api.get('/api/sectors')).json()) as { id: string }[];
  const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const planned = await api.post('/api/conferences', {
    data: { title: 'Geberkonferenz (Barrierefreiheit)', sectorId: sectors[0]?.id, date, startTime: '10:00' },
    headers,
  });
  if (!planned.ok())
    throw new Error(`no conference to scan, and none can be planned: ${await planned.text()}`);
  const { id } = (await planned.json()) as { id: string };
  await api.post(`/api/conferences/${id}/invitations`, {
    data: { institutionId: await firstId(api, '/api/institutions') },
    headers,
  });
  return id;
}

/** The router's paths, read from its source so that a route added there cannot be skipped here. */
function routerPaths(): string[] {
  const source = fs.readFileSync(path.join(root, 'src/web/app/router.tsx'), 'utf8');
  const found = [...source.matchAll(/(?:path:\s*|guarded\(\s*)'([^']+)'/g)].map((m) => m[1] ?? '');
  if (found.length < 10) throw new Error('router.tsx changed shape: teach routerPaths() to read it');
  return found;
}

/** Runs axe on the page as it is and returns what it found, with where it was found. */
async function scan(page: Page, where: Omit<Finding, 'rule' | 'help' | 'target'>): Promise<Finding[]> {
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    // For contrast, the colours axe measured say more than the rule's help.
    const measured = (n: (typeof result.violations)[number]['nodes'][number]) => {
      const d = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
      return d?.fgColor ? ` (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : '';
    };
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({ rule: v.id, help: v.help + measured(n), target: n.target.join(' ') })),
    );
  }, TAGS);
  return violations.map((v) => ({ ...v, ...where }));
}

/**
 * Opens a page as a click on a link would, without reloading (axe stays loaded): the first time
 * with a page load, then through the router, which follows the history like the back button.
 */
async function visit(page: Page, url: string) {
  if (!(await page.evaluate(() => 'axe' in window).catch(() => false))) {
    await page.goto(url);
    await page.evaluate(AXE);
  } else {
    await page.evaluate((to) => {
      for (const h of document.querySelectorAll('h1')) h.setAttribute('data-left', '');
      const idx = (history.state?.idx ?? 0) + 1;
      history.pushState({ usr: null, key: `scan${idx}`, idx }, '', to);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    }, url);
  }
  await page
    .locator('h1:not([data-left])')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
}

/** Waits until no request has been open for 150 ms (Playwright's networkidle takes 500 and page loads only). */
function quietness(page: Page) {
  let open = 0;
  page.on('request', () => open++);
  // A request of the previous page may end after these listeners started: never count below zero.
  const done = () => {
    open = Math.max(0, open - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    const deadline = Date.now() + 10_000;
    for (let calm = 0; calm < 3 && Date.now() < deadline; calm = open === 0 ? calm + 1 : 0)
      await page.waitForTimeout(50);
  };
}

const dialogsSeen = new Set<string>();
/**
 * Opens each dialog of the page's header (new, edit, import …), scans it and closes it again. A
 * dialog is scanned once per language and width, by whichever role meets it first.
 */
async function scanDialogs(
  page: Page,
  url: string,
  where: Omit<Finding, 'rule' | 'help' | 'target' | 'page'>,
) {
  const findings: Finding[] = [];
  const buttons = page.locator('[data-page-actions] button:visible');
  for (let i = 0; i < (await buttons.count()); i++) {
    const name = ((await buttons.nth(i).textContent()) ?? '').trim();
    const seen = `${url.replace(/[0-9a-f-]{36}/, ':id')}|${name}|${where.language}|${where.width}`;
    if (dialogsSeen.has(seen)) continue;
    dialogsSeen.add(seen);
    await buttons.nth(i).click();
    const dialog = page.getByRole('dialog');
    if (
      !(await dialog.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      ))
    ) {
      // A menu (export) rather than a dialog: closed again, so that the page scan does not meet
      // it half-faded.
      await page.keyboard.press('Escape');
      await page
        .getByRole('menu')
        .waitFor({ state: 'detached', timeout: 3000 })
        .catch(() => undefined);
      continue;
    }
    await page.waitForTimeout(300); // the opening transition, whose half-faded text axe would measure
    findings.push(...(await scan(page, { ...where, page: `${url} › ${name} (dialog)` })));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
  }
  return findings;
}

/** Scans the page at both widths, and each of its tabs. */
async function scanPage(
  page: Page,
  url: string,
  where: Omit<Finding, 'rule' | 'help' | 'target' | 'width' | 'page'>,
) {
  const quiet = quietness(page);
  const findings: Finding[] = [];
  await visit(page, url);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await quiet();
    findings.push(...(await scan(page, { ...where, page: url, width })));
    findings.push(...(await scanDialogs(page, url, { ...where, width })));
    // Inner tab lists come after outer ones; an outer tab may lead elsewhere and take the inner
    // list with it (the privacy page's tasks and their parts), so the inner tabs go first.
    for (const name of (await page.getByRole('tab', { selected: false }).allInnerTexts()).reverse()) {
      await page.getByRole('tab', { name, exact: true }).first().click();
      await quiet();
      findings.push(...(await scan(page, { ...where, page: `${url} › ${name}`, width })));
    }
  }
  page.removeAllListeners('request');
  page.removeAllListeners('requestfinished');
  page.removeAllListeners('requestfailed');
  return findings;
}

/** A context logged in as the demo user, who uses Lotse in the given language. */
async function logInAs(context: BrowserContext, email: string, language: Language) {
  const login = await context.request.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  const session = (await login.json()) as SessionResponse;
  await context.request.patch('/api/auth/me', {
    data: { language },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  return session;
}

/** Prints the findings one a line, so a failure says what to fix where. */
function report(findings: Finding[]): string {
  return findings
    .map((f) => `${f.rule} | ${f.target} | ${f.page} | ${f.who} | ${f.language} | ${f.width}px | ${f.help}`)
    .join('\n');
}

const all: Finding[] = [];
afterAll(() => {
  const dir = path.join(root, 'tests/e2e/artifacts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'accessibility.json'), JSON.stringify(all, null, 1));
});

function expectNone(findings: Finding[]) {
  all.push(...findings);
  if (findings.length) console.log(report(findings));
  expect(findings.length, `axe found violations:\n${report(findings)}`).toBe(0);
}

describe('accessibility (axe, WCAG 2.1 A/AA) of every page, for every role, language and width', () => {
  const env = demoEnvironment();
  /** A browser for one user and language, whose relative addresses go to the demo server. */
  const newContext = (language: Language) =>
    env.browser.newContext({ baseURL: env.server.baseUrl, locale: language === 'de' ? 'de-DE' : 'en-GB' });
  /** Runs the steps in a fresh browser of the demo user, who uses Lotse in the language. */
  async function asUser(
    email: string,
    language: Language,
    steps: (page: Page, session: SessionResponse) => Promise<void>,
  ) {
    const context = await newContext(language);
    try {
      const session = await logInAs(context, email, language);
      await steps(await context.newPage(), session);
    } finally {
      await context.close();
    }
  }

  it('knows how to reach every route of the router', () => {
    const destinations = new Set(navigation.map((n) => n.to.replace(/^\//, '')));
    const unknown = routerPaths().filter(
      (p) =>
        p !== '/' &&
        !destinations.has(p) &&
        !(p in detailRoutes) &&
        !publicRoutes.includes(p) &&
        !isPortalRoute(p),
    );
    expect(unknown, 'routes without an accessibility scan: add them to detailRoutes').toEqual([]);
  });

  for (const [role, email] of Object.entries(ROLES)) {
    for (const language of LANGUAGES) {
      it(`finds nothing for the ${role} in ${language}`, { timeout: 300_000 }, () =>
        asUser(email, language, async (page, { user }) => {
          const mine = navigationFor(user);
          const urls = mine.map((n) => n.to);
          for (const detail of Object.values(detailRoutes))
            if (urls.includes(detail.under)) urls.push(...(await detail.urls(page.request)));
          const findings: Finding[] = [];
          for (const url of urls) findings.push(...(await scanPage(page, url, { who: role, language })));
          expectNone(findings);
        }),
      );
    }
  }

  it('gives each page its title, puts a skip link first and the focus on the heading after a click', () =>
    asUser(ROLES.lead, 'en', async (page) => {
      await page.goto('/cases');
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      await expect.poll(() => page.title()).toBe('Cases – Lotse');
      // A page load leaves the focus to the browser; the first Tab reaches the skip link.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
      await page.keyboard.press('Tab');
      await page.getByRole('link', { name: 'Skip to content' }).and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
      await page.getByRole('heading', { level: 1, name: 'Network' }).and(page.locator(':focus')).waitFor();
      await expect.poll(() => page.title()).toBe('Network – Lotse');
      await page.getByTestId('language-switch').getByText('DE').click();
      await expect.poll(() => page.title()).toBe('Netzwerk – Lotse');
    }));

  // /pathways is scanned with the navigation; its dialogs that no page header opens are scanned here.
  it(
    'finds nothing in a pathway read from the list, nor in applying one to a nurse case',
    { timeout: 120_000 },
    () =>
      asUser(ROLES.counsellor, 'de', async (page) => {
        const findings: Finding[] = [];
        const where = { who: 'counsellor', language: 'de' as const };
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await visit(page, '/pathways');
          await page.getByTestId('pathways').getByRole('button').first().click();
          await page.getByRole('dialog').waitFor();
          await page.waitForTimeout(300);
          findings.push(...(await scan(page, { ...where, width, page: '/pathways › a pathway (dialog)' })));
          await page.keyboard.press('Escape');
        }
        const cases = (await (await page.request.get('/api/clients?limit=100')).json()) as {
          items: { id: string }[];
        };
        let nurseCase = '';
        for (const c of cases.items) {
          const offers = (await (await page.request.get(`/api/clients/${c.id}/pathways`)).json()) as {
            following: unknown;
          }[];
          // A case not yet following it: its card has the Apply button.
          if (offers.some((o) => !o.following)) {
            nurseCase = c.id;
            break;
          }
        }
        expect(nurseCase, 'the demo has a case its nurses’ pathway is offered to').not.toBe('');
        await visit(page, `/cases/${nurseCase}?tab=plan`);
        await page.getByTestId('case-pathways').getByRole('button').first().click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(300);
        findings.push(
          ...(await scan(page, {
            ...where,
            width: 390,
            page: '/cases/:id › plan › apply a pathway (dialog)',
          })),
        );
        expectNone(findings);
      }),
  );

  it('shows the audit log in words: translated, with names instead of ids', () =>
    asUser(ROLES.admin, 'de', async (page) => {
      await page.goto('/audit?action=user.roles_changed');
      await page.getByTestId('audit-table').waitFor();
      await page.waitForLoadState('networkidle');
      await page.goto('/audit');
      const table = page.getByTestId('audit-table');
      await textOf(table, 'Protokoll gelesen');
      const text = (await table.textContent()) ?? '';
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      expect(text).not.toContain('{"');
      // The search just made, as a line of words: its filter, translated.
      expect(text).toContain('Aktion: Rollen geändert');
    }));

  it('finds nothing on the public pages', { timeout: 120_000 }, async () => {
    const admin = await newContext('en');
    const session = await logInAs(admin, ROLES.admin, 'en');
    const invited = await admin.request.post('/api/users', {
      data: { email: 'new.colleague@ifk-saar.example', name: 'New Colleague', roles: ['counsellor'] },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    const { inviteLink } = (await invited.json()) as { inviteLink: string };
    await admin.close();
    const findings: Finding[] = [];
    for (const language of LANGUAGES) {
      const context = await newContext(language);
      const page = await context.newPage();
      // The answer page of a conference invitation, with a link that does not work.
      const rsvp = '/rsvp/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/not-a-real-token-at-all';
      for (const url of ['/login', inviteLink, rsvp])
        findings.push(...(await scanPage(page, url, { who: 'public', language })));
      await context.close();
    }
    expectNone(findings.map((f) => ({ ...f, page: f.page.replace(/^.*\/invite#.*/, '/invite#…') })));
  });
});
