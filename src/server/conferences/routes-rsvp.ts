import { rsvpBody, rsvpParams, rsvpView } from '../../contracts/conferences';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, metaOf } from '../lib/http';
import { answerRsvp, viewRsvp } from './rsvp';

const tags = ['conferences'];

/** The invitee's link: public routes without an account; the signed token is the permission (rsvp.ts). */
export function rsvpRoutes(app: App, ctx: AppContext) {
  const rsvpErrors = errorResponses(400, 409);
  app.get(
    '/api/rsvp/:conferenceId/:token',
    {
      schema: {
        tags,
        summary: 'The meeting and the answer so far, through the link in the invitation (no login)',
        params: rsvpParams,
        response: { 200: rsvpView, ...rsvpErrors },
      },
      config: { public: true },
    },
    async (request) => viewRsvp(ctx, request.params.conferenceId, request.params.token),
  );
  app.post(
    '/api/rsvp/:conferenceId/:token',
    {
      schema: {
        tags,
        summary: 'Attend, decline or name a deputy, through the link in the invitation (no login)',
        params: rsvpParams,
        body: rsvpBody,
        response: { 200: rsvpView, ...rsvpErrors },
      },
      config: { public: true },
    },
    async (request) =>
      answerRsvp(ctx, request.params.conferenceId, request.params.token, request.body, metaOf(request)),
  );
}
