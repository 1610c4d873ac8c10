import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  portalCommitment,
  portalCommitmentPage,
  portalCommitmentQuery,
  portalReportBody,
} from '../../contracts/portal';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { getPortalCommitment, listPortalCommitments, reportPortalCommitment } from './commitments';

const tags = ['portal'];
const errors = errorResponses(400, 403, 404, 409);
/** Partners reach only portal routes (auth/hook.ts); staff are refused by `partnerScope` (403). */
const config = { portal: true };

/** The institution's commitments in the partner portal: the list, one, and its report. */
export function portalCommitmentRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/portal/commitments',
    {
      config,
      schema: {
        tags,
        summary:
          "The institution's commitments the portal may show now (on no case, or on a case it receives by consent now): open by default, overdue first",
        querystring: portalCommitmentQuery,
        response: { 200: portalCommitmentPage, ...errors },
      },
    },
    async (request) => listPortalCommitments(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/portal/commitments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One commitment of the institution (404 when the portal may not show it now)',
        params: idParams,
        response: { 200: portalCommitment, ...errors },
      },
    },
    async (request) => getPortalCommitment(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/portal/commitments/:id/report',
    {
      config,
      schema: {
        tags,
        summary:
          'The institution reports: progress (a note; it stays open), done, or dropped with the reason, on the day it happened',
        params: idParams,
        body: portalReportBody,
        response: { 200: portalCommitment, ...errors },
      },
    },
    async (request) => reportPortalCommitment(ctx, actorOf(request), request.params.id, request.body),
  );
}
