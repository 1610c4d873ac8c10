import { errorResponses } from '../../contracts/errors';
import {
  portalAgendaItem,
  portalCaseParams,
  portalConference,
  portalConferenceParams,
  portalHome,
  portalInputBody,
  portalRsvpBody,
  portalRsvpResult,
} from '../../contracts/portal';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import {
  portalConference as conferenceOfPartner,
  portalHome as homeOfPartner,
  portalCase,
  portalMinutes,
  portalPack,
  portalRsvp,
  portalWriteInput,
} from './service';

const tags = ['portal'];
const errors = errorResponses(400, 403, 404, 409);
/** Partners reach only routes marked so (auth/hook.ts); staff are refused by `partnerScope`. */
const config = { portal: true };

/**
 * The partner portal: the home page and the conferences of the partner's institution. The
 * institution is always the session's, never a parameter; anything out of its reach answers 404.
 */
export function portalRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/portal/home',
    {
      schema: {
        tags,
        summary: 'The partner’s start page: upcoming and past conferences, commitment counts',
        response: { 200: portalHome, ...errors },
      },
      config,
    },
    async (request) => homeOfPartner(ctx, actorOf(request)),
  );
  app.get(
    '/api/portal/conferences/:id',
    {
      schema: {
        tags,
        summary:
          'A conference the institution is invited to: agenda with times, the briefs it receives now, its answer and commitments',
        params: portalConferenceParams,
        response: { 200: portalConference, ...errors },
      },
      config,
    },
    async (request) => conferenceOfPartner(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/portal/conferences/:id/rsvp',
    {
      schema: {
        tags,
        summary:
          'The institution’s answer (on all its invitations, or the one named) until the conference is held',
        params: portalConferenceParams,
        body: portalRsvpBody,
        response: { 200: portalRsvpResult, ...errors },
      },
      config,
    },
    async (request) => portalRsvp(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/portal/conferences/:id/cases/:nominationId',
    {
      schema: {
        tags,
        summary: 'One case the institution receives now: its brief and the institution’s written input',
        params: portalCaseParams,
        response: { 200: portalAgendaItem, ...errors },
      },
      config,
    },
    async (request) => portalCase(ctx, actorOf(request), request.params.id, request.params.nominationId),
  );
  app.post(
    '/api/portal/conferences/:id/cases/:nominationId/inputs',
    {
      schema: {
        tags,
        summary: 'Written input of the institution on a case it receives, until the conference is held',
        params: portalCaseParams,
        body: portalInputBody,
        response: { 200: portalAgendaItem, ...errors },
      },
      config,
    },
    async (request) =>
      portalWriteInput(ctx, actorOf(request), request.params.id, request.params.nominationId, request.body),
  );
  app.get(
    '/api/portal/conferences/:id/pack.pdf',
    {
      schema: {
        tags,
        summary:
          'The institution’s conference pack (PDF), made now with the consents as they are; written to the disclosure log',
        params: portalConferenceParams,
        response: errors,
      },
      config,
    },
    async (request, reply) => sendFile(reply, await portalPack(ctx, actorOf(request), request.params.id)),
  );
  app.get(
    '/api/portal/conferences/:id/minutes.pdf',
    {
      schema: {
        tags,
        summary:
          'The institution’s copy of the published minutes (PDF), made now with the consents as they are',
        params: portalConferenceParams,
        response: errors,
      },
      config,
    },
    async (request, reply) => sendFile(reply, await portalMinutes(ctx, actorOf(request), request.params.id)),
  );
}
