import { Center, Loader } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import {
  BrowserRouter,
  matchRoutes,
  Navigate,
  Outlet,
  type RouteObject,
  useLocation,
  useRoutes,
} from 'react-router';
import type { Permission } from '../../contracts/auth';
import { useCan, useSession } from '../auth/session';
import {
  loadAdminTexts,
  loadAllTexts,
  loadConferenceTexts,
  loadPortalTexts,
  loadReportTexts,
} from '../ui/i18n';
import { NoAccess } from '../ui/NoAccess';

function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** A partner's own profile page, inside the portal (a partner never enters the staff's area). */
const PARTNER_PROFILE = '/portal/profile';

/**
 * Protected area: logged-in users only; a required second factor comes first, then (for a partner
 * of several organisations) the choice of the organisation to work with. Partners live in the
 * portal (/portal…): any other address takes them there, their profile to the portal's.
 */
function RequireSession({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  const location = useLocation();
  if (user === undefined) return <FullPageLoader />;
  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const partner = user.roles.includes('partner');
  const profile = partner ? PARTNER_PROFILE : '/profile';
  if (user.totpEnrolmentRequired && location.pathname !== profile) return <Navigate to={profile} replace />;
  const choosing = location.pathname === '/choose-organisation';
  if (user.organisationChoiceRequired && !user.totpEnrolmentRequired && !choosing)
    return (
      <Navigate to="/choose-organisation" replace state={{ from: location.pathname + location.search }} />
    );
  if (partner && !choosing && !/^\/portal(\/|$)/.test(location.pathname))
    return <Navigate to={location.pathname === '/profile' ? PARTNER_PROFILE : '/portal'} replace />;
  return <>{children}</>;
}

/** The portal is the partners': staff who open it go to their own start page. */
function PartnersOnly({ children }: { children: ReactNode }) {
  return useCan('portal.use') ? children : <Navigate to="/" replace />;
}

/** Hides pages the user may not open; the server refuses them anyway. */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <NoAccess />;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  const location = useLocation();
  if (user === undefined) return <FullPageLoader />;
  if (setupNeeded) return <Navigate to="/setup" replace />;
  // Logged in (or just now): back to the page that sent the user to log in — a link from a mail
  // (RequireSession keeps it as `from`) —, as the login page itself does, else home.
  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  return <>{children}</>;
}

function SetupOnly({ children }: { children: ReactNode }) {
  const { user, setupNeeded } = useSession();
  if (setupNeeded === undefined && user === undefined) return <FullPageLoader />;
  if (!setupNeeded) return <Navigate to={user ? '/' : '/login'} replace />;
  return <>{children}</>;
}

/**
 * A page loaded on first use (React.lazy): each page is its own chunk, and so is the layout of the
 * logged-in area (its menus and popovers are not needed on the login page). `preload` starts the
 * download early; the chunk is fetched once either way.
 */
function lazyPage<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => {
    loading ??= load().then((module) => ({ default: module[name] as ComponentType }));
    return loading;
  };
  const Page = lazy(preload);
  return { element: <Page />, handle: { preload } };
}

/** The conference pages (one chunk) with their texts, which come with them, not with every page (ui/i18n). */
const conferencePages = async () =>
  (await Promise.all([import('../conferences/pages'), loadConferenceTexts()]))[0];

/** Live mode of a conference (a chunk of its own: only the table needs it), with the conference texts. */
const livePage = async () =>
  (await Promise.all([import('../conferences/live/LivePage'), loadConferenceTexts()]))[0];

/** The partner portal's commitment pages (one chunk), with the portal's texts (ui/i18n). */
const portalCommitmentPages = async () =>
  (await Promise.all([import('../portal/commitments/pages'), loadPortalTexts()]))[0];

/** The partner portal (one chunk: its layout and pages) with its texts, not the staff's (ui/i18n). */
const portalPages = async () => (await Promise.all([import('../portal/pages'), loadPortalTexts()]))[0];

/** An administration page, with the administration's texts (ui/i18n). */
const adminPage =
  <T,>(load: () => Promise<T>) =>
  async () =>
    (await Promise.all([load(), loadAdminTexts()]))[0];

/**
 * The partner accounts' pages (one chunk) with their texts; the activity names the audit log's
 * actions, whose texts come with the administration's.
 */
const partnerPages = async () => (await Promise.all([import('../partners/pages'), loadAdminTexts()]))[0];

/** The funder reports' page (a chunk of its own, with the report words) and its texts (ui/i18n). */
const reportsPage = async () => (await Promise.all([import('../reports/ReportsPage'), loadReportTexts()]))[0];

/** A page that only users with the permission may open. */
const guarded = (path: string, permission: Permission, page: ReturnType<typeof lazyPage>): RouteObject => ({
  path,
  element: (
    <RequirePermission permission={permission}>
      <Outlet />
    </RequirePermission>
  ),
  children: [{ index: true, ...page }],
});

const routes: RouteObject[] = [
  {
    path: '/setup',
    element: (
      <SetupOnly>
        <Outlet />
      </SetupOnly>
    ),
    children: [{ index: true, ...lazyPage(() => import('../setup/SetupPage'), 'SetupPage') }],
  },
  {
    path: '/login',
    element: (
      <PublicOnly>
        <Outlet />
      </PublicOnly>
    ),
    children: [{ index: true, ...lazyPage(() => import('../auth/LoginPage'), 'LoginPage') }],
  },
  { path: '/invite', ...lazyPage(() => import('../auth/InvitePage'), 'InvitePage') },
  // The answer to a conference invitation, without an account (opened from a mail, on a phone):
  // besides the public texts only the conference pages' own.
  {
    path: '/rsvp/:conferenceId/:token',
    ...lazyPage(
      async () => (await Promise.all([import('../conferences/RsvpPage'), loadConferenceTexts()]))[0],
      'RsvpPage',
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    children: [
      // Outside the layout: until the choice is made, the server answers nothing of either organisation.
      {
        path: 'choose-organisation',
        // Only partners of several organisations come here: its texts are the portal's.
        ...lazyPage(
          async () => (await Promise.all([import('../portal/ChooseOrganisationPage'), loadPortalTexts()]))[0],
          'ChooseOrganisationPage',
        ),
      },
      {
        // The partner portal, in a layout of its own: a partner fetches none of the staff's pages
        // or texts. Its commitments pages come beside these (portal/commitments).
        element: (
          <PartnersOnly>
            <Outlet />
          </PartnersOnly>
        ),
        children: [
          {
            ...lazyPage(portalPages, 'PortalLayout'),
            children: [
              { path: 'portal', ...lazyPage(portalPages, 'PortalHomePage') },
              { path: 'portal/conferences/:id', ...lazyPage(portalPages, 'PortalConferencePage') },
              { path: 'portal/help', ...lazyPage(portalPages, 'PortalHelpPage') },
              { path: 'portal/profile', ...lazyPage(portalPages, 'PortalProfilePage') },
              // The institution's commitments (the link of a reminder mail leads to one of them).
              { path: 'portal/commitments', ...lazyPage(portalCommitmentPages, 'PortalCommitmentsPage') },
              { path: 'portal/commitments/:id', ...lazyPage(portalCommitmentPages, 'PortalCommitmentPage') },
              { path: 'portal/*', ...lazyPage(portalPages, 'PortalNotFound') },
            ],
          },
        ],
      },
      {
        // Not before the texts of every domain are in (ui/i18n); the layout shows each page in a
        // Suspense of its own (PageLoader) while the page's chunk arrives.
        ...lazyPage(async () => (await Promise.all([import('./layout'), loadAllTexts()]))[0], 'AppLayout'),
        children: [
          { index: true, ...lazyPage(() => import('../home/HomePage'), 'HomePage') },
          { path: 'profile', ...lazyPage(() => import('../auth/ProfilePage'), 'ProfilePage') },
          guarded(
            'cases',
            'cases.work',
            lazyPage(() => import('../clients/CasesPage'), 'CasesPage'),
          ),
          guarded(
            'cases/new',
            'cases.work',
            lazyPage(() => import('../clients/NewCasePage'), 'NewCasePage'),
          ),
          guarded(
            'cases/import',
            'cases.work',
            lazyPage(() => import('../transfer/ImportPage'), 'ImportPage'),
          ),
          guarded(
            'cases/:id',
            'cases.work',
            lazyPage(() => import('../casefile/CasePage'), 'CasePage'),
          ),
          guarded(
            'network',
            'network.work',
            lazyPage(() => import('../network/InstitutionsPage'), 'InstitutionsPage'),
          ),
          guarded(
            'network/:id',
            'network.work',
            lazyPage(() => import('../network/InstitutionPage'), 'InstitutionPage'),
          ),
          guarded(
            'measures',
            'network.work',
            lazyPage(() => import('../measures/MeasuresPage'), 'MeasuresPage'),
          ),
          guarded(
            'offers',
            'network.work',
            lazyPage(() => import('../network/OffersPage'), 'OffersPage'),
          ),
          guarded(
            'offers/:id',
            'network.work',
            lazyPage(() => import('../network/OfferPage'), 'OfferPage'),
          ),
          guarded('conferences', 'conferences.read', lazyPage(conferencePages, 'ConferencesPage')),
          guarded('conferences/series', 'conferences.read', lazyPage(conferencePages, 'SeriesPage')),
          guarded('conferences/report', 'conferences.report', lazyPage(conferencePages, 'ReportPage')),
          guarded('conferences/:id', 'conferences.read', lazyPage(conferencePages, 'ConferencePage')),
          // The server decides who runs it (leads, the moderator, the minute-taker).
          guarded('conferences/:id/live', 'conferences.read', lazyPage(livePage, 'LivePage')),
          guarded('commitments', 'commitments.read', lazyPage(conferencePages, 'CommitmentsPage')),
          // Staff who work with cases or the network (network.work holds both); one chunk with the conference pages.
          guarded('pathways', 'network.work', lazyPage(conferencePages, 'PathwaysPage')),
          guarded('reports', 'reports.read', lazyPage(reportsPage, 'ReportsPage')),
          guarded('partners', 'partners.manage', lazyPage(partnerPages, 'PartnersPage')),
          // Without an institution: the picker of those with activity (the dpo's way in).
          guarded(
            'partners/activity/:institutionId?',
            'partners.activity',
            lazyPage(partnerPages, 'ActivityPage'),
          ),
          guarded(
            'admin/occupations',
            'catalogues.manage',
            lazyPage(
              adminPage(() => import('../occupations/OccupationsPage')),
              'OccupationsPage',
            ),
          ),
          guarded(
            'admin/users',
            'users.manage',
            lazyPage(
              adminPage(() => import('../users/UsersPage')),
              'UsersPage',
            ),
          ),
          guarded(
            'admin/settings',
            'organisation.manage',
            lazyPage(
              adminPage(() => import('../organisation/SettingsPage')),
              'SettingsPage',
            ),
          ),
          guarded(
            'audit',
            'audit.read',
            lazyPage(
              adminPage(() => import('../audit/AuditPage')),
              'AuditPage',
            ),
          ),
          // Each tab asks for its own permission (privacy/PrivacyPage.tsx); the texts come with the administration's.
          {
            path: 'privacy/:tab?',
            ...lazyPage(
              adminPage(() => import('../privacy/PrivacyPage')),
              'PrivacyPage',
            ),
          },
          { path: '*', ...lazyPage(() => import('../ui/NotFound'), 'NotFound') },
        ],
      },
    ],
  },
];

// The chunks of the first page (its layout and the page itself) are fetched at once, beside the
// session check, instead of one after the other as the components render.
for (const match of matchRoutes(routes, window.location) ?? []) match.route.handle?.preload();

function Routes() {
  return useRoutes(routes);
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FullPageLoader />}>
        <Routes />
      </Suspense>
    </BrowserRouter>
  );
}
