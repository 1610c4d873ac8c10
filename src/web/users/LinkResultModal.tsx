import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationResult } from '../../contracts/users';

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
              <Code block data-testid="invite-link" style={{ wordBreak: 'break-all' }}>
                {result.inviteLink}
              </Code>
              <Group>
                <CopyButton value={result.inviteLink}>
                  {({ copied, copy }) => (
                    <Button onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
                  )}
                </CopyButton>
              </Group>
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
