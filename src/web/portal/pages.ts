// The partner portal: its layout and pages, one chunk fetched with its texts (app/router.tsx).
export { ProfilePage as PortalProfilePage } from '../auth/ProfilePage';
export { NotFound as PortalNotFound } from '../ui/NotFound';
export { PortalConferencePage } from './ConferencePage';
export { PortalHelpPage } from './HelpPage';
export { PortalHomePage } from './HomePage';
export { PortalLayout } from './PortalLayout';
