import { commitmentListQuery, commitmentPage } from '../../contracts/commitments';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { listCommitments } from './service';

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
}
