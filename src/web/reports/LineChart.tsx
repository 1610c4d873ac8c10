import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';

export interface Point {
  key: string;
  /** The short name on the axis (a month). */
  label: string;
  /** null when the figure is hidden: the line breaks there (a gap). */
  value: number | null;
}

const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };
const LINE = '#1864ab';
const INK = '#212529';
const GRID = '#dee2e6';

/** The axis' top: a round number at or above the largest value. */
function niceMax(max: number) {
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/**
 * A figure over time (plain SVG, drawn at the width it gets, so its words keep their size on a
 * phone): a line through the shown values, broken where a value is hidden, with a dot on each.
 * One picture with a spoken summary; the numbers are in the tables.
 */
export function LineChart({
  title,
  summary,
  points,
  locale,
  testId,
}: {
  title: string;
  summary: string;
  points: Point[];
  locale: string;
  testId?: string;
}) {
  const id = useId().replace(/:/g, '');
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, measured || 600);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceMax(Math.max(0, ...points.map((p) => p.value ?? 0)));
  const x = (i: number) => MARGIN.left + (points.length < 2 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  // Runs of shown values, each drawn as one line; a hidden value ends a run.
  const runs: { i: number; v: number }[][] = [[]];
  points.forEach((p, i) => {
    if (p.value === null) runs.push([]);
    else runs[runs.length - 1]?.push({ i, v: p.value });
  });
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotW / 56))));
  return (
    <Box ref={ref} data-testid={testId}>
      {/* Seen above the picture; heard once, as the picture's name. */}
      <Text size="sm" fw={600} mb={6} aria-hidden="true">
        {title}
      </Text>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        style={{ display: 'block', maxWidth: '100%' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} stroke={GRID} />
            <text x={MARGIN.left - 6} y={y(v) + 4} fontSize={12} fill={INK} textAnchor="end">
              {v.toLocaleString(locale)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text
              key={p.key}
              x={x(i)}
              y={HEIGHT - 8}
              fontSize={12}
              fill={INK}
              // The last month's name ends at the edge rather than running over it.
              textAnchor={i === points.length - 1 && points.length > 1 ? 'end' : 'middle'}
            >
              {p.label}
            </text>
          ) : null,
        )}
        {runs
          .filter((run) => run.length > 1)
          .map((run) => (
            <polyline
              key={run[0]?.i}
              points={run.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
              fill="none"
              stroke={LINE}
              strokeWidth={2.5}
            />
          ))}
        {runs.flat().map((p) => (
          <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={3.5} fill={LINE} />
        ))}
      </svg>
    </Box>
  );
}
