import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/http';
import { ErrorAlert } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { listHref } from '../../ui/list';
import { PageLoader } from '../../ui/PageLoader';
import { portalCommitmentQuery } from './api';
import { caseOf, conferenceOf, DueLine, ReportedLine, responsibleOf, StatusBadge } from './parts';
import { useReport } from './ReportDialog';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </Stack>
  );
}

/**
 * One commitment of the institution — where the link of a reminder mail leads (after login, the
 * user comes back here) — with its "Report" button. One the portal may not show (any more) says so.
 */
export function PortalCommitmentPage() {
  const { t } = useTranslation('portalCommitments');
  const { id = '' } = useParams();
  const found = useQuery(portalCommitmentQuery(id));
  const report = useReport();
  const back = (
    <Anchor component={Link} to={listHref('/portal/commitments')} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('back')}
      </Group>
    </Anchor>
  );
  if (found.error)
    return (
      <Stack maw={760}>
        {back}
        {found.error instanceof ApiError && found.error.status === 404 ? (
          <Alert color="gray" title={t('errors.not_found')} data-testid="commitment-gone">
            {t('gone')}
          </Alert>
        ) : (
          <ErrorAlert error={found.error} />
        )}
      </Stack>
    );
  const c = found.data;
  if (!c) return <PageLoader />;
  const responsible = responsibleOf(c);
  return (
    <Stack maw={760}>
      {back}
      <Stack gap={6}>
        <Group gap="xs">
          <StatusBadge c={c} />
        </Group>
        <Title
          order={1}
          size="h3"
          style={{ overflowWrap: 'break-word', hyphens: 'auto' }}
          data-testid="commitment-action"
        >
          {c.action}
        </Title>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Fact label={t('facts.due')}>
            <DueLine c={c} dateOnly />
          </Fact>
          <Fact label={t('facts.case')}>{caseOf(t, c)}</Fact>
          <Fact label={t('facts.conference')}>{conferenceOf(t, c)}</Fact>
          {responsible && <Fact label={t('facts.responsible')}>{responsible}</Fact>}
          {c.progressNote && (
            <Fact label={t('facts.progress')}>
              <Text size="sm" data-testid="progress">
                {formatDate(c.progressAt)}: {c.progressNote}
              </Text>
            </Fact>
          )}
          {c.status !== 'open' && (
            <Fact label={t('facts.status')}>
              <ReportedLine c={c} />
            </Fact>
          )}
        </Stack>
      </Paper>
      {report.button(c, true)}
      {report.dialog}
    </Stack>
  );
}
