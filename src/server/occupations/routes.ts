import '@fastify/multipart';
import { errorResponses } from '../../contracts/errors';
import {
  occupationCounts,
  occupationImportResult,
  occupationList,
  occupationQuery,
} from '../../contracts/profile';
import type { AppContext } from '../context';
import { type App, actorOf, uploadedFile } from '../lib/http';
import { occupationCounts as countOccupations, importOccupationsAs, searchOccupations } from './service';

const tags = ['reference'];

export function occupationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/occupations',
    {
      schema: {
        tags,
        summary: 'Search reference occupations (built-in, KldB 2010, ESCO)',
        querystring: occupationQuery,
        response: { 200: occupationList, ...errorResponses(400, 403, 404, 409) },
      },
    },
    async (request) => searchOccupations(ctx, actorOf(request), request.query.q, request.query.limit),
  );

  app.post(
    '/api/occupations/import',
    {
      schema: {
        tags,
        summary: 'Load the publisher’s KldB 2010 CSV or the ESCO occupations CSV (admin, lead)',
        consumes: ['multipart/form-data'],
        response: { 200: occupationImportResult, ...errorResponses(400, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { data } = await uploadedFile(request, 50 * 1024 * 1024);
      return importOccupationsAs(ctx, actorOf(request), data.toString('utf8'));
    },
  );

  app.get(
    '/api/occupations/counts',
    {
      schema: {
        tags,
        summary: 'How many reference occupations each scheme holds',
        response: { 200: occupationCounts },
      },
    },
    async () => countOccupations(ctx.db),
  );
}
