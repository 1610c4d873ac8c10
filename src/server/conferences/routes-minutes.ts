import { idParams } from '../../contracts/common';
import {
  conferenceMinutes,
  minutesBody,
  minutesItemParams,
  minutesPdfQuery,
  minutesPublishBody,
} from '../../contracts/conferences-minutes';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { editMinutes, getMinutes } from './minutes';
import { minutesPdf } from './minutes-pdf';
import { publishMinutes } from './minutes-publish';

const tags = ['conferences'];
const errors = errorResponses(400, 403, 404, 409);

/** The minutes of a conference: drafted from live mode, edited, previewed per institution, published. */
export function minutesRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/conferences/:id/minutes',
    {
      schema: {
        tags,
        summary: 'The minutes per agenda item: text, commitments, and what each invited institution receives',
        params: idParams,
        response: { 200: conferenceMinutes, ...errors },
      },
    },
    async (request) => getMinutes(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/conferences/:id/minutes/:item',
    {
      schema: {
        tags,
        summary:
          'Edit the minutes of one item (`commitments` or a nomination id; version 0 for the first edit) until they are published',
        params: minutesItemParams,
        body: minutesBody,
        response: { 200: conferenceMinutes, ...errors },
      },
    },
    async (request) =>
      editMinutes(ctx, actorOf(request), request.params.id, request.params.item, request.body),
  );
  app.get(
    '/api/conferences/:id/minutes.pdf',
    {
      schema: {
        tags,
        summary:
          'The minutes as PDF: the staff copy, or with institutionId the copy that institution would receive (a preview, not a disclosure)',
        params: idParams,
        querystring: minutesPdfQuery,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await minutesPdf(ctx, actorOf(request), request.params.id, request.query.institutionId),
      ),
  );
  app.post(
    '/api/conferences/:id/minutes/publish',
    {
      schema: {
        tags,
        summary:
          'Publish the minutes of a held conference: a mail with its copy to every invitee, written to the disclosure log',
        params: idParams,
        body: minutesPublishBody,
        response: { 200: conferenceMinutes, ...errors },
      },
    },
    async (request) => publishMinutes(ctx, actorOf(request), request.params.id, request.body),
  );
}
