import { Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CommitmentCounts,
  type CommitmentState,
  commitmentStates,
} from '../../../contracts/conference-report';

/**
 * Colours with at least 3:1 against white and against the white gaps between segments (WCAG
 * 1.4.11), and a white pattern on all but the first, so that no state is told by colour alone;
 * the legend shows the same swatches, and the table below the chart has the numbers.
 */
const look: Record<CommitmentState, { color: string; pattern: string | null }> = {
  doneOnTime: { color: '#2b8a3e', pattern: null },
  doneLate: { color: '#a35200', pattern: 'M3 0V8' },
  openNotDue: { color: '#1864ab', pattern: 'M2 2h1v1h-1zM6 6h1v1h-1z' },
  overdue: { color: '#c92a2a', pattern: 'M0 3H8' },
  dropped: { color: '#495057', pattern: 'M0 8L8 0M-1 1L1 -1M7 9L9 7' },
};

/** A state's fill: its colour, with its white pattern on top. */
function Fill({ id, state }: { id: string; state: CommitmentState }) {
  const { color, pattern } = look[state];
  return (
    <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse">
      <rect width={8} height={8} fill={color} />
      {pattern && <path d={pattern} stroke="#fff" strokeWidth={1.5} fill="#fff" />}
    </pattern>
  );
}

const ROW = 44;
const BAR = 18;

export interface ChartRow extends CommitmentCounts {
  institution: { id: string; name: string };
}

/**
 * Commitments per institution as stacked bars (plain SVG, one picture with a spoken summary). Each
 * bar is as long as the institution's commitments relative to the largest; its segments are the
 * states in a fixed order. Names sit above the bars, so the chart reads at 390 px as well.
 */
export function CommitmentChart({ rows, totals }: { rows: ChartRow[]; totals: CommitmentCounts }) {
  const { t } = useTranslation('conferences');
  const prefix = useId().replace(/:/g, '');
  const max = Math.max(1, ...rows.map((r) => r.made));
  const summary = t('report.chart.summary', { institutions: rows.length, ...totals });
  return (
    <Stack gap="xs" data-testid="commitment-chart">
      <Group gap="md" aria-hidden="true">
        {commitmentStates.map((s) => (
          <Group key={s} gap={6} wrap="nowrap">
            <svg width={16} height={16} role="presentation">
              <defs>
                <Fill id={`${prefix}-legend-${s}`} state={s} />
              </defs>
              <rect width={16} height={16} fill={`url(#${prefix}-legend-${s})`} />
            </svg>
            <Text size="sm">{t(`report.states.${s}`)}</Text>
          </Group>
        ))}
      </Group>
      <svg
        width="100%"
        height={rows.length * ROW}
        role="img"
        aria-labelledby={`${prefix}-title`}
        aria-describedby={`${prefix}-desc`}
        style={{ display: 'block' }}
      >
        <title id={`${prefix}-title`}>{t('report.chart.title')}</title>
        <desc id={`${prefix}-desc`}>{summary}</desc>
        <defs>
          {commitmentStates.map((s) => (
            <Fill key={s} id={`${prefix}-${s}`} state={s} />
          ))}
        </defs>
        {rows.map((r, i) => {
          let at = 0;
          return (
            <g key={r.institution.id} transform={`translate(0 ${i * ROW})`}>
              {/* A long name is cut before the count (an inner svg clips what overflows it); the table has it whole. */}
              <svg width="88%" height={20} role="presentation">
                <text x={0} y={14} fontSize={14} fill="#212529">
                  {r.institution.name}
                </text>
              </svg>
              <text x="100%" y={14} fontSize={14} fill="#212529" textAnchor="end">
                {r.made}
              </text>
              {commitmentStates.map((s) => {
                const width = (r[s] / max) * 100;
                const x = at;
                at += width;
                return width > 0 ? (
                  <rect
                    key={s}
                    x={`${x}%`}
                    y={20}
                    width={`${width}%`}
                    height={BAR}
                    fill={`url(#${prefix}-${s})`}
                    stroke="#fff"
                    strokeWidth={1}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
    </Stack>
  );
}
