import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconListSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/session';
import { ErrorAlert } from '../ui/errors';
import { AccountActions } from './AccountActions';
import { partnerListQuery } from './api';
import { useInvitation } from './LinkResultModal';
import { StatusBadge } from './StatusBadge';

/**
 * The institution's partner accounts on its page in the network (leads): who of it works in the
 * portal, an invitation for one more, and the way to what the institution has seen.
 */
export function InstitutionPartners({ institution }: { institution: { id: string; name: string } }) {
  const { t } = useTranslation('partners');
  const accounts = useQuery(partnerListQuery({ institutionId: institution.id, limit: 100, offset: 0 }));
  const canSeeActivity = useCan('partners.activity');
  const invitation = useInvitation();
  return (
    <Card withBorder data-testid="institution-partners">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('card.title')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => invitation.invite(institution)}
          >
            {t('page.invite')}
          </Button>
        </Group>
        <ErrorAlert error={accounts.error} />
        {accounts.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('card.none')}
          </Text>
        )}
        {accounts.data?.items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {a.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {a.email}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <StatusBadge status={a.status} />
              <AccountActions account={a} onLink={invitation.showLink} />
            </Group>
          </Group>
        ))}
        {canSeeActivity && (
          <Anchor component={Link} to={`/partners/activity/${institution.id}`} size="sm">
            <Group gap={4} component="span">
              <IconListSearch size={14} />
              {t('card.activity')}
            </Group>
          </Anchor>
        )}
      </Stack>
      {invitation.dialogs}
    </Card>
  );
}
