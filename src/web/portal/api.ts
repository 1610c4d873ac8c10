import { queryOptions } from '@tanstack/react-query';
import type {
  PortalInputBody,
  PortalRsvpBody,
  portalAgendaItem,
  portalConference,
  portalHome,
  portalRsvpResult,
} from '../../contracts/portal';
import { getJson, postJson } from '../lib/http';

/**
 * The partner portal. Every address is the portal's own (`/api/portal/…`): the institution is the
 * session's, never a parameter; what it may not see answers 404.
 */
export const portalKeys = {
  /** Everything of the portal: a change of organisation or language starts it afresh. */
  all: ['portal'] as const,
  home: () => ['portal', 'home'] as const,
  conference: (id: string) => ['portal', 'conference', id] as const,
};

// --- home and conferences ---

export const portalHomeQuery = () =>
  queryOptions({
    queryKey: portalKeys.home(),
    queryFn: () => getJson<typeof portalHome>('/api/portal/home'),
  });

/** A conference as the institution sees it now (reading it is audited: the briefs it shows). */
export const portalConferenceQuery = (id: string) =>
  queryOptions({
    queryKey: portalKeys.conference(id),
    queryFn: () => getJson<typeof portalConference>(`/api/portal/conferences/${id}`),
  });

export const answerInvitation = (conferenceId: string, body: PortalRsvpBody) =>
  postJson<typeof portalRsvpResult>(`/api/portal/conferences/${conferenceId}/rsvp`, body);

export const writeInput = (conferenceId: string, nominationId: string, body: PortalInputBody) =>
  postJson<typeof portalAgendaItem>(
    `/api/portal/conferences/${conferenceId}/cases/${nominationId}/inputs`,
    body,
  );

/** The pack, made at the click with the consents as they are then (a disclosure, logged). */
export const packUrl = (conferenceId: string) => `/api/portal/conferences/${conferenceId}/pack.pdf`;

/** The institution's copy of the published minutes, made at the click. */
export const minutesUrl = (conferenceId: string) => `/api/portal/conferences/${conferenceId}/minutes.pdf`;
