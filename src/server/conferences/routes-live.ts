import { commitment } from '../../contracts/commitments';
import { entryParams, idParams, okSchema } from '../../contracts/common';
import {
  liveCommitmentBody,
  liveCommitmentEditBody,
  liveEntryBody,
  liveEntryEditBody,
  liveEntrySaved,
  liveItemBody,
  liveState,
} from '../../contracts/conferences-live';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { loadRunnable, moveToItem, liveState as stateOf } from './live';
import { addEntry, changeLiveCommitment, editEntry, makeLiveCommitment, removeEntry } from './live-entries';
import { liveHub, openLiveStream } from './live-events';

const tags = ['conferences'];
const errors = errorResponses(400, 403, 404, 409);

/** Live mode at the table: lead, moderator and minute-taker (live.ts decides). */
export function liveRoutes(app: App, ctx: AppContext) {
  // Open event streams would hold up the app's close: they end first.
  app.addHook('preClose', (done) => {
    liveHub(ctx).endAll();
    done();
  });
  app.get(
    '/api/conferences/:id/live',
    {
      schema: {
        tags,
        summary: 'Live mode: the agenda with a clock per item, its entries and commitments',
        params: idParams,
        response: { 200: liveState, ...errors },
      },
    },
    async (request) => stateOf(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/conferences/:id/live/events',
    {
      schema: {
        tags,
        summary:
          'Server-sent events (text/event-stream): `change` whenever live mode of the conference changed, in any app process; read the live state then',
        params: idParams,
        response: errors,
      },
    },
    async (request, reply) => {
      await loadRunnable(ctx.db, actorOf(request), request.params.id);
      await openLiveStream(ctx, reply, request.params.id);
      return reply;
    },
  );
  app.post(
    '/api/conferences/:id/live/item',
    {
      schema: {
        tags,
        summary: 'Call up an agenda item (`commitments` or a nomination id; null stops the clock)',
        params: idParams,
        body: liveItemBody,
        response: { 200: liveState, ...errors },
      },
    },
    async (request) => moveToItem(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/conferences/:id/live/entries',
    {
      schema: {
        tags,
        summary:
          'Add a note, decision or dissent to an item (an id from the browser makes a resend harmless)',
        params: idParams,
        body: liveEntryBody,
        response: { 200: liveEntrySaved, ...errors },
      },
    },
    async (request) => addEntry(ctx, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/conferences/:id/live/entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Change an entry; made on an older version, it is kept beside the other (`conflict: true`)',
        params: entryParams,
        body: liveEntryEditBody,
        response: { 200: liveEntrySaved, ...errors },
      },
    },
    async (request) =>
      editEntry(ctx, actorOf(request), request.params.id, request.params.entryId, request.body),
  );
  app.delete(
    '/api/conferences/:id/live/entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Remove an entry',
        params: entryParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => removeEntry(ctx, actorOf(request), request.params.id, request.params.entryId),
  );
  app.post(
    '/api/conferences/:id/live/commitments',
    {
      schema: {
        tags,
        summary: 'Record a commitment made at the table: institution, responsible person, action, due date',
        params: idParams,
        body: liveCommitmentBody,
        response: { 200: commitment, ...errors },
      },
    },
    async (request) => makeLiveCommitment(ctx, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/conferences/:id/live/commitments/:entryId',
    {
      schema: {
        tags,
        summary: 'Change a commitment made at the table (version required)',
        params: entryParams,
        body: liveCommitmentEditBody,
        response: { 200: commitment, ...errors },
      },
    },
    async (request) =>
      changeLiveCommitment(ctx, actorOf(request), request.params.id, request.params.entryId, request.body),
  );
}
