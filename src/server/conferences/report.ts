/**
 * The conference report: what the conferences of a scope achieved, for the lead, the steering
 * group and the funder. Counts only — no name, case code or client id — so reading it is no read of
 * anyone's personal data; giving it out as a document is audited (report-export.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { ConferenceReport, ConferenceReportQuery } from '../../contracts/conference-report';
import { conferenceStatusSchema } from '../../contracts/conferences';
import type { AppContext } from '../context';
import { conferenceSeries, conferences } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { addDays, addMonths, todayInGermany } from '../lib/calendar';
import { invalidField, notFound } from '../lib/errors';
import { wallClock } from '../lib/zoned-time';
import { oneConferenceSql, periodSql, reportFigures, type ScopeSql } from './report-sql';

const iso = (v: string | Date) => new Date(v).toISOString();
const ref = (c: { id: string; title: string; startsAt: string | Date }) => ({
  id: c.id,
  title: c.title,
  startsAt: iso(c.startsAt),
});

type Scope = ConferenceReport['scope'] & { where: ScopeSql };

/** The scope asked for, checked: the conference or series of the caller's organisation (else 404). */
async function resolveScope(ctx: AppContext, actor: Actor, q: ConferenceReportQuery): Promise<Scope> {
  if (q.conferenceId) {
    const [c] = await ctx.db
      .select()
      .from(conferences)
      .where(and(eq(conferences.id, q.conferenceId), eq(conferences.organisationId, actor.organisationId)));
    if (!c) throw notFound('conference');
    const day = wallClock(c.startsAt, c.timeZone).date;
    return {
      kind: 'conference',
      conference: ref(c),
      series: null,
      from: day,
      to: day,
      where: oneConferenceSql(c.id),
    };
  }
  // The last twelve months up to today unless the period is named; from a named end, the twelve before it.
  const to = q.to ?? todayInGermany();
  const from = q.from ?? addDays(addMonths(to, -12), 1);
  if (from > to) throw invalidField('from', 'the period ends before it begins');
  if (!q.seriesId) {
    return {
      kind: 'organisation',
      conference: null,
      series: null,
      from,
      to,
      where: periodSql(from, to, null),
    };
  }
  const [s] = await ctx.db
    .select({ id: conferenceSeries.id, title: conferenceSeries.title })
    .from(conferenceSeries)
    .where(
      and(eq(conferenceSeries.id, q.seriesId), eq(conferenceSeries.organisationId, actor.organisationId)),
    );
  if (!s) throw notFound('series');
  return { kind: 'series', conference: null, series: s, from, to, where: periodSql(from, to, s.id) };
}

/** The report of a scope, as the web shows it and the documents print it. Leads only. */
export async function conferenceReport(
  ctx: AppContext,
  actor: Actor,
  q: ConferenceReportQuery,
): Promise<ConferenceReport> {
  assertCan(actor, 'conferences.report');
  const { where, ...scope } = await resolveScope(ctx, actor, q);
  const asOf = todayInGermany();
  const f = await reportFigures(ctx.db, actor.organisationId, where, asOf);
  const none = { made: 0, doneOnTime: 0, doneLate: 0, openNotDue: 0, overdue: 0, dropped: 0 };
  return {
    scope,
    generatedAt: new Date().toISOString(),
    asOf,
    empty: f.conferences.length === 0,
    totals: { ...f.totals, commitments: f.commitmentTotals ?? none },
    conferences: f.conferences.map((c) => ({
      ...c,
      ...ref(c),
      status: conferenceStatusSchema.parse(c.status),
    })),
    commitmentsByInstitution: f.commitmentsByInstitution,
    casesByInstitution: f.casesByInstitution.map((c) => ({
      institution: c.institution,
      casesDiscussed: c.casesDiscussed,
      casesMovedOn: c.casesMovedOn,
    })),
    pathways: f.pathways.map((p) => ({ ...p, adoptedAt: p.adoptedAt ? ref(p.adoptedAt) : null })),
  };
}
