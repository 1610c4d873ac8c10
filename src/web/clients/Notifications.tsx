import { ActionIcon, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../ui/format';
import { caseKeys, markNotificationsRead, notificationsQuery } from './api';

/** The bell in the header: cases handed over to the user, and other notices. */
export function Notifications() {
  const { t } = useTranslation('clients');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notices = useQuery(notificationsQuery);
  const unread = (notices.data ?? []).filter((n) => !n.read).length;
  return (
    <Popover
      width={340}
      position="bottom-end"
      withinPortal
      onOpen={async () => {
        if (unread > 0) {
          await markNotificationsRead();
          await queryClient.invalidateQueries({ queryKey: caseKeys.notifications });
        }
      }}
    >
      {/* The indicator around the target, so that the popover's aria-expanded lands on the button. */}
      <Indicator disabled={unread === 0} label={unread} size={16} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            aria-label={t('notifications.title', { count: unread })}
            data-testid="notifications"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360}>
          <Stack gap="xs">
            {(notices.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed">
                {t('notifications.none')}
              </Text>
            )}
            {(notices.data ?? []).map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => (n.link ? navigate(n.link) : n.clientId && navigate(`/cases/${n.clientId}`))}
              >
                <Text size="sm" fw={n.read ? 400 : 600}>
                  {n.message}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
