import '@fastify/multipart';
import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  caseExportQuery,
  importCheck,
  importCommitted,
  importMappingBody,
  importUpload,
} from '../../contracts/transfer';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile, uploadedFile } from '../lib/http';
import { exportClients } from './export';
import { checkImport, commitImport, uploadImport } from './service';

const tags = ['clients'];
const errors = errorResponses(400, 403, 404, 409, 413, 415);

/** Case lists in and out: the filtered list as a sheet, and a sheet of clients imported in three steps. */
export function transferRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/export',
    {
      schema: {
        tags,
        summary: 'The filtered case list as CSV or XLSX (audited per person)',
        querystring: caseExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      return sendFile(reply, await exportClients(ctx, actorOf(request), filter, format));
    },
  );

  app.post(
    '/api/clients/import',
    {
      schema: {
        tags,
        summary:
          'Upload a client list (CSV or XLSX); answers its columns, a sample and a suggested column mapping',
        consumes: ['multipart/form-data'],
        response: { 200: importUpload, ...errors },
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
        tags,
        summary: 'Dry run: every row’s problems under the given column mapping; nothing is saved',
        params: idParams,
        body: importMappingBody,
        response: { 200: importCheck, ...errors },
      },
    },
    async (request) => checkImport(ctx, actorOf(request), request.params.id, request.body.mapping),
  );

  app.post(
    '/api/clients/import/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import every row, or none if any row has an error',
        params: idParams,
        body: importMappingBody,
        response: { 200: importCommitted, ...errors },
      },
    },
    async (request) => commitImport(ctx, actorOf(request), request.params.id, request.body.mapping),
  );
}
