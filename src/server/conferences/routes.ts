import { entryParams, idParams } from '../../contracts/common';
import {
  agendaBody,
  agendaProposal,
  briefPreview,
  briefsQuery,
  conference,
  conferenceBody,
  conferenceListQuery,
  conferencePage,
  conferenceUpdateBody,
  conferenceVersionBody,
  consentCheck,
  consentCheckQuery,
  invitationBody,
  nextConferenceBody,
  nominationBody,
  nominationUpdateBody,
  packParams,
  rsvpBody,
  series,
  seriesBody,
  seriesList,
  seriesUpdateBody,
  statusBody,
  writtenInputBody,
} from '../../contracts/conferences';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { fixAgenda, proposeAgenda, reorderAgenda } from './agenda';
import { previewBriefs } from './briefs';
import { addInvitation, recordAnswer, removeInvitation, sendInvitations } from './invitations';
import { addWrittenInput, changeNomination, checkConsent, nominate, withdrawNomination } from './nominations';
import { conferencePack } from './packs';
import { liveRoutes } from './routes-live';
import { minutesRoutes } from './routes-minutes';
import { reportRoutes } from './routes-report';
import { rsvpRoutes } from './routes-rsvp';
import { listSeries, nextConference, saveSeries } from './series';
import { changeStatus, createConference, getConference, listConferences, updateConference } from './service';

const tags = ['conferences'];
const errors = errorResponses(400, 403, 404, 409);
const page = { 200: conference, ...errors };

export function conferenceRoutes(app: App, ctx: AppContext) {
  /** After an action on a conference, its page as the caller sees it now. */
  const pageNow = (request: Parameters<typeof actorOf>[0], id: string) =>
    getConference(ctx, actorOf(request), id);

  // --- series ---
  app.get(
    '/api/conference-series',
    {
      schema: {
        tags,
        summary: 'The organisation’s conference series',
        response: { 200: seriesList, ...errors },
      },
    },
    async (request) => listSeries(ctx, actorOf(request)),
  );
  app.post(
    '/api/conference-series',
    {
      schema: {
        tags,
        summary: 'Start a conference series for a sector',
        body: seriesBody,
        response: { 200: series, ...errors },
      },
    },
    async (request) => saveSeries(ctx, actorOf(request), null, request.body),
  );
  app.patch(
    '/api/conference-series/:id',
    {
      schema: {
        tags,
        summary: 'Change a series (version required); conferences made earlier keep their settings',
        params: idParams,
        body: seriesUpdateBody,
        response: { 200: series, ...errors },
      },
    },
    async (request) => saveSeries(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/conference-series/:id/next',
    {
      schema: {
        tags,
        summary: 'Create the next conference of a series, with its invitees (not yet mailed)',
        params: idParams,
        body: nextConferenceBody,
        response: page,
      },
    },
    async (request) =>
      pageNow(request, await nextConference(ctx, actorOf(request), request.params.id, request.body)),
  );

  // --- conferences ---
  app.get(
    '/api/conferences',
    {
      schema: {
        tags,
        summary: 'Conferences: upcoming, past or all; by status, series, sector, title',
        querystring: conferenceListQuery,
        response: { 200: conferencePage, ...errors },
      },
    },
    async (request) => listConferences(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/conferences',
    { schema: { tags, summary: 'Plan a conference', body: conferenceBody, response: page } },
    async (request) => createConference(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/conferences/:id',
    {
      schema: {
        tags,
        summary: 'A conference: invitations, nominated cases, agenda, warnings',
        params: idParams,
        response: page,
      },
    },
    async (request) => getConference(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/conferences/:id',
    {
      schema: {
        tags,
        summary: 'Change a conference (version required); invitees get an updated calendar entry',
        params: idParams,
        body: conferenceUpdateBody,
        response: page,
      },
    },
    async (request) => updateConference(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/conferences/:id/status',
    {
      schema: {
        tags,
        summary: 'Move the status one step, or cancel (invitees get a cancellation)',
        params: idParams,
        body: statusBody,
        response: page,
      },
    },
    async (request) => changeStatus(ctx, actorOf(request), request.params.id, request.body),
  );

  // --- invitations and answers (the invitee's own link: routes-rsvp.ts) ---
  rsvpRoutes(app, ctx);
  minutesRoutes(app, ctx);
  reportRoutes(app, ctx);
  app.post(
    '/api/conferences/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite an institution through contact persons (or its own address)',
        params: idParams,
        body: invitationBody,
        response: page,
      },
    },
    async (request) => {
      await addInvitation(ctx, actorOf(request), request.params.id, request.body);
      return pageNow(request, request.params.id);
    },
  );
  app.delete(
    '/api/conferences/:id/invitations/:entryId',
    { schema: { tags, summary: 'Withdraw an invitation', params: entryParams, response: page } },
    async (request) => {
      await removeInvitation(ctx, actorOf(request), request.params.id, request.params.entryId);
      return pageNow(request, request.params.id);
    },
  );
  app.post(
    '/api/conferences/:id/invitations/send',
    {
      schema: {
        tags,
        summary: 'Mail the calendar invitation to everyone not yet invited or holding an older entry',
        params: idParams,
        body: conferenceVersionBody,
        response: page,
      },
    },
    async (request) => {
      await sendInvitations(ctx, actorOf(request), request.params.id, request.body);
      return pageNow(request, request.params.id);
    },
  );
  app.put(
    '/api/conferences/:id/invitations/:entryId/answer',
    {
      schema: {
        tags,
        summary: 'Record an answer received by phone or in person',
        params: entryParams,
        body: rsvpBody,
        response: page,
      },
    },
    async (request) => {
      await recordAnswer(ctx, actorOf(request), request.params.id, request.params.entryId, request.body);
      return pageNow(request, request.params.id);
    },
  );
  // --- nominations, consent check, written input ---
  app.get(
    '/api/conferences/:id/consent-check',
    {
      schema: {
        tags,
        summary:
          'What each invited institution may receive of a case now, by its consents; whether its anonymised profile is rare',
        params: idParams,
        querystring: consentCheckQuery,
        response: { 200: consentCheck, ...errors },
      },
    },
    async (request) => checkConsent(ctx, actorOf(request), request.params.id, request.query.clientId),
  );
  app.post(
    '/api/conferences/:id/nominations',
    {
      schema: {
        tags,
        summary:
          'Nominate a case (the caller’s own; leads any) with its question and the institutions needed',
        params: idParams,
        body: nominationBody,
        response: page,
      },
    },
    async (request) => {
      await nominate(ctx, actorOf(request), request.params.id, request.body);
      return pageNow(request, request.params.id);
    },
  );
  app.patch(
    '/api/conferences/:id/nominations/:entryId',
    {
      schema: {
        tags,
        summary: 'Change a nomination (version required): question, brief, institutions, anonymised, minutes',
        params: entryParams,
        body: nominationUpdateBody,
        response: page,
      },
    },
    async (request) => {
      const { id, entryId } = request.params;
      await changeNomination(ctx, actorOf(request), id, entryId, request.body);
      return pageNow(request, id);
    },
  );
  app.delete(
    '/api/conferences/:id/nominations/:entryId',
    { schema: { tags, summary: 'Withdraw a nomination', params: entryParams, response: page } },
    async (request) => {
      const { id, entryId } = request.params;
      await withdrawNomination(ctx, actorOf(request), id, entryId);
      return pageNow(request, id);
    },
  );
  app.post(
    '/api/conferences/:id/nominations/:entryId/inputs',
    {
      schema: {
        tags,
        summary: 'Record written input of an invited institution on a case (leads)',
        params: entryParams,
        body: writtenInputBody,
        response: page,
      },
    },
    async (request) => {
      const { id, entryId } = request.params;
      await addWrittenInput(ctx, actorOf(request), id, entryId, request.body);
      return pageNow(request, id);
    },
  );

  // --- agenda ---
  app.put(
    '/api/conferences/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Put the nominated cases in a new order: every nomination once (version required)',
        params: idParams,
        body: agendaBody,
        response: page,
      },
    },
    async (request) => {
      await reorderAgenda(ctx, actorOf(request), request.params.id, request.body);
      return pageNow(request, request.params.id);
    },
  );
  app.post(
    '/api/conferences/:id/agenda/optimise',
    {
      schema: {
        tags,
        summary:
          'Propose an order in which institutions come for one block and sit the fewest minutes (not saved)',
        params: idParams,
        response: { 200: agendaProposal, ...errors },
      },
    },
    async (request) => proposeAgenda(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/conferences/:id/agenda/fix',
    {
      schema: {
        tags,
        summary: 'Fix the agenda (invited → agenda fixed) and mail it to every invitee who has not declined',
        params: idParams,
        body: conferenceVersionBody,
        response: page,
      },
    },
    async (request) => {
      await fixAgenda(ctx, actorOf(request), request.params.id, request.body);
      return pageNow(request, request.params.id);
    },
  );

  // --- live mode at the table (routes-live.ts) ---
  liveRoutes(app, ctx);

  // --- briefs and packs ---
  app.get(
    '/api/conferences/:id/briefs',
    {
      schema: {
        tags,
        summary: 'The briefs an invited institution would receive now (leads; a preview, not a disclosure)',
        params: idParams,
        querystring: briefsQuery,
        response: { 200: briefPreview, ...errors },
      },
    },
    async (request) => previewBriefs(ctx, actorOf(request), request.params.id, request.query.institutionId),
  );
  app.get(
    '/api/conferences/:id/packs/:institutionId',
    {
      schema: {
        tags,
        summary:
          'The conference pack of an invited institution (PDF: agenda and briefs); written to the disclosure log',
        params: packParams,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await conferencePack(ctx, actorOf(request), request.params.id, request.params.institutionId),
      ),
  );
}
