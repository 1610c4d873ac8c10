/**
 * The conference report as a PDF (pdfmake): the cover lines, every table, and the commitments per
 * institution as stacked bars drawn as vector shapes. A state is told by its colour and its
 * pattern (stripes, dots, hatching), so a black-and-white print still tells them apart; the table above the
 * chart has the numbers.
 */
import {
  type CommitmentState,
  type ConferenceReport,
  commitmentStates,
} from '../../contracts/conference-report';
import { pdfHeading, pdfTable } from '../lib/doc-tables';
import { pageDefaults } from '../lib/pdf';
import { coverLines, type ReportTable } from './report-tables';
import type { ReportTexts } from './report-texts';

/** Colours with at least 3:1 against white (WCAG 1.4.11), and a pattern for every state but the first (as on the web). */
type Pattern = 'none' | 'vertical' | 'horizontal' | 'dots' | 'diagonal';
const look: Record<CommitmentState, { color: string; pattern: Pattern }> = {
  doneOnTime: { color: '#2b8a3e', pattern: 'none' },
  doneLate: { color: '#a35200', pattern: 'vertical' },
  openNotDue: { color: '#1864ab', pattern: 'dots' },
  overdue: { color: '#c92a2a', pattern: 'horizontal' },
  dropped: { color: '#495057', pattern: 'diagonal' },
};

const BAR = 12;
const WIDTH = 420;

/** One segment of a bar: its box and the white lines or dots of its pattern, kept inside it. */
function segment(state: CommitmentState, x: number, w: number): unknown[] {
  const { color, pattern } = look[state];
  const shapes: unknown[] = [
    { type: 'rect', x, y: 0, w, h: BAR, color, lineColor: '#ffffff', lineWidth: 0.5 },
  ];
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line',
    x1,
    y1,
    x2,
    y2,
    lineWidth: 1,
    lineColor: '#ffffff',
  });
  if (pattern === 'vertical') for (let p = x + 3; p < x + w - 1; p += 4) shapes.push(line(p, 1, p, BAR - 1));
  if (pattern === 'horizontal')
    for (let p = 3; p < BAR - 1; p += 3) shapes.push(line(x + 1, p, x + w - 1, p));
  if (pattern === 'diagonal')
    // Lines rising at 45°, cut at the segment's edges (pdfmake has no clipping).
    for (let p = x - BAR; p < x + w; p += 4) {
      const x1 = Math.max(p, x);
      const x2 = Math.min(p + BAR, x + w);
      if (x2 > x1) shapes.push(line(x1, BAR - (x1 - p), x2, BAR - (x2 - p)));
    }
  if (pattern === 'dots')
    for (let p = x + 2.5; p < x + w - 1.5; p += 4)
      for (const y of [3, 6, 9])
        shapes.push({ type: 'ellipse', x: p, y, r1: 0.8, r2: 0.8, color: '#ffffff' });
  return shapes;
}

function bar(counts: Record<CommitmentState, number>, max: number) {
  let x = 0;
  const shapes: unknown[] = [];
  for (const s of commitmentStates) {
    const w = max > 0 ? (counts[s] / max) * WIDTH : 0;
    if (w > 0) shapes.push(...segment(s, x, w));
    x += w;
  }
  return { canvas: shapes.length ? shapes : [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0 }] };
}

function chart(r: ConferenceReport, t: ReportTexts) {
  const rows = r.commitmentsByInstitution;
  const max = Math.max(0, ...rows.map((x) => x.made));
  const legend = {
    columns: commitmentStates.map((s) => ({
      width: 'auto',
      columns: [
        { width: 14, canvas: segment(s, 0, 12) },
        { width: 'auto', text: t.states[s], fontSize: 8, margin: [2, 1, 8, 0] },
      ],
    })),
    margin: [0, 0, 0, 6],
  };
  const body = rows.map((x) => [
    { text: x.institution.name, fontSize: 9 },
    bar(x, max),
    { text: String(x.made), alignment: 'right' },
  ]);
  return [legend, { table: { widths: [160, WIDTH, '*'], body }, layout: 'noBorders' }];
}

export function reportDocument(
  r: ConferenceReport,
  tables: ReportTable[],
  t: ReportTexts,
  organisation: string,
) {
  const [totals, ...rest] = tables;
  const commitmentsAt = rest.findIndex((x) => x.sheet === t.sheets.commitments);
  return {
    ...pageDefaults,
    // Landscape: the commitments and pathways tables have seven columns of figures and words.
    pageOrientation: 'landscape',
    info: { title: t.title, creator: 'Lotse' },
    footer: (page: number, pages: number) => ({
      text: `${t.title} · ${page} / ${pages}`,
      fontSize: 8,
      color: '#555',
      margin: [50, 10, 50, 0],
    }),
    content: [
      { text: t.title, fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      { table: { widths: [120, '*'], body: coverLines(r, t, organisation) }, layout: 'noBorders' },
      { text: t.privacy, fontSize: 8, color: '#555', margin: [0, 6, 0, 0] },
      ...(r.empty ? [{ text: t.empty, bold: true, margin: [0, 12, 0, 0] }] : []),
      ...(totals ? [pdfHeading(totals.title), ...pdfTable(totals, t.none)] : []),
      ...rest.flatMap((x, i) => [
        pdfHeading(x.title),
        ...pdfTable(x, t.none),
        ...(i === commitmentsAt && x.rows.length > 0 ? [pdfHeading(t.sections.chart), ...chart(r, t)] : []),
      ]),
      pdfHeading(t.sections.definitions),
      ...t.definitions.map(([term, meaning]) => ({
        text: [{ text: `${term}: `, bold: true }, meaning],
        fontSize: 9,
        margin: [0, 0, 0, 4],
      })),
    ],
  };
}
