import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerAccount } from '../../contracts/partners';
import { LinkToHandOver } from '../ui/LinkToHandOver';
import { InviteDialog } from './InviteDialog';

/** What an invitation (or a fresh link) did: the link to hand over when no mail server is set, else where the mail went. */
export interface LinkResult {
  account: PartnerAccount;
  inviteLink: string | null;
  existingAccount?: boolean;
}

export function LinkResultModal({ result, onClose }: { result: LinkResult | null; onClose(): void }) {
  const { t } = useTranslation('partners');
  const values = result ? { name: result.account.name, email: result.account.email } : {};
  return (
    <Modal opened={Boolean(result)} onClose={onClose} title={t('link.title')} size="lg">
      {result && (
        <Stack>
          {result.existingAccount ? (
            <Text>{t('link.existing', values)}</Text>
          ) : result.inviteLink ? (
            <>
              <Alert color="yellow">{t('link.noSmtp', values)}</Alert>
              <LinkToHandOver link={result.inviteLink} />
            </>
          ) : (
            <Text>{t('link.sent', values)}</Text>
          )}
          {!result.existingAccount && (
            <Text size="sm" c="dimmed">
              {t('link.validity')}
            </Text>
          )}
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

/**
 * Inviting from anywhere (the list, an institution's page): `invite()` opens the dialog (for an
 * institution, or one to pick), and `dialogs` renders it and then what came of it.
 */
export function useInvitation(): {
  invite(institution?: { id: string; name: string }): void;
  showLink(result: LinkResult): void;
  dialogs: ReactNode;
} {
  const [inviting, setInviting] = useState<{ institution?: { id: string; name: string } } | null>(null);
  const [result, setResult] = useState<LinkResult | null>(null);
  return {
    invite: (institution) => setInviting(institution ? { institution } : {}),
    showLink: setResult,
    dialogs: (
      <>
        {inviting && (
          <InviteDialog
            institution={inviting.institution}
            onClose={() => setInviting(null)}
            onInvited={setResult}
          />
        )}
        <LinkResultModal result={result} onClose={() => setResult(null)} />
      </>
    ),
  };
}
