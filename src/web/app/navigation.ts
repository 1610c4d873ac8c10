import {
  IconBook,
  IconBriefcase,
  IconBuildingCommunity,
  IconChartBar,
  IconClockCheck,
  IconFolders,
  IconHome,
  IconLock,
  IconSchool,
  IconSettings2,
  IconShieldCheck,
  IconStairs,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';

import type { Permission, SessionUser } from '../../contracts/auth';

interface NavigationItem {
  to: string;
  /** i18n keys of the name and of the line on the start page. */
  label: string;
  hint: string;
  icon: typeof IconHome;
  /** Shown only to users with this permission, or one of these (the server refuses the others anyway). */
  permission?: Permission | readonly Permission[];
}

/**
 * An item's texts are named after the last part of its path: `nav.<name>` in the navigation and
 * `home:home.cards.<name>` on the start page (`npm run check` holds them to existing keys).
 */
function item(
  to: string,
  icon: typeof IconHome,
  permission?: Permission | readonly Permission[],
): NavigationItem {
  const name = to.slice(to.lastIndexOf('/') + 1) || 'home';
  return { to, label: `nav.${name}`, hint: `home:home.cards.${name}`, icon, permission };
}

/** The privacy page's tabs each need one of these (privacy/PrivacyPage.tsx). */
export const privacyPermissions = ['privacy.manage', 'privacy.requests', 'privacy.retention'] as const;

/** The navigation shows only features that exist and that the user may open. */
export const navigation: readonly NavigationItem[] = [
  item('/', IconHome),
  item('/cases', IconFolders, 'cases.work'),
  item('/network', IconBuildingCommunity, 'network.work'),
  item('/measures', IconSchool, 'network.work'),
  item('/offers', IconBriefcase, 'network.work'),
  item('/conferences', IconUsersGroup, 'conferences.read'),
  item('/commitments', IconClockCheck, 'commitments.read'),
  item('/pathways', IconStairs, 'network.work'),
  item('/reports', IconChartBar, 'reports.read'),
  item('/partners', IconUsers, 'partners.manage'),
  item('/partners/activity', IconShieldCheck, 'partners.activity'),
  item('/admin/users', IconUsers, 'users.manage'),
  item('/admin/occupations', IconBook, 'catalogues.manage'),
  item('/admin/settings', IconSettings2, 'organisation.manage'),
  item('/audit', IconShieldCheck, 'audit.read'),
  item('/privacy', IconLock, privacyPermissions),
  item('/profile', IconUserCircle),
];

/** The items this user may open. */
export const navigationFor = (user: SessionUser) =>
  navigation.filter((item) => mayOpen(user, item.permission));

function mayOpen(user: SessionUser, permission: NavigationItem['permission']) {
  if (!permission) return true;
  const any = typeof permission === 'string' ? [permission] : permission;
  return any.some((p) => user.permissions.includes(p));
}
