import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/errors';
import { Pager, useList } from '../../ui/list';
import { PageHeader } from '../../ui/PageHeader';
import { portalCommitmentListQuery } from './api';
import { CommitmentCard } from './CommitmentCard';
import { useReport } from './ReportDialog';

const shows = ['open', 'overdue', 'done', 'all'] as const;
type Show = (typeof shows)[number];
const showOf = (value: string | null): Show => shows.find((s) => s === value) ?? 'open';

/**
 * The institution's commitments: open ones first (overdue at the top), or the overdue, done or all
 * of them — the choice is kept in the address. Each is a card with its "Report" button.
 */
export function PortalCommitmentsPage() {
  const { t } = useTranslation('portalCommitments');
  const id = useId();
  const list = useList({
    query: portalCommitmentListQuery,
    filters: (get) => ({ status: showOf(get('status')) }),
    pageSize: 20,
  });
  const show = showOf(list.params.get('status'));
  const report = useReport();
  return (
    <Stack>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${id}-show`}>
          {t('page.show')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${id}-show`}
          data={shows.map((s) => ({ value: s, label: t(`show.${s}`) }))}
          value={show}
          onChange={(v) => list.params.set('status', v === 'open' ? null : v)}
          fullWidth
          maw={560}
          data-testid="show"
        />
      </Stack>
      <ErrorAlert error={list.error} />
      {list.data === undefined && !list.error && (
        <Text c="dimmed" size="sm">
          {t('page.loading')}
        </Text>
      )}
      {list.data?.items.length === 0 && <Text c="dimmed">{t(`page.none.${show}`)}</Text>}
      <Stack gap="sm" maw={760} data-testid="portal-commitments">
        {list.items.map((c) => (
          <CommitmentCard key={c.id} c={c} report={report.button(c)} />
        ))}
      </Stack>
      <Pager list={list} />
      <Text size="xs" c="dimmed" maw={760}>
        {t('page.privacy')}
      </Text>
      {report.dialog}
    </Stack>
  );
}
