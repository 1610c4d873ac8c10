import { entryParams, idParams } from '../../contracts/common';
import { consentBody, consentFormQuery, consentOverview } from '../../contracts/consent';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { consentFormPdf } from './form';
import { correctConsent, recordConsent, withdrawConsent } from './service';

const tags = ['consent'];
const errors = errorResponses(400, 403, 404, 409);

export function consentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/clients/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent',
        params: idParams,
        body: consentBody,
        response: { 200: consentOverview, ...errors },
      },
    },
    async (request) => recordConsent(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/clients/:id/consents/:entryId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent: effective at once',
        params: entryParams,
        response: { 200: consentOverview, ...errors },
      },
    },
    async (request) => withdrawConsent(ctx, actorOf(request), request.params.id, request.params.entryId),
  );
  app.post(
    '/api/clients/:id/consents/:entryId/correct',
    {
      schema: {
        tags,
        summary: 'Correct a record that contradicts itself: the corrected record replaces it',
        description:
          'Only for a record whose recipients and purposes contradict each other (its `contradiction` is set). The record is not edited: the correction is recorded and the old record ends now, pointing to it.',
        params: entryParams,
        body: consentBody,
        response: { 200: consentOverview, ...errors },
      },
    },
    async (request) =>
      correctConsent(ctx, actorOf(request), request.params.id, request.params.entryId, request.body),
  );
  app.get(
    '/api/clients/:id/consent-form',
    {
      schema: {
        tags,
        summary: 'A consent form pre-filled for signature (PDF, German or English)',
        params: idParams,
        querystring: consentFormQuery,
        response: errorResponses(400, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await consentFormPdf(ctx, actorOf(request), request.params.id, request.query)),
  );
}
