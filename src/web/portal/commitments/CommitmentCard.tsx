import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalCommitment } from '../../../contracts/portal';
import { formatDate } from '../../ui/format';
import { caseOf, conferenceOf, DueLine, ReportedLine, responsibleOf, StatusBadge } from './parts';

/**
 * One commitment of the list, on a phone and on a wide screen alike: what was promised (a link to
 * the commitment), by when — overdue said in words —, for which case of which conference, who is
 * responsible, the latest word on progress, and the "Report" button of an open one.
 */
export function CommitmentCard({ c, report }: { c: PortalCommitment; report: ReactNode }) {
  const { t } = useTranslation('portalCommitments');
  const responsible = responsibleOf(c);
  return (
    <Paper withBorder p="md" radius="md" component="article" data-testid="portal-commitment">
      <Stack gap={6}>
        <Group>
          <StatusBadge c={c} />
        </Group>
        <Title order={2} size="h5" style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
          <Anchor component={Link} to={`/portal/commitments/${c.id}`} inherit lineClamp={4}>
            {c.action}
          </Anchor>
        </Title>
        <DueLine c={c} />
        <Text size="sm">
          {caseOf(t, c)} · {conferenceOf(t, c)}
        </Text>
        {responsible && <Text size="sm">{t('responsible', { name: responsible })}</Text>}
        {c.progressNote && (
          <Text size="sm" lineClamp={3} data-testid="progress">
            {t('progress', { date: formatDate(c.progressAt), note: c.progressNote })}
          </Text>
        )}
        <ReportedLine c={c} />
        {report && <Group justify="flex-end">{report}</Group>}
      </Stack>
    </Paper>
  );
}
