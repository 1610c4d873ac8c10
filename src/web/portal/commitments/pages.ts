// The partner portal's commitment pages, one chunk: the list and one commitment share their card
// parts and the report dialog; their texts come with the portal's (ui/i18n, loadPortalTexts).
export { PortalCommitmentPage } from './PortalCommitmentPage';
export { PortalCommitmentsPage } from './PortalCommitmentsPage';
