import { Menu, Text } from '@mantine/core';
import { IconCheck, IconSwitchHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { chooseOrganisation } from '../auth/api';
import { useUser } from '../auth/session';
import { notifyError } from '../ui/errors';

/**
 * The organisations as items of an open menu (the user menu of a header): the current one marked,
 * the others to switch to. A switch moves the session, then loads the app afresh at its start
 * page: nothing the page kept of the organisation left (answers in the query cache, the lists'
 * last addresses with their search terms) survives, so nothing of it stays on screen. Nothing for
 * a person of one organisation.
 */
export function OrganisationMenuItems() {
  const { t } = useTranslation('portal');
  const user = useUser();
  if (user.organisations.length <= 1) return null;
  const current = user.organisationChoiceRequired ? null : user.organisation.id;
  const pick = async (id: string) => {
    try {
      await chooseOrganisation(id);
      window.location.assign('/');
    } catch (e) {
      notifyError(t, e);
    }
  };
  return (
    <>
      <Menu.Label>{t('organisation.switch')}</Menu.Label>
      {user.organisations.map((o) => (
        <Menu.Item
          key={o.id}
          leftSection={o.id === current ? <IconCheck size={16} /> : <IconSwitchHorizontal size={16} />}
          disabled={o.id === current}
          aria-current={o.id === current ? 'true' : undefined}
          onClick={() => void pick(o.id)}
        >
          <Text size="sm">{o.name}</Text>
          {o.institutionName && (
            <Text size="xs" c="dimmed">
              {t('organisation.for', { institution: o.institutionName })}
            </Text>
          )}
        </Menu.Item>
      ))}
    </>
  );
}
