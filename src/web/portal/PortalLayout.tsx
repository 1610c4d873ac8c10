import { Box, Button, Group, Text } from '@mantine/core';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useFocusHeadingOnNavigation } from '../app/headings';
import { LanguageSwitch } from '../auth/LanguageSwitch';
import { useSession, useUser } from '../auth/session';
import { Logo } from '../ui/Logo';
import { PageLoader } from '../ui/PageLoader';
import classes from './layout.module.css';
import { OrganisationSwitch } from './OrganisationSwitch';

/** The partner's places: the start page, the institution's commitments, help, the account. */
const places = [
  { to: '/portal', label: 'portal:layout.start' },
  { to: '/portal/commitments', label: 'portal:layout.commitments' },
  { to: '/portal/help', label: 'portal:layout.help' },
  { to: '/portal/profile', label: 'portal:layout.profile' },
] as const;

/** The width of the portal's pages: a column that reads well on a desk, the whole screen on a phone. */
const column = { maw: 960, mx: 'auto', px: 'md' } as const;

/**
 * The frame of the partner portal: slim, for a phone first — who the partner acts for (their
 * institution, for which organisation), the language, logging out, and four places in words. Not
 * the staff's layout, and built from other parts than it (no menu, no app shell): a partner loads
 * none of the staff's menus or texts, and the staff's start page keeps its chunks as they were.
 */
export function PortalLayout() {
  const { t } = useTranslation('portal');
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(main);
  const current = (to: string) =>
    to === '/portal'
      ? pathname === to || pathname.startsWith('/portal/conferences')
      : pathname.startsWith(to);
  return (
    <Box mih="100vh" bg="gray.0">
      <a href="#main" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Box {...column} pt="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Logo />
            <Group gap="xs" wrap="nowrap">
              {/* For a partner of several organisations: pick or change the one they work in. */}
              <OrganisationSwitch />
              <LanguageSwitch />
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={async () => {
                  await logout();
                  navigate('/login');
                }}
              >
                {t('auth:auth.logout')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" mt={4} data-testid="portal-for">
            {t('layout.working', {
              institution: user.institution?.name ?? '',
              organisation: user.organisation.name,
            })}
          </Text>
          <Box component="nav" aria-label={t('layout.nav')} mt={4}>
            <Group gap={0} wrap="wrap">
              {places
                .filter((p) => !user.totpEnrolmentRequired || p.to === '/portal/profile')
                .map((p) => (
                  <Link
                    key={p.to}
                    to={p.to}
                    className={classes.navLink}
                    aria-current={current(p.to) ? 'page' : undefined}
                  >
                    {t(p.label)}
                  </Link>
                ))}
            </Group>
          </Box>
        </Box>
      </Box>
      <main id="main" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <Box {...column} py="md">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </main>
    </Box>
  );
}
