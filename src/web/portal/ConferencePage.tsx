import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PortalConference } from '../../contracts/portal';
import { ApiError } from '../lib/http';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { AgendaItem } from './AgendaItem';
import { AnswerBadge, AnswerControl } from './Answer';
import { minutesUrl, packUrl, portalConferenceQuery } from './api';
import { WhenWhere } from './When';

function BackHome() {
  const { t } = useTranslation('portal');
  return (
    <Anchor component={Link} to="/portal" size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('conference.backHome')}
      </Group>
    </Anchor>
  );
}

/** The pack while the conference is ahead, the minutes once published: each made at the click. */
function Documents({ c }: { c: PortalConference }) {
  const { t } = useTranslation('portal');
  if (!c.may.writeInput && !c.minutesAvailable)
    return (
      <Text size="sm" c="dimmed">
        {t('conference.noDocuments')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {(
          [
            [c.may.writeInput, packUrl(c.id), 'conference.pack'],
            [c.minutesAvailable, minutesUrl(c.id), 'conference.minutesPdf'],
          ] as const
        ).map(([shown, href, label]) =>
          shown ? (
            <Button
              key={label}
              component="a"
              href={href}
              download
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t(label)}
            </Button>
          ) : null,
        )}
      </Group>
      {c.may.writeInput && (
        <Text size="xs" c="dimmed">
          {t('conference.packHint')}
        </Text>
      )}
    </Stack>
  );
}

function Commitments({ c }: { c: PortalConference }) {
  const { t } = useTranslation('portal');
  if (c.commitments.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('conference.yourCommitments')}
      </Title>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {c.commitments.map((cm) => (
          <Paper component="li" key={cm.id} withBorder p="sm">
            <Text size="sm" fw={500}>
              {cm.case ? `${t('conference.caseN', { n: cm.case.place })}: ` : ''}
              {cm.action}
            </Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {t('conference.due', { date: formatDate(cm.dueDate) })}
              </Text>
              <Badge
                size="sm"
                variant="light"
                color={cm.overdue ? 'red' : cm.status === 'done' ? 'green' : 'gray'}
              >
                {t(`conference.commitmentStatus.${cm.overdue ? 'overdue' : cm.status}`)}
              </Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** A conference the partner's institution is invited to: when and where, its answer, the documents, the agenda. */
export function PortalConferencePage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const q = useQuery(portalConferenceQuery(id));
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return (
      <Stack>
        <BackHome />
        {q.error instanceof ApiError && q.error.status === 404 ? (
          <PageHeader title={t('errors.not_found')} description={t('conference.notFound')} />
        ) : (
          <ErrorAlert error={q.error} />
        )}
      </Stack>
    );
  const c = q.data;
  const mine = c.invitations.find((i) => i.answer === 'deputy');
  return (
    <Stack>
      <BackHome />
      <PageHeader title={c.title} description={c.organisation} />
      {c.status === 'cancelled' && (
        <Alert color="red" role="status">
          {t('conference.cancelled')}
        </Alert>
      )}
      {!c.may.answer && c.status !== 'cancelled' && <Alert color="gray">{t('conference.held')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('conference.dateAndPlace')}
            </Title>
            <WhenWhere c={c} />
            <Badge variant="outline" color="gray">
              {t(`conference.status.${c.status}`)}
            </Badge>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('answer.title')}
            </Title>
            {c.may.answer ? (
              <AnswerControl conferenceId={c.id} answer={c.answer} deputyName={mine?.deputyName} />
            ) : (
              <Group>
                <AnswerBadge answer={c.answer} deputyName={mine?.deputyName} />
              </Group>
            )}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('conference.documents')}
          </Title>
          <Documents c={c} />
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('conference.agenda')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('conference.agendaIntro')}
        </Text>
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="portal-agenda">
          {c.agenda.map((item, i) => (
            <AgendaItem key={item.nominationId ?? `${item.kind}-${i}`} c={c} item={item} />
          ))}
        </Stack>
      </Stack>
      <Commitments c={c} />
    </Stack>
  );
}
