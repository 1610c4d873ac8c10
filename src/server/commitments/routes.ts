import {
  commitment,
  commitmentExportQuery,
  commitmentList,
  commitmentListQuery,
  commitmentPage,
  commitmentReportBody,
} from '../../contracts/commitments';
import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { exportCommitments } from './export';
import { carriedOver, getCommitment, listCommitments, reportCommitment } from './service';

const tags = ['commitments'];
const errors = errorResponses(400, 403, 404, 409);

export function commitmentRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/commitments',
    {
      schema: {
        tags,
        summary: 'Commitments by institution, case, conference, series, status and due date',
        querystring: commitmentListQuery,
        response: { 200: commitmentPage, ...errors },
      },
    },
    async (request) => listCommitments(ctx, actorOf(request), request.query),
  );
  // Before /api/commitments/:id: "export" is not an id.
  app.get(
    '/api/commitments/export',
    {
      schema: {
        tags,
        summary: 'The filtered commitments as CSV (German column heads; each case written out is audited)',
        querystring: commitmentExportQuery,
      },
    },
    async (request, reply) => sendFile(reply, await exportCommitments(ctx, actorOf(request), request.query)),
  );
  app.get(
    '/api/commitments/:id',
    {
      schema: {
        tags,
        summary: 'One commitment',
        params: idParams,
        response: { 200: commitment, ...errors },
      },
    },
    async (request) => getCommitment(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/commitments/:id/report',
    {
      schema: {
        tags,
        summary:
          'Record what the institution reported: done, or dropped with the reason, on the day it said so; a lead may take a report back (status open, with the reason)',
        params: idParams,
        body: commitmentReportBody,
        response: { 200: commitment, ...errors },
      },
    },
    async (request) => reportCommitment(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/conferences/:id/carried-over',
    {
      schema: {
        tags,
        summary: 'The first agenda item: commitments still open from the earlier conferences of the series',
        params: idParams,
        response: { 200: commitmentList, ...errors },
      },
    },
    async (request) => carriedOver(ctx, actorOf(request), request.params.id),
  );
}
