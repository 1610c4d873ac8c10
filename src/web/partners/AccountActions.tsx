import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconMailForward, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerAccount } from '../../contracts/partners';
import { useUser } from '../auth/session';
import { ConfirmModal } from '../ui/ConfirmModal';
import { notifyError, notifySaved } from '../ui/errors';
import { partnerKeys, reactivatePartner, resendInvitation, revokePartner } from './api';
import type { LinkResult } from './LinkResultModal';

/** What a lead can do with one account: a fresh link while invited, end the access (asked first), restore it. */
export function AccountActions({
  account,
  onLink,
}: {
  account: PartnerAccount;
  onLink(result: LinkResult): void;
}) {
  const { t } = useTranslation('partners');
  const user = useUser();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const values = { name: account.name, organisation: user.organisation.name };
  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) notifySaved(t, done);
    } catch (e) {
      notifyError(t, e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: partnerKeys.lists });
    }
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={t('actions.menu', { name: account.name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {account.status === 'invited' && (
            <Menu.Item
              leftSection={<IconMailForward size={16} />}
              onClick={() => void run(async () => onLink(await resendInvitation(account.id)))}
            >
              {t('actions.resend')}
            </Menu.Item>
          )}
          {account.status === 'revoked' ? (
            <Menu.Item
              leftSection={<IconUserCheck size={16} />}
              onClick={() =>
                void run(
                  () => reactivatePartner(account.id, account.version),
                  t('actions.reactivated', values),
                )
              }
            >
              {t('actions.reactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item
              color="red"
              leftSection={<IconUserOff size={16} />}
              onClick={() => setConfirming(true)}
            >
              {t('actions.revoke')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming}
        title={t('revoke.title', values)}
        text={t('revoke.text', values)}
        confirmLabel={t('actions.revoke')}
        onClose={() => setConfirming(false)}
        onConfirm={() => run(() => revokePartner(account.id, account.version), t('actions.revoked', values))}
      />
    </>
  );
}
