import { entryParams, idParams } from '../../contracts/common';
import {
  agendaBody,
  agendaProposal,
  conference,
  conferenceBody,
  conferenceListQuery,
  conferencePage,
  conferenceUpdateBody,
  conferenceVersionBody,
  invitationBody,
  nextConferenceBody,
  series,
  seriesBody,
  seriesList,
  seriesUpdateBody,
  statusBody,
} from '../../contracts/conferences';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { fixAgenda, proposeAgenda, reorderAgenda } from './agenda';
import { addInvitation, removeInvitation } from './invitations';
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

  // --- invitations and answers ---
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

  // --- nominations, consent check, written input ---

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

  // --- briefs and packs ---
}
