import { entryParams, idParams, okSchema } from '../../contracts/common';
import { clientDocument } from '../../contracts/documents';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile, uploadedStream } from '../lib/http';
import { deleteDocument, openDocument, uploadDocument } from './service';

const tags = ['documents'];

export function documentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/clients/:id/documents',
    {
      schema: {
        tags,
        summary: 'Upload a document (multipart: file, category, description); type checked by content',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: clientDocument, ...errorResponses(400, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const upload = await uploadedStream(request, ctx.config.uploadLimitBytes);
      return uploadDocument(ctx, actorOf(request), request.params.id, {
        filename: upload.filename,
        stream: upload.stream,
        category: upload.field('category'),
        description: upload.field('description'),
      });
    },
  );
  app.get(
    '/api/clients/:id/documents/:entryId',
    {
      schema: {
        tags,
        summary: 'Download a document (access-checked, audited)',
        params: entryParams,
        response: errorResponses(404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await openDocument(ctx, actorOf(request), request.params.id, request.params.entryId)),
  );
  app.delete(
    '/api/clients/:id/documents/:entryId',
    {
      schema: {
        tags,
        summary: 'Delete a document',
        params: entryParams,
        response: { 200: okSchema, ...errorResponses(400, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteDocument(ctx, actorOf(request), request.params.id, request.params.entryId);
      return { ok: true as const };
    },
  );
}
