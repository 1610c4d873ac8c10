import { Box, Text } from '@mantine/core';
import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** null when the figure is hidden: no bar is drawn (a gap), `text` says "< 5" or "•". */
  value: number | null;
  text: string;
}

const ROW = 44;
const BAR = 18;
/** 7:1 against white (WCAG 1.4.11 asks 3:1 for the parts of a chart). */
const FILL = '#1864ab';
const INK = '#212529';

/**
 * Horizontal bars, one per row (plain SVG, one picture with a spoken summary; the table below has
 * the numbers). Each bar is as long as its value relative to the largest; the name sits above its
 * bar and the figure at the right, so that it reads at 390 px as well.
 */
export function BarChart({
  title,
  summary,
  bars,
  testId,
}: {
  title: string;
  summary: string;
  bars: Bar[];
  testId?: string;
}) {
  const id = useId().replace(/:/g, '');
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <Box data-testid={testId}>
      {/* Seen above the picture; heard once, as the picture's name. */}
      <Text size="sm" fw={600} mb={6} aria-hidden="true">
        {title}
      </Text>
      <svg
        width="100%"
        height={bars.length * ROW}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        style={{ display: 'block' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {bars.map((b, i) => (
          <g key={b.key} transform={`translate(0 ${i * ROW})`}>
            {/* A long name is cut before the figure (an inner svg clips it); the table has it whole. */}
            <svg width="80%" height={20} role="presentation">
              <text x={0} y={14} fontSize={14} fill={INK}>
                {b.label}
              </text>
            </svg>
            <text x="100%" y={14} fontSize={14} fill={INK} textAnchor="end">
              {b.text}
            </text>
            {b.value !== null && b.value > 0 && (
              <rect x={0} y={20} width={`${(b.value / max) * 100}%`} height={BAR} fill={FILL} />
            )}
          </g>
        ))}
      </svg>
    </Box>
  );
}
