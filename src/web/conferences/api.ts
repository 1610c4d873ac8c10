import { queryOptions } from '@tanstack/react-query';
import type { clientPage } from '../../contracts/clients';
import type { conferenceReport } from '../../contracts/conference-report';
import type {
  AgendaBody,
  agendaProposal,
  briefPreview,
  ConferenceBody,
  ConferenceUpdateBody,
  conference,
  conferencePage,
  consentCheck,
  InvitationBody,
  NominationBody,
  NominationUpdateBody,
  RsvpBody,
  rsvpView,
  SeriesBody,
  SeriesUpdateBody,
  StatusBody,
  series,
  seriesList,
  WrittenInputBody,
} from '../../contracts/conferences';
import type { conferenceMinutes, MinutesBody } from '../../contracts/conferences-minutes';
import { deleteJson, getJson, patchJson, postJson, putJson, type QueryParams, query } from '../lib/http';

/** Donor conferences: series, conferences with invitations, nominations, agenda, packs; the public RSVP. */
export const conferenceKeys = {
  /** Every list of conferences (also the start page's card). */
  lists: ['conferences'] as const,
  list: (params: QueryParams) => ['conferences', params] as const,
  detail: (id: string) => ['conference', id] as const,
  series: ['conference-series'] as const,
  consentCheck: (id: string, clientId: string) => ['conference', id, 'consent-check', clientId] as const,
  briefs: (id: string, institutionId: string) => ['conference', id, 'briefs', institutionId] as const,
  rsvp: (conferenceId: string, token: string) => ['rsvp', conferenceId, token] as const,
  minutes: (id: string) => ['conference', id, 'minutes'] as const,
  // The case search of the nomination dialog: kept apart from the case lists.
  caseSearch: (q: string) => ['search-options', 'cases', q] as const,
};

// --- series ---

export const seriesQuery = queryOptions({
  queryKey: conferenceKeys.series,
  queryFn: () => getJson<typeof seriesList>('/api/conference-series'),
});
export const addSeries = (body: SeriesBody) => postJson<typeof series>('/api/conference-series', body);
export const changeSeries = (id: string, body: SeriesUpdateBody) =>
  patchJson<typeof series>(`/api/conference-series/${id}`, body);
/** The next conference of the series, with its invitees (not yet mailed). */
export const nextConference = (id: string, body: { date?: string; startTime?: string } = {}) =>
  postJson<typeof conference>(`/api/conference-series/${id}/next`, body);

// --- conferences ---

// Written out rather than with lib/queries' pageQuery: the public RSVP page imports this file, and
// so it shares no chunk with the pages behind the login (the start page stays within its budget).
export const conferenceListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: conferenceKeys.list(params),
    queryFn: () => getJson<typeof conferencePage>(`/api/conferences${query(params)}`),
  });
export const conferenceQuery = (id: string) =>
  queryOptions({
    queryKey: conferenceKeys.detail(id),
    queryFn: () => getJson<typeof conference>(`/api/conferences/${id}`),
  });
export const planConference = (body: ConferenceBody) => postJson<typeof conference>('/api/conferences', body);
export const changeConference = (id: string, body: ConferenceUpdateBody) =>
  patchJson<typeof conference>(`/api/conferences/${id}`, body);
export const moveConferenceStatus = (id: string, body: StatusBody) =>
  postJson<typeof conference>(`/api/conferences/${id}/status`, body);

const path = (id: string) => `/api/conferences/${id}`;

// --- invitations and answers ---

export const invite = (id: string, body: InvitationBody) =>
  postJson<typeof conference>(`${path(id)}/invitations`, body);
export const uninvite = (id: string, entryId: string) =>
  deleteJson<typeof conference>(`${path(id)}/invitations/${entryId}`);
/** Mails every invitation not yet sent or holding an older calendar entry; planned → invited. */
export const sendInvitations = (id: string, version: number) =>
  postJson<typeof conference>(`${path(id)}/invitations/send`, { version });
/** An answer the lead heard by phone. */
export const recordAnswer = (id: string, entryId: string, body: RsvpBody) =>
  putJson<typeof conference>(`${path(id)}/invitations/${entryId}/answer`, body);

// --- nominations, consent check, written input ---

export const consentCheckQuery = (id: string, clientId: string) =>
  queryOptions({
    queryKey: conferenceKeys.consentCheck(id, clientId),
    queryFn: () => getJson<typeof consentCheck>(`${path(id)}/consent-check${query({ clientId })}`),
  });
export const nominate = (id: string, body: NominationBody) =>
  postJson<typeof conference>(`${path(id)}/nominations`, body);
export const changeNomination = (id: string, entryId: string, body: NominationUpdateBody) =>
  patchJson<typeof conference>(`${path(id)}/nominations/${entryId}`, body);
export const withdrawNomination = (id: string, entryId: string) =>
  deleteJson<typeof conference>(`${path(id)}/nominations/${entryId}`);
export const addWrittenInput = (id: string, entryId: string, body: WrittenInputBody) =>
  postJson<typeof conference>(`${path(id)}/nominations/${entryId}/inputs`, body);

// --- agenda ---

export const reorderAgenda = (id: string, body: AgendaBody) =>
  putJson<typeof conference>(`${path(id)}/agenda`, body);
/** An order that seats each institution in one block (not saved). */
export const proposeAgenda = (id: string) => postJson<typeof agendaProposal>(`${path(id)}/agenda/optimise`);
export const fixAgenda = (id: string, version: number) =>
  postJson<typeof conference>(`${path(id)}/agenda/fix`, { version });

// --- briefs and packs ---

/** The briefs as the institution would receive them now (leads). */
export const briefsQuery = (id: string, institutionId: string) =>
  queryOptions({
    queryKey: conferenceKeys.briefs(id, institutionId),
    queryFn: () => getJson<typeof briefPreview>(`${path(id)}/briefs${query({ institutionId })}`),
  });
/** The address of an institution's pack (a PDF; each download goes into the disclosure log). */
export const packUrl = (id: string, institutionId: string) => `${path(id)}/packs/${institutionId}`;

// --- minutes ---

export const minutesQuery = (id: string) =>
  queryOptions({
    queryKey: conferenceKeys.minutes(id),
    queryFn: () => getJson<typeof conferenceMinutes>(`${path(id)}/minutes`),
  });
/** `item`: `commitments` or a nomination id; version 0 for the first edit over the draft. */
export const editMinutes = (id: string, item: string, body: MinutesBody) =>
  putJson<typeof conferenceMinutes>(`${path(id)}/minutes/${item}`, body);
export const publishMinutes = (id: string, version: number) =>
  postJson<typeof conferenceMinutes>(`${path(id)}/minutes/publish`, { version });
/** The staff copy, or an institution's copy as it would receive it (a preview, not a disclosure). */
export const minutesPdfUrl = (id: string, institutionId?: string) =>
  `${path(id)}/minutes.pdf${institutionId ? query({ institutionId }) : ''}`;

// --- the public RSVP (no login) ---

export const rsvpQuery = (conferenceId: string, token: string) =>
  queryOptions({
    queryKey: conferenceKeys.rsvp(conferenceId, token),
    queryFn: () => getJson<typeof rsvpView>(`/api/rsvp/${conferenceId}/${encodeURIComponent(token)}`),
    retry: false,
  });
export const answerRsvp = (conferenceId: string, token: string, body: RsvpBody) =>
  postJson<typeof rsvpView>(`/api/rsvp/${conferenceId}/${encodeURIComponent(token)}`, body);

/** The caller's cases found by name or case code, for a nomination (the server shows only those they may see). */
export const caseSearchQuery = (q: string) =>
  queryOptions({
    queryKey: conferenceKeys.caseSearch(q),
    queryFn: async () => (await getJson<typeof clientPage>(`/api/clients${query({ q, limit: 20 })}`)).items,
  });

// --- live mode (its calls: live/api.ts) ---

export const livePath = (id: string) => `${path(id)}/live`;
// --- the conference report (leads) ---

export const reportKeys = {
  report: (params: QueryParams) => ['conference-report', params] as const,
};
/** The report of one conference (`conferenceId`), a series (`seriesId`) or the organisation, over `from`–`to`. */
export const conferenceReportQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: reportKeys.report(params),
    queryFn: () => getJson<typeof conferenceReport>(`/api/conference-report${query(params)}`),
  });
/** The address of the same report as a document in a language (each export is audited). */
export const conferenceReportUrl = (params: QueryParams, format: 'pdf' | 'xlsx', lang: string) =>
  `/api/conference-report.${format}${query({ ...params, lang: lang === 'en' ? 'en' : 'de' })}`;
