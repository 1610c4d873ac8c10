import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import {
  type BriefPreview,
  briefPreview as briefPreviewSchema,
  type Conference,
  conference as conferenceSchema,
  type Nomination,
  type RsvpView,
  rsvpView as rsvpViewSchema,
} from '../../src/contracts/conferences';

/**
 * Answers of the conference API that the web pages use before the server gives them (nominations,
 * agenda, packs and the RSVP are built beside the pages): written from the contract and checked
 * against it, so that a page tested with them works with the server that keeps the contract.
 */

/** A nominated case needing these institutions, each receiving what `levels` says. */
export function nominationOf(
  label: string,
  institutions: { id: string; name: string; level?: 'identified' | 'pseudonymised' | 'none' }[],
  position: number,
): Nomination {
  return {
    id: randomUUID(),
    client: { id: randomUUID(), label, caseCode: `PF-${position}`, visible: true },
    nominatedBy: { id: randomUUID(), name: 'Aylin Demir' },
    question: `Welcher Weg führt ${label} in die Pflege?`,
    brief: null,
    anonymised: false,
    minutes: null,
    position,
    recipients: institutions.map((i) => ({
      institution: { id: i.id, name: i.name },
      level: i.level ?? 'pseudonymised',
      consentId: i.level === 'none' ? null : randomUUID(),
      reason: i.level === 'none' ? 'not_named' : null,
    })),
    agreedBeforehand: [],
    writtenInputs: [],
    rare: false,
    version: 1,
  };
}

/** The conference with these nominations in this order, its agenda as the server would compute it. */
export function withNominations(
  c: Conference,
  nominations: Nomination[],
  version = c.version + 1,
): Conference {
  const ordered = nominations.map((n, position) => ({ ...n, position }));
  let at = Date.parse(c.startsAt);
  const item = (n: Nomination | null, minutes: number) => {
    const i = {
      kind: n ? ('case' as const) : ('commitments' as const),
      nominationId: n?.id ?? null,
      startsAt: new Date(at).toISOString(),
      minutes,
      institutionIds: n ? n.recipients.map((r) => r.institution.id) : [],
    };
    at += minutes * 60_000;
    return i;
  };
  const items = [
    item(null, c.openCommitmentsMinutes),
    ...ordered.map((n) => item(n, n.minutes ?? c.minutesPerCase)),
  ];
  const totalMinutes = items.reduce((s, i) => s + i.minutes, 0);
  return conferenceSchema.parse({
    ...c,
    nominations: ordered,
    agenda: {
      items,
      totalMinutes,
      overBy: Math.max(0, totalMinutes - c.durationMinutes),
      sittingMinutes: 0,
    },
    version,
  });
}

/** What an institution would receive, checked against the contract. */
export const briefsOf = (preview: BriefPreview) => briefPreviewSchema.parse(preview);

/** The public RSVP view of an invitation, checked against the contract. */
export const rsvpOf = (view: RsvpView) => rsvpViewSchema.parse(view);

/**
 * Answers the conference's own address (GET) with `current()`, and the requests `handle` takes
 * (method and path after the conference's address) with what it returns; records every body sent.
 */
export async function answerConference(
  page: Page,
  id: string,
  current: () => Conference,
  handle: (method: string, rest: string, body: unknown) => unknown,
) {
  const sent: { method: string; rest: string; body: unknown }[] = [];
  await page.route(
    (url) => url.pathname.startsWith(`/api/conferences/${id}`),
    async (route: Route) => {
      const request = route.request();
      const rest = new URL(request.url()).pathname.slice(`/api/conferences/${id}`.length);
      const body = request.postDataJSON() as unknown;
      if (request.method() !== 'GET') sent.push({ method: request.method(), rest, body });
      const answer =
        request.method() === 'GET' && rest === '' ? current() : handle(request.method(), rest, body);
      if (answer === undefined) return route.fallback();
      await route.fulfill({ json: answer });
    },
  );
  return sent;
}

const AXE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

/** What axe (WCAG 2.1 A and AA) finds on the page as it is now: rule and element, one a line. */
export async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
