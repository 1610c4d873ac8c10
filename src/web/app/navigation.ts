import {
  IconBook,
  IconBriefcase,
  IconBuildingCommunity,
  IconFolders,
  IconHome,
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
  /** Shown only to users with this permission (the server refuses the others anyway). */
  permission?: Permission;
}

/** The navigation shows only features that exist and that the user may open. */
export const navigation: readonly NavigationItem[] = [
  { to: '/', label: 'nav.home', hint: 'home:home.cards.home', icon: IconHome },
  {
    to: '/cases',
    label: 'nav.cases',
    hint: 'home:home.cards.cases',
    icon: IconFolders,
    permission: 'cases.work',
  },
  {
    to: '/network',
    label: 'nav.network',
    hint: 'home:home.cards.network',
    icon: IconBuildingCommunity,
    permission: 'network.work',
  },
  {
    to: '/measures',
    label: 'nav.measures',
    hint: 'home:home.cards.measures',
    icon: IconSchool,
    permission: 'network.work',
  },
  {
    to: '/offers',
    label: 'nav.offers',
    hint: 'home:home.cards.offers',
    icon: IconBriefcase,
    permission: 'network.work',
  },
  {
    to: '/conferences',
    label: 'nav.conferences',
    hint: 'home:home.cards.conferences',
    icon: IconUsersGroup,
    permission: 'conferences.read',
  },
  {
    to: '/pathways',
    label: 'nav.pathways',
    hint: 'home:home.cards.pathways',
    icon: IconStairs,
    permission: 'network.work',
  },
  {
    to: '/admin/users',
    label: 'nav.users',
    hint: 'home:home.cards.users',
    icon: IconUsers,
    permission: 'users.manage',
  },
  {
    to: '/admin/occupations',
    label: 'nav.occupations',
    hint: 'home:home.cards.occupations',
    icon: IconBook,
    permission: 'catalogues.manage',
  },
  {
    to: '/admin/settings',
    label: 'nav.settings',
    hint: 'home:home.cards.settings',
    icon: IconSettings2,
    permission: 'organisation.manage',
  },
  {
    to: '/audit',
    label: 'nav.audit',
    hint: 'home:home.cards.audit',
    icon: IconShieldCheck,
    permission: 'audit.read',
  },
  { to: '/profile', label: 'nav.profile', hint: 'home:home.cards.profile', icon: IconUserCircle },
];

/** The items this user may open. */
export const navigationFor = (user: SessionUser) =>
  navigation.filter((item) => !item.permission || user.permissions.includes(item.permission));
