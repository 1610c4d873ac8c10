import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { conferenceListQuery } from './api';
import { When } from './When';

/** The start page's card: the next conferences, with the viewer's own cases on them. */
export function UpcomingConferences() {
  const { t } = useTranslation('conferences');
  const next = useQuery(conferenceListQuery({ when: 'upcoming', limit: 3, offset: 0 }));
  const items = next.data?.items ?? [];
  return (
    <Card withBorder data-testid="upcoming-conferences">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('home.title')}
        </Title>
        <Anchor component={Link} to="/conferences" size="sm">
          {t('home.all')}
        </Anchor>
      </Group>
      {next.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('home.none')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((c) => (
          <Group key={c.id} justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/conferences/${c.id}`} size="sm" fw={500}>
                {c.title}
              </Anchor>
              <When c={c} />
            </Stack>
            <Group gap={4}>
              <Badge color="gray" variant="light">
                {t('conferences.confirmedOf', {
                  confirmed: c.confirmedInstitutions,
                  invited: c.invitedInstitutions,
                })}
              </Badge>
              {c.myNominations > 0 && (
                <Badge color="blue" variant="light">
                  {t('home.mine', { count: c.myNominations })}
                </Badge>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
