import { Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { carriedOverQuery } from './api';
import { useReportAction } from './CommitmentsTable';
import { caseLabel, StatusBadge } from './cells';

/**
 * The agenda's first item: the commitments still open from the series' earlier conferences. They
 * are not copied: one reported done leaves every later agenda at once.
 */
export function CarriedOver({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('commitments');
  const carried = useQuery({ ...carriedOverQuery(c.id), enabled: Boolean(c.seriesId) });
  const report = useReportAction();
  if (!c.seriesId)
    return (
      <Text size="xs" c="dimmed">
        {t('carried.noSeries')}
      </Text>
    );
  if (carried.error) return <ErrorAlert error={carried.error} />;
  if (!carried.data) return <Loader size="xs" aria-label={t('carried.loading')} />;
  if (carried.data.length === 0)
    return (
      <Text size="xs" c="dimmed" data-testid="carried-over-none">
        {t('carried.none')}
      </Text>
    );
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="carried-over">
      {carried.data.map((x) => (
        <Stack key={x.id} component="li" gap={2}>
          <Group gap="xs" wrap="wrap">
            <StatusBadge c={x} />
            <Text size="sm" fw={500}>
              {x.institution.name}
            </Text>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere', hyphens: 'auto' }}>
            {x.action}
          </Text>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('fields.dueDate')} {formatDate(x.dueDate)} · {caseLabel(t, x)} ·{' '}
              {t('carried.from', { conference: x.conference.title })}
            </Text>
            {report.button(x)}
          </Group>
        </Stack>
      ))}
      {report.dialog()}
    </Stack>
  );
}
