import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session';
import { OrganisationMenuItems } from './OrganisationMenuItems';

/**
 * A header's switch between the organisations a partner works with: a button naming the current
 * one that opens the others. Shown only to a person of several organisations.
 */
export function OrganisationSwitch() {
  const { t } = useTranslation('portal');
  const user = useUser();
  if (user.organisations.length <= 1) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('organisation.switchLabel', { name: user.organisation.name })}
          data-testid="organisation-switch"
          maw={260}
        >
          <Text size="sm" truncate>
            {user.organisation.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <OrganisationMenuItems />
      </Menu.Dropdown>
    </Menu>
  );
}
