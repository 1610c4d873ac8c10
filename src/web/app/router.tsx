import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import type { Permission } from '../../contracts/auth';
import { useCan, useSession } from '../auth/session';
import { NoAccess } from '../ui/NoAccess';
import { AppLayout } from './layout';

function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Protected area: logged-in users only; a required second factor comes first. */
function RequireSession({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  const location = useLocation();
  if (user === undefined) return <FullPageLoader />;
  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.totpEnrolmentRequired && location.pathname !== '/profile')
    return <Navigate to="/profile" replace />;
  return <>{children}</>;
}

/** Hides pages the user may not open; the server refuses them anyway. */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <NoAccess />;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  if (user === undefined) return <FullPageLoader />;
  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (user) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function SetupOnly({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  if (setupNeeded === undefined && user === undefined) return <FullPageLoader />;
  if (!setupNeeded) return <Navigate to={user ? '/' : '/login'} replace />;
  return <>{children}</>;
}

/** A lazily loaded page: each domain is its own chunk. */
const page =
  <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) =>
  async () => ({ Component: (await load())[name] as () => ReactNode });

/** A route that only users with the permission may open. */
const guarded = (path: string, permission: Permission, lazy: ReturnType<typeof page>) => ({
  path,
  element: (
    <RequirePermission permission={permission}>
      <Outlet />
    </RequirePermission>
  ),
  children: [{ index: true, lazy }],
});

const router = createBrowserRouter([
  {
    path: '/setup',
    element: (
      <SetupOnly>
        <Outlet />
      </SetupOnly>
    ),
    children: [{ index: true, lazy: page(() => import('../setup/SetupPage'), 'SetupPage') }],
  },
  {
    path: '/login',
    element: (
      <PublicOnly>
        <Outlet />
      </PublicOnly>
    ),
    children: [{ index: true, lazy: page(() => import('../auth/LoginPage'), 'LoginPage') }],
  },
  { path: '/invite', lazy: page(() => import('../auth/InvitePage'), 'InvitePage') },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, lazy: page(() => import('../home/HomePage'), 'HomePage') },
      { path: 'profile', lazy: page(() => import('../auth/ProfilePage'), 'ProfilePage') },
      guarded(
        'cases',
        'cases.work',
        page(() => import('../clients/CasesPage'), 'CasesPage'),
      ),
      guarded(
        'cases/new',
        'cases.work',
        page(() => import('../clients/NewCasePage'), 'NewCasePage'),
      ),
      guarded(
        'cases/import',
        'cases.work',
        page(() => import('../transfer/ImportPage'), 'ImportPage'),
      ),
      guarded(
        'cases/:id',
        'cases.work',
        page(() => import('../casefile/CasePage'), 'CasePage'),
      ),
      guarded(
        'network',
        'network.work',
        page(() => import('../network/InstitutionsPage'), 'InstitutionsPage'),
      ),
      guarded(
        'network/:id',
        'network.work',
        page(() => import('../network/InstitutionPage'), 'InstitutionPage'),
      ),
      guarded(
        'measures',
        'network.work',
        page(() => import('../measures/MeasuresPage'), 'MeasuresPage'),
      ),
      guarded(
        'offers',
        'network.work',
        page(() => import('../network/OffersPage'), 'OffersPage'),
      ),
      guarded(
        'offers/:id',
        'network.work',
        page(() => import('../network/OfferPage'), 'OfferPage'),
      ),
      guarded(
        'admin/occupations',
        'catalogues.manage',
        page(() => import('../occupations/OccupationsPage'), 'OccupationsPage'),
      ),
      guarded(
        'admin/users',
        'users.manage',
        page(() => import('../users/UsersPage'), 'UsersPage'),
      ),
      guarded(
        'admin/settings',
        'organisation.manage',
        page(() => import('../organisation/SettingsPage'), 'SettingsPage'),
      ),
      guarded(
        'audit',
        'audit.read',
        page(() => import('../audit/AuditPage'), 'AuditPage'),
      ),
      { path: '*', lazy: page(() => import('../ui/NotFound'), 'NotFound') },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
