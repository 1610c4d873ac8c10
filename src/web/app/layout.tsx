import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../auth/LanguageSwitch';
import { useSession, useUser } from '../auth/session';
import { Notifications } from '../clients/Notifications';
import { Logo } from '../ui/Logo';
import { PageLoader } from '../ui/PageLoader';
import { useFocusHeadingOnNavigation } from './headings';
import classes from './layout.module.css';
import { navigationFor } from './navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navigationFor(user);
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(main);
  // The item whose path is the longest beginning of the address: /partners/activity is not /partners.
  const within = (to: string) =>
    to === '/' ? location.pathname === '/' : `${location.pathname}/`.startsWith(`${to}/`);
  const current = items.filter((i) => within(i.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const isActive = (to: string) => to === current;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      {/* The first stop of the Tab key, past header and navigation; the browser moves the focus to #main. */}
      <a href="#main" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Logo />
            <Text size="sm" c="dimmed" visibleFrom="md" truncate>
              {user.organisation.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Notifications />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* Named after what it shows (the user's name), so that speech input finds it by that name. */}
                <UnstyledButton aria-label={t('nav.userMenu', { name: user.name })} data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <IconUserCircle size={22} />
                    <Text size="sm" visibleFrom="sm">
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={async () => {
                    await logout();
                    navigate('/login');
                  }}
                >
                  {t('auth:auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} stroke={1.6} />}
            active={isActive(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
