import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationResult } from '../../contracts/users';
import { LinkToHandOver } from '../ui/LinkToHandOver';

/** After an invitation or reset: where the link went, and the link itself when no mail server is set. */
export function LinkResultModal({ result, onClose }: { result: InvitationResult | null; onClose(): void }) {
  const { t } = useTranslation('users');
  return (
    <Modal opened={Boolean(result)} onClose={onClose} title={t('users.linkTitle')} size="lg">
      {result && (
        <Stack>
          {result.inviteLink ? (
            <>
              <Alert color="yellow">{t('users.noSmtp', { email: result.user.email })}</Alert>
              <LinkToHandOver link={result.inviteLink} />
            </>
          ) : (
            <Text>{t('users.mailSent', { email: result.user.email })}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('users.linkValidity')}
          </Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
