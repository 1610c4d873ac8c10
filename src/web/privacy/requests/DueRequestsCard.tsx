import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { dueRequestsQuery } from './api';
import { DueBadge } from './DueBadge';
import { usePrivacyTexts } from './texts';

/** The start page's open data-subject requests (leads, the dpo): the earliest deadline first. */
export function DueRequestsCard() {
  const { t } = useTranslation('privacy');
  const due = useQuery(dueRequestsQuery);
  const data = due.data;
  // Nothing open, no card (and no texts fetched for it).
  const ready = usePrivacyTexts(Boolean(data && data.total > 0));
  if (!data || !ready || data.total === 0) return null;
  return (
    <Card withBorder data-testid="due-requests">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('requests.dashboard.title')}
          </Title>
          {data.overdue > 0 && (
            <Badge color="red">{t('requests.dashboard.overdue', { count: data.overdue })}</Badge>
          )}
        </Group>
        {data.items.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/privacy/requests?open=${r.id}`} size="sm">
              {t(`requests.kind.${r.kind}`)}
              {r.person ? ` · ${r.person.name}` : ''}
            </Anchor>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {formatDate(r.dueOn)}
              </Text>
              <DueBadge request={r} />
            </Group>
          </Group>
        ))}
        {data.total > data.items.length && (
          <Anchor component={Link} to="/privacy/requests?status=open" size="sm">
            {t('requests.dashboard.all', { count: data.total })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
