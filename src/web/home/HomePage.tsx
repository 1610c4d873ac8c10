import { Card, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navigationFor } from '../app/navigation';
import { useCan, useUser } from '../auth/session';
import { Dashboard } from '../clients/Dashboard';
import { DueRequestsCard } from '../privacy/requests/DueRequestsCard';
import { PageHeader } from '../ui/PageHeader';

/** The start page: a greeting and the features this user can open. */
export function HomePage() {
  const { t } = useTranslation('home');
  const user = useUser();
  const canWorkCases = useCan('cases.work');
  // Data-subject requests have a one-month deadline: leads and the dpo see the open ones first.
  const seesRequests = useCan('privacy.requests');
  const items = navigationFor(user).filter((i) => i.to !== '/');
  // Case workers start with what needs their attention; everyone else with what they can open.
  if (canWorkCases) {
    return (
      <Stack>
        <PageHeader
          title={t('home.greeting', { name: user.name })}
          description={t('clients:dashboard.description')}
        />
        {seesRequests && <DueRequestsCard />}
        <Dashboard />
      </Stack>
    );
  }
  return (
    <Stack>
      <PageHeader
        title={t('home.greeting', { name: user.name })}
        description={`${user.organisation.name} · ${user.roles.map((r) => t(`roles.${r}`)).join(', ')}`}
      />
      {seesRequests && <DueRequestsCard />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((item) => (
          <UnstyledButton key={item.to} component={Link} to={item.to}>
            <Card withBorder h="100%">
              <Stack gap="xs">
                <ThemeIcon variant="light" size="lg">
                  <item.icon size={20} />
                </ThemeIcon>
                <Title order={2} size="h4">
                  {t(item.label)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(item.hint)}
                </Text>
              </Stack>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
