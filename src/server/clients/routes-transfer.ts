import '@fastify/multipart';
import { z } from 'zod';
import { clientListQuery } from '../../contracts/clients';
import { errorBodySchema } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, uploadedFile } from '../lib/http';
import * as clients from './service';
import { checkImport, commitImport, exportClients, importFields, uploadImport } from './transfer';

const errors = {
  400: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
};
const mappingSchema = z.object({
  mapping: z.partialRecord(z.enum(importFields), z.number().int().min(0).max(500)),
});
const problem = z.object({
  row: z.number(),
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export function transferRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/export',
    {
      schema: {
        tags: ['clients'],
        summary: 'The filtered case list as CSV or XLSX (audited per person)',
        querystring: clientListQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportClients(ctx, actorOf(request), filter, format);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/clients/import',
    {
      schema: {
        tags: ['clients'],
        summary:
          'Upload a client list (CSV or XLSX); answers its columns, a sample and a suggested column mapping',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            id: z.uuid(),
            filename: z.string(),
            columns: z.array(z.string()),
            rowCount: z.number(),
            sample: z.array(z.array(z.string())),
            suggestedMapping: z.record(z.string(), z.number()),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { filename, data } = await uploadedFile(request, ctx.config.uploadLimitBytes);
      return uploadImport(ctx, actorOf(request), filename, data);
    },
  );

  app.post(
    '/api/clients/import/:id/check',
    {
      schema: {
        tags: ['clients'],
        summary: 'Dry run: every row’s problems under the given column mapping; nothing is saved',
        params: z.object({ id: z.uuid() }),
        body: mappingSchema,
        response: {
          200: z.object({
            rowCount: z.number(),
            validCount: z.number(),
            errorRows: z.number(),
            problems: z.array(problem),
            canCommit: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => checkImport(ctx, actorOf(request), request.params.id, request.body.mapping),
  );

  app.post(
    '/api/clients/import/:id/commit',
    {
      schema: {
        tags: ['clients'],
        summary: 'Import every row, or none if any row has an error',
        params: z.object({ id: z.uuid() }),
        body: mappingSchema,
        response: { 200: z.object({ imported: z.number() }), ...errors },
      },
    },
    async (request) => commitImport(ctx, actorOf(request), request.params.id, request.body.mapping),
  );

  app.post(
    '/api/occupations/import',
    {
      schema: {
        tags: ['reference'],
        summary: 'Load the publisher’s KldB 2010 CSV or the ESCO occupations CSV (admin, lead)',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ scheme: z.string(), imported: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { data } = await uploadedFile(request, 50 * 1024 * 1024);
      return clients.importOccupationsAs(ctx, actorOf(request), data.toString('utf8'));
    },
  );

  app.get(
    '/api/occupations/counts',
    {
      schema: {
        tags: ['reference'],
        summary: 'How many reference occupations each scheme holds',
        response: { 200: z.record(z.string(), z.number()) },
      },
    },
    async () => clients.occupationCounts(ctx.db),
  );
}
