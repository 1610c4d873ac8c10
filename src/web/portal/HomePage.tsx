import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalConferenceSummary, PortalHome } from '../../contracts/portal';
import { useUser } from '../auth/session';
import { day } from '../conferences/time';
import { ErrorAlert } from '../ui/errors';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { AnswerBadge, AnswerControl } from './Answer';
import { minutesUrl, portalHomeQuery } from './api';
import { WhenWhere } from './When';

const answerable = (c: PortalConferenceSummary) => ['planned', 'invited', 'agenda_fixed'].includes(c.status);

/** An upcoming conference: when and where, how many cases the institution receives, its answer. */
function UpcomingCard({ c }: { c: PortalConferenceSummary }) {
  const { t } = useTranslation('portal');
  return (
    <Card withBorder component="li" data-testid="portal-upcoming">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">
            {c.title}
          </Title>
          {c.status === 'cancelled' && (
            <Badge color="red" variant="light">
              {t('conference.status.cancelled')}
            </Badge>
          )}
        </Group>
        <WhenWhere c={c} />
        <Text size="sm" fw={500}>
          {c.cases > 0 ? t('home.cases', { count: c.cases }) : t('home.noCases')}
        </Text>
        {answerable(c) ? (
          <AnswerControl conferenceId={c.id} answer={c.answer} />
        ) : (
          <Group>
            <AnswerBadge answer={c.answer} />
          </Group>
        )}
        <Group>
          <Button
            component={Link}
            to={`/portal/conferences/${c.id}`}
            rightSection={<IconArrowRight size={16} />}
          >
            {t('home.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The institution's commitments in three numbers, and the way to them. */
function CommitmentsCard({ counts }: { counts: PortalHome['commitments'] }) {
  const { t } = useTranslation('portal');
  const figures = [
    ['open', counts.open],
    ['overdue', counts.overdue],
    ['dueSoon', counts.dueSoon],
  ] as const;
  return (
    <Card withBorder data-testid="portal-commitments">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('home.commitments.title')}
        </Title>
        <SimpleGrid cols={3} spacing="xs">
          {figures.map(([key, n]) => (
            <Stack key={key} gap={0}>
              <Text fz={28} fw={700} c={key === 'overdue' && n > 0 ? 'red.9' : undefined}>
                {n}
              </Text>
              <Text size="sm">{t(`home.commitments.${key}`)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Anchor component={Link} to="/portal/commitments">
          {t('home.commitments.link')}
        </Anchor>
      </Stack>
    </Card>
  );
}

/** A past conference: its day, a link to it, its minutes once published. */
function PastRow({ c }: { c: PortalConferenceSummary }) {
  const { t } = useTranslation('portal');
  return (
    <Paper component="li" withBorder p="sm" data-testid="portal-past">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/conferences/${c.id}`} fw={500}>
            {c.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {day(c.startsAt, c.timeZone)}
          </Text>
        </Stack>
        {c.minutesAvailable ? (
          <Button
            component="a"
            href={minutesUrl(c.id)}
            download
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            aria-label={t('home.minutesOf', { title: c.title })}
          >
            {t('home.minutes')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('home.noMinutes')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** The partner's start page: the next conferences, the commitments, the conferences held. */
export function PortalHomePage() {
  const { t } = useTranslation('portal');
  const user = useUser();
  const home = useQuery(portalHomeQuery());
  const h = home.data;
  return (
    <Stack>
      <PageHeader
        title={t('home.title', { name: user.name })}
        description={t('home.intro', { institution: user.institution?.name ?? '' })}
      />
      {home.isPending && <PageLoader />}
      <ErrorAlert error={home.error} />
      {h && (
        <>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('home.upcoming')}
                </Title>
                {h.upcoming.length === 0 ? (
                  <Text c="dimmed">{t('home.noUpcoming')}</Text>
                ) : (
                  <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
                    {h.upcoming.map((c) => (
                      <UpcomingCard key={c.id} c={c} />
                    ))}
                  </Stack>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <CommitmentsCard counts={h.commitments} />
            </Grid.Col>
          </Grid>
          <Title order={2} size="h3">
            {t('home.past')}
          </Title>
          {h.past.length === 0 ? (
            <Text c="dimmed">{t('home.noPast')}</Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {h.past.map((c) => (
                <PastRow key={c.id} c={c} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
