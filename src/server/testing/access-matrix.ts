/**
 * The authorisation matrix: for every route of the API (`METHOD /url` as the route table lists
 * it; a HEAD route shares its GET's entry), who may call it and on which records. The test
 * (system/access-matrix.test.ts) walks the app's route table against it: a route without an entry
 * fails, and so does an entry without a route. Each entry was written from the route's service
 * (its access check and what record it loads), in the short forms of access-expect.ts.
 */
import { addDays, todayInGermany } from '../lib/calendar';
import { anyStaff, anyUser, auditors, but, type Entry, open, portal, staff } from './access-expect';
import { privacyWorkspace } from './access-privacy-workspace';
import { savedReportBody } from './access-world';
import { PASSWORD } from './harness';

/** The API's own description and the files of its browsable page. */
const apiDocs: Record<string, Entry> = {
  'GET /api/docs': open(),
  'HEAD /api/docs/': open(),
  'GET /api/docs/static/index.html': open(),
  'GET /api/docs/static/swagger-initializer.js': open(),
  'GET /api/docs/json': open(),
  'GET /api/docs/yaml': open(),
  'GET /api/docs/static/*': open(),
  'GET /api/openapi.json': open(),
};

/** A funder report's period and one of its cells (the counsellor counts their caseload, the lead all). */
const reportYear = { from: '2025-01-01', to: '2025-12-31' };
const oneReport = { report: 'measures', ...reportYear };
const oneCell = { ...oneReport, table: 'by_type', row: 'total', column: 'total' };

const system: Record<string, Entry> = {
  'GET /api/health': open(),
  // The token in DATA_DIR is the credential (npm run backup), never a session: 401 for everyone.
  'POST /api/backup': open({ answer: '401' }),
  'GET /api/setup': open(),
  // Set up already: 409 for everyone.
  'POST /api/setup': open(),
  'POST /api/auth/login': open({ body: (w) => ({ email: w.loginEmail, password: PASSWORD }) }),
  'POST /api/auth/logout': anyUser({ phase: 'end' }),
  'GET /api/auth/me': anyUser(),
  // A partner picks among their organisations; staff may name only their own (the outsider's is another).
  'POST /api/auth/organisation': but(anyUser(), { outsider: '404' }),
  'GET /api/auth/session': anyUser(),
  'PATCH /api/auth/me': anyUser({ body: () => ({ language: 'de' }) }),
  'POST /api/auth/password': anyUser(),
  'POST /api/auth/totp/setup': anyUser(),
  'POST /api/auth/totp/enable': anyUser(),
  // Partners must keep their second factor: the route is not theirs.
  'POST /api/auth/totp/disable': anyStaff(),
  // A link's token is the permission (an unknown one: 400 for everyone).
  'POST /api/auth/invitation/inspect': open(),
  'POST /api/auth/invitation/accept': open(),
  'GET /api/users': staff('users.manage'),
  'POST /api/users': staff('users.manage', { body: () => ({ roles: ['counsellor'] }) }),
  'GET /api/users/:id': staff('users.manage', { scope: 'organisation' }),
  'PATCH /api/users/:id': staff('users.manage', { scope: 'organisation' }),
  'POST /api/users/:id/link': staff('users.manage', { scope: 'organisation' }),
  'GET /api/colleagues': staff('cases.work'),
  'GET /api/organisation': staff('organisation.manage'),
  'PATCH /api/organisation': staff('organisation.manage'),
  'GET /api/outbox': staff('outbox.read'),
  'GET /api/audit': auditors(),
  'GET /api/audit/users': auditors(),
  'GET /api/audit/persons': staff('audit.persons'),
  'GET /api/notifications': anyStaff(),
  'POST /api/notifications/read': anyStaff(),
};

const caseEntries = ['residence', 'qualifications', 'experience', 'languages', 'procedures'];
const planEntries = ['objectives', 'steps', 'contacts'];
const entryRoutes = Object.fromEntries(
  [...caseEntries, ...planEntries].flatMap((kind) => [
    [`POST /api/clients/:id/${kind}`, staff('cases.work', { scope: 'case' })],
    [`PATCH /api/clients/:id/${kind}/:entryId`, staff('cases.work', { scope: 'case' })],
    [`DELETE /api/clients/:id/${kind}/:entryId`, staff('cases.work', { scope: 'case' })],
  ]),
);

const cases: Record<string, Entry> = {
  'GET /api/clients/export': staff('cases.work'),
  'POST /api/clients/import': staff('cases.work', { send: 'multipart' }),
  // An import is its uploader's alone.
  'POST /api/clients/import/:id/check': staff('cases.work', { scope: 'own' }),
  'POST /api/clients/import/:id/commit': staff('cases.work', { scope: 'own' }),
  'GET /api/clients': staff('cases.work'),
  'POST /api/clients': staff('cases.work'),
  'POST /api/clients/duplicates': staff('cases.work'),
  'PATCH /api/clients/:id': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/stage': staff('cases.work', { scope: 'case' }),
  'PUT /api/clients/:id/exit-results': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/handover': staff('cases.work', { scope: 'case' }),
  'PUT /api/clients/:id/counsellors': staff('cases.work', { scope: 'case' }),
  // The body names the first organisation's cases and colleague: the outsider's 400 says only
  // that the colleague is none of theirs, as for any unknown id.
  'POST /api/clients/reassign': staff('cases.reassign'),
  'GET /api/dashboard': staff('cases.work'),
  'GET /api/dashboard/steps': staff('cases.work'),
  'GET /api/saved-filters': staff('cases.work'),
  'POST /api/saved-filters': staff('cases.work'),
  'DELETE /api/saved-filters/:id': staff('any', { scope: 'own' }),
  'GET /api/clients/:id': staff('cases.work', { scope: 'case' }),
  ...entryRoutes,
  'POST /api/clients/:id/consents': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/consents/:entryId/withdraw': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/consents/:entryId/correct': staff('cases.work', { scope: 'case' }),
  'GET /api/clients/:id/consent-form': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/documents': staff('cases.work', { scope: 'case', send: 'multipart' }),
  'GET /api/clients/:id/documents/:entryId': staff('cases.work', { scope: 'case' }),
  'DELETE /api/clients/:id/documents/:entryId': staff('cases.work', { scope: 'case' }),
  'GET /api/clients/:id/suggestions': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/measures': staff('cases.work', { scope: 'case' }),
  'PATCH /api/clients/:id/measures/:entryId': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/opportunities': staff('cases.work', { scope: 'case' }),
  'PATCH /api/clients/:id/opportunities/:entryId': staff('cases.work', { scope: 'case' }),
  'GET /api/clients/:id/pathways': staff('cases.work', { scope: 'case' }),
  'POST /api/clients/:id/pathways/:pathwayId/apply': staff('cases.work', { scope: 'case' }),
};

const network: Record<string, Entry> = {
  'GET /api/occupations': staff(['cases.work', 'catalogues.manage']),
  'POST /api/occupations/import': staff('catalogues.manage', { send: 'multipart' }),
  'GET /api/occupations/counts': anyStaff(),
  'GET /api/sectors': anyStaff(),
  'POST /api/sectors': staff('sectors.manage'),
  'PUT /api/sectors/:id': staff('sectors.manage', { scope: 'organisation' }),
  'GET /api/institutions': staff('network.work'),
  'POST /api/institutions': staff('network.work'),
  'GET /api/institutions/export': staff('network.work'),
  'POST /api/institutions/import': staff('network.work', { send: 'multipart' }),
  'GET /api/institutions/:id': staff('network.work', { scope: 'organisation' }),
  // The caller's own cases that involve the institution: a case list, so case workers only.
  'GET /api/institutions/:id/cases': staff('cases.work', { scope: 'organisation' }),
  'PATCH /api/institutions/:id': staff('network.work', { scope: 'organisation' }),
  'POST /api/institutions/:id/merge': staff('network.merge', { scope: 'organisation' }),
  'POST /api/institutions/:id/contacts': staff('network.work', { scope: 'organisation' }),
  'PATCH /api/institutions/:id/contacts/:contactId': staff('network.work', { scope: 'organisation' }),
  'DELETE /api/institutions/:id/contacts/:contactId': staff('network.work', { scope: 'organisation' }),
  'GET /api/opportunities': staff('network.work'),
  'POST /api/opportunities': staff('network.work'),
  'GET /api/opportunities/:id': staff('network.work', { scope: 'organisation' }),
  'PATCH /api/opportunities/:id': staff('network.work', { scope: 'organisation' }),
  'GET /api/opportunities/:id/candidates': staff('cases.work', { scope: 'organisation' }),
  'GET /api/follow-ups': staff('cases.work'),
  'GET /api/measures': staff('network.work'),
  'POST /api/measures': staff('network.work'),
  'GET /api/measures/:id': staff('network.work', { scope: 'organisation' }),
  'PATCH /api/measures/:id': staff('network.work', { scope: 'organisation' }),
  'GET /api/pathways': staff(['cases.work', 'network.work']),
  'POST /api/pathways': staff('pathways.manage'),
  'GET /api/pathways/:id': staff(['cases.work', 'network.work'], { scope: 'organisation' }),
  'PATCH /api/pathways/:id': staff('pathways.manage', { scope: 'organisation' }),
};

const manage = staff('conferences.manage', { scope: 'organisation' });
/** Live mode is the lead's, the moderator's and the minute-taker's (the world names neither). */
const live = manage;
const conferences: Record<string, Entry> = {
  'GET /api/conference-series': staff('conferences.read'),
  'POST /api/conference-series': staff('conferences.manage'),
  'PATCH /api/conference-series/:id': manage,
  'POST /api/conference-series/:id/next': manage,
  'GET /api/conferences': staff('conferences.read'),
  'POST /api/conferences': staff('conferences.manage', {
    body: () => ({ date: addDays(todayInGermany(), 30) }),
  }),
  'GET /api/conferences/:id': staff('conferences.read', { scope: 'organisation' }),
  'PATCH /api/conferences/:id': manage,
  'POST /api/conferences/:id/status': manage,
  // An invitee's link: its signed token is the permission.
  'GET /api/rsvp/:conferenceId/:token': open(),
  'POST /api/rsvp/:conferenceId/:token': open(),
  'GET /api/conferences/:id/minutes': staff('conferences.read', { scope: 'organisation' }),
  'PUT /api/conferences/:id/minutes/:item': manage,
  'GET /api/conferences/:id/minutes.pdf': manage,
  'POST /api/conferences/:id/minutes/publish': manage,
  'GET /api/conference-report': staff('conferences.report'),
  'GET /api/conference-report.pdf': staff('conferences.report'),
  'GET /api/conference-report.xlsx': staff('conferences.report'),
  'GET /api/reports': staff('reports.read'),
  'GET /api/reports/run': staff('reports.read', { query: () => oneReport }),
  'GET /api/reports/run.pdf': staff('reports.read', { query: () => oneReport }),
  'GET /api/reports/run.xlsx': staff('reports.read', { query: () => oneReport }),
  'GET /api/reports/year.xlsx': staff('reports.read', { query: () => reportYear }),
  'GET /api/reports/cases': staff('reports.drilldown', { query: () => oneCell }),
  'GET /api/reports/cases.xlsx': staff('reports.drilldown', { query: () => oneCell }),
  'GET /api/reports/saved': staff('reports.read'),
  'POST /api/reports/saved': staff('reports.read', { body: () => savedReportBody }),
  // A saved report is its user's own: the lead and the colleague get 404 for the counsellor's.
  'DELETE /api/reports/saved/:id': staff('reports.read', { scope: 'own' }),
  'GET /api/privacy/settings': staff('privacy.retention'),
  // A stale version: whoever passes the access check gets 409, and nothing changes.
  'PUT /api/privacy/settings': staff('privacy.retention'),
  'GET /api/privacy/notices': staff('privacy.manage'),
  'GET /api/privacy/proofs': staff('privacy.manage'),
  'POST /api/privacy/retention/run': staff('privacy.manage'),
  // The world's request asks for access, not erasure: those who may answer it get a 400.
  'POST /api/privacy/requests/:id/erase': staff('privacy.requests', { scope: 'organisation' }),
  'POST /api/conferences/:id/invitations': staff('conferences.manage', {
    scope: 'organisation',
    body: (w) => ({ institutionId: w.institutions.c }),
  }),
  'DELETE /api/conferences/:id/invitations/:entryId': manage,
  'POST /api/conferences/:id/invitations/send': manage,
  'PUT /api/conferences/:id/invitations/:entryId/answer': manage,
  // Asks about one case (the query's clientId): the colleague who cannot open it gets 404.
  'GET /api/conferences/:id/consent-check': staff('conferences.nominate', { scope: 'case' }),
  'POST /api/conferences/:id/nominations': staff('conferences.nominate', { scope: 'case' }),
  'PATCH /api/conferences/:id/nominations/:entryId': staff('conferences.nominate', { scope: 'case' }),
  'DELETE /api/conferences/:id/nominations/:entryId': staff('conferences.nominate', { scope: 'case' }),
  'POST /api/conferences/:id/nominations/:entryId/inputs': manage,
  'PUT /api/conferences/:id/agenda': manage,
  'POST /api/conferences/:id/agenda/optimise': manage,
  'POST /api/conferences/:id/agenda/fix': manage,
  'GET /api/conferences/:id/live': live,
  'GET /api/conferences/:id/live/events': staff('conferences.manage', {
    scope: 'organisation',
    send: 'stream',
  }),
  'POST /api/conferences/:id/live/item': live,
  'POST /api/conferences/:id/live/entries': live,
  'PATCH /api/conferences/:id/live/entries/:entryId': live,
  'DELETE /api/conferences/:id/live/entries/:entryId': live,
  'POST /api/conferences/:id/live/commitments': live,
  'PATCH /api/conferences/:id/live/commitments/:entryId': live,
  'GET /api/conferences/:id/briefs': manage,
  'GET /api/conferences/:id/packs/:institutionId': manage,
  'POST /api/conferences/:id/pathways': staff('pathways.manage', { scope: 'organisation' }),
  'GET /api/commitments': staff('commitments.read'),
  'GET /api/commitments/export': staff('commitments.read'),
  // A commitment on a case is seen with the case (one on no case by every case worker).
  'GET /api/commitments/:id': staff('commitments.read', { scope: 'case' }),
  'POST /api/commitments/:id/report': staff('commitments.report', {
    scope: 'case',
    body: () => ({ status: 'done' }),
  }),
  'GET /api/conferences/:id/carried-over': staff(['conferences.read', 'commitments.read'], {
    scope: 'organisation',
  }),
};

/** Partner accounts and what an institution has seen (issue 13). */
const partners: Record<string, Entry> = {
  'GET /api/partners': staff('partners.manage'),
  'GET /api/partners/institutions': staff('partners.activity'),
  // The institution is the world's: another organisation's user finds none (404).
  'POST /api/partners': staff('partners.manage', {
    scope: 'organisation',
    body: () => ({ name: 'Petra Partner', email: `petra-${Date.now()}@partner.example` }),
  }),
  'POST /api/partners/:id/resend': staff('partners.manage', { scope: 'organisation' }),
  'POST /api/partners/:id/revoke': staff('partners.manage', { scope: 'organisation' }),
  'POST /api/partners/:id/reactivate': staff('partners.manage', { scope: 'organisation' }),
  'GET /api/institutions/:id/partner-activity': staff('partners.activity', { scope: 'organisation' }),
};

/** The partner portal: what a consent valid now lets each institution see. */
const partnerPortal: Record<string, Entry> = {
  'GET /api/portal/home': portal({ scope: 'none' }),
  'GET /api/portal/conferences/:id': portal({ scope: 'conference' }),
  'POST /api/portal/conferences/:id/rsvp': portal({ scope: 'conference' }),
  'GET /api/portal/conferences/:id/cases/:nominationId': portal({ scope: 'case' }),
  'POST /api/portal/conferences/:id/cases/:nominationId/inputs': portal({ scope: 'case' }),
  'GET /api/portal/conferences/:id/pack.pdf': portal({ scope: 'conference' }),
  'GET /api/portal/conferences/:id/minutes.pdf': portal({ scope: 'conference' }),
  'GET /api/portal/commitments': portal({ scope: 'none' }),
  'GET /api/portal/commitments/:id': portal({ scope: 'commitment' }),
  'POST /api/portal/commitments/:id/report': portal({
    scope: 'commitment',
    body: () => ({ status: 'progress', note: 'Antrag liegt vor' }),
  }),
};

/**
 * Data-subject requests (privacy/routes-requests.ts): the dpo and leads, on the organisation's
 * request; a case's hold and restriction: whoever may open the case, and the dpo (holds) by organisation.
 */
const privacyRequests: Record<string, Entry> = {
  'GET /api/privacy/persons': staff('privacy.requests', { query: () => ({ q: 'Work' }) }),
  'GET /api/privacy/requests': staff('privacy.requests'),
  'GET /api/privacy/requests/due': staff('privacy.requests'),
  'POST /api/privacy/requests': staff('privacy.requests', {
    body: (w) => ({ clientId: w.workCase, kind: 'access', receivedOn: todayInGermany() }),
  }),
  'GET /api/privacy/requests/:id': staff('privacy.requests', { scope: 'organisation' }),
  'PATCH /api/privacy/requests/:id': staff('privacy.requests', { scope: 'organisation' }),
  'GET /api/privacy/requests/:id/export': staff('privacy.requests', { scope: 'organisation' }),
  'GET /api/privacy/requests/:id/export.json': staff('privacy.requests', { scope: 'organisation' }),
  'POST /api/privacy/requests/:id/restrict': staff('privacy.requests', { scope: 'organisation' }),
  'POST /api/privacy/requests/:id/lift-restriction': staff('privacy.requests', { scope: 'organisation' }),
  'GET /api/clients/:id/privacy': staff(['cases.work', 'privacy.holds'], { scope: 'case' }),
  'PUT /api/clients/:id/legal-hold': staff('privacy.holds', { scope: 'case' }),
  'DELETE /api/clients/:id/legal-hold': staff('privacy.holds', { scope: 'case' }),
};

export const accessMatrix: Record<string, Entry> = {
  ...apiDocs,
  ...system,
  ...cases,
  ...network,
  ...conferences,
  ...partners,
  ...partnerPortal,
  ...privacyWorkspace,
  ...privacyRequests,
};

/**
 * Every file of the built web client (when there is a build) has a route of its own, named after
 * the build's content hashes: one entry stands for them all — public. The session hook does not
 * look at them, so they are asked as anonymous and as a partner (whom it turns away elsewhere).
 */
export const webClientFile: Entry = { ...open(), roles: ['anonymous', 'partnerA'] };

/** The entry of a route: its own, or for a HEAD route its GET's. */
export function entryOf(method: string, url: string): Entry | undefined {
  return accessMatrix[`${method} ${url}`] ?? (method === 'HEAD' ? accessMatrix[`GET ${url}`] : undefined);
}
