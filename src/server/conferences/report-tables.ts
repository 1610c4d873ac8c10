/**
 * The report as titled tables of cells, once, for both documents: the PDF prints them, the XLSX
 * gives each its sheet. Counts stay numbers (a spreadsheet sums them); words come from report-texts.
 */
import { type ConferenceReport, commitmentStates } from '../../contracts/conference-report';
import type { DocCell as Cell, DocTable as ReportTable } from '../lib/doc-tables';
import { wallClock } from '../lib/zoned-time';
import type { ReportTexts } from './report-texts';

export type { ReportTable };

/** The local date of a conference, as the report's language writes it. */
const dayOf = (t: ReportTexts, startsAt: string) =>
  t.day(wallClock(new Date(startsAt), 'Europe/Berlin').date);

/** The lines that say what the report covers: scope, period, when it was made, on which day it counts. */
export function coverLines(r: ConferenceReport, t: ReportTexts, organisation: string): [string, string][] {
  const { scope } = r;
  const what =
    scope.kind === 'conference'
      ? t.scopes.conference(scope.conference?.title ?? '')
      : scope.kind === 'series'
        ? t.scopes.series(scope.series?.title ?? '')
        : t.scopes.organisation;
  const generated = wallClock(new Date(r.generatedAt), 'Europe/Berlin');
  return [
    [t.organisation, organisation],
    [t.scope, what],
    [t.period, scope.from === scope.to ? t.day(scope.from) : `${t.day(scope.from)} – ${t.day(scope.to)}`],
    [t.generatedAt, `${t.day(generated.date)} ${generated.time}`],
    [t.asOf, t.day(r.asOf)],
  ];
}

export function reportTables(r: ConferenceReport, t: ReportTexts): ReportTable[] {
  const c = t.columns;
  const states = commitmentStates.map((s) => t.states[s]);
  const totals = r.totals;
  return [
    {
      sheet: t.sheets.totals,
      title: t.sections.totals,
      head: ['', ''],
      rows: [
        [t.figures.conferences, totals.conferences],
        [t.figures.conferencesHeld, totals.conferencesHeld],
        [t.figures.casesDiscussed, totals.casesDiscussed],
        [t.figures.casesMovedOn, totals.casesMovedOn],
        [t.figures.made, totals.commitments.made],
        ...commitmentStates.map((s): Cell[] => [t.states[s], totals.commitments[s]]),
      ],
    },
    {
      sheet: t.sheets.conferences,
      title: t.sections.conferences,
      head: [
        c.conference,
        c.date,
        c.status,
        t.figures.casesDiscussed,
        t.figures.casesMovedOn,
        t.figures.made,
      ],
      rows: r.conferences.map((x) => [
        x.title,
        dayOf(t, x.startsAt),
        t.statuses[x.status],
        x.casesDiscussed,
        x.casesMovedOn,
        x.commitmentsMade,
      ]),
    },
    {
      sheet: t.sheets.commitments,
      title: t.sections.commitments,
      head: [c.institution, t.figures.made, ...states],
      rows: r.commitmentsByInstitution.map((x) => [
        x.institution.name,
        x.made,
        ...commitmentStates.map((s) => x[s]),
      ]),
      total: ['Σ', totals.commitments.made, ...commitmentStates.map((s) => totals.commitments[s])],
    },
    {
      sheet: t.sheets.cases,
      title: t.sections.cases,
      head: [c.institution, t.figures.casesDiscussed, t.figures.casesMovedOn],
      rows: r.casesByInstitution.map((x) => [x.institution.name, x.casesDiscussed, x.casesMovedOn]),
    },
    {
      sheet: t.sheets.pathways,
      title: t.sections.pathways,
      head: [
        c.pathway,
        c.occupationGroup,
        c.adoptedAt,
        c.casesFollowing,
        c.stepsDone,
        c.stepsTotal,
        c.casesCompleted,
      ],
      rows: r.pathways.map((p) => [
        p.title,
        p.occupationGroup,
        p.adoptedAt ? `${p.adoptedAt.title} (${dayOf(t, p.adoptedAt.startsAt)})` : '–',
        p.casesFollowing,
        p.stepsDone,
        p.stepsTotal,
        p.casesCompleted,
      ]),
    },
  ];
}
