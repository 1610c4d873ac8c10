import { Badge, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { reasonSchema } from '../../contracts/measures';
import { enumLabel } from '../ui/labels';

export type Reason = z.infer<typeof reasonSchema>;

/** A reason of a suggestion in words: what fits, or what stands in the way. */
export function reasonLabel(t: TFunction, r: Reason): string {
  const detail =
    r.code === 'compensation'
      ? (r.detail ?? '')
          .split(',')
          .map((c) => enumLabel(t, 'compensation', c))
          .join(', ')
      : r.code === 'funding'
        ? (r.detail ?? '')
            .split(',')
            .map((c) => enumLabel(t, 'fundingType', c))
            .join(', ')
        : r.code === 'stage_fits'
          ? enumLabel(t, 'stage', r.detail)
          : (r.detail ?? '');
  return t(`match.${r.code}`, { detail, defaultValue: r.code });
}

/** Long reasons wrap inside their badge instead of widening the page on a phone. */
const wrapping = { root: { height: 'auto' }, label: { whiteSpace: 'normal' as const } };

export function Reasons({ reasons, warnings }: { reasons: Reason[]; warnings: Reason[] }) {
  const { t } = useTranslation('measures');
  return (
    <Group gap={4} mt={4}>
      {reasons.map((r) => (
        <Badge key={`r-${r.code}`} color="green" variant="light" tt="none" maw="100%" styles={wrapping}>
          {reasonLabel(t, r)}
        </Badge>
      ))}
      {warnings.map((r) => (
        <Badge key={`w-${r.code}`} color="orange" variant="light" tt="none" maw="100%" styles={wrapping}>
          {reasonLabel(t, r)}
        </Badge>
      ))}
    </Group>
  );
}
