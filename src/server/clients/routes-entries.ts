import '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams, okSchema } from '../../contracts/common';
import { consentBody, consentOverview } from '../../contracts/consent';
import { clientDocument, documentCategories } from '../../contracts/documents';
import { errorBodySchema } from '../../contracts/errors';
import {
  contact,
  contactBody,
  contactUpdateBody,
  objective,
  objectiveBody,
  objectiveUpdateBody,
  step,
  stepBody,
  stepUpdateBody,
} from '../../contracts/plan';
import {
  experience,
  experienceBody,
  experienceUpdateBody,
  languageSkill,
  languageSkillBody,
  languageSkillUpdateBody,
  qualification,
  qualificationBody,
  qualificationUpdateBody,
  residenceBody,
  residenceEntry,
  residenceUpdateBody,
} from '../../contracts/profile';
import { procedure, procedureBody, procedureUpdateBody } from '../../contracts/recognition';
import type { AppContext } from '../context';
import { AppError } from '../lib/errors';
import { type App, actorOf } from '../lib/http';
import { consentFormPdf } from './consent-form';
import * as clients from './service';

const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

/** Create, change and remove one kind of case-file entry under /api/clients/:id/<path>. */
function entryRoutesFor(
  app: App,
  ctx: AppContext,
  path: string,
  service: (typeof clients.entries)[keyof typeof clients.entries],
  schemas: { create: z.ZodType; update: z.ZodType; item: z.ZodType; label: string },
) {
  const tags = ['case file'];
  app.post(
    `/api/clients/:id/${path}`,
    {
      schema: {
        tags,
        summary: `Add ${schemas.label}`,
        params: idParams,
        body: schemas.create,
        response: { 200: schemas.item, ...errors },
      },
    },
    async (request) =>
      service.create(ctx, actorOf(request), request.params.id, request.body as Record<string, unknown>),
  );
  app.patch(
    `/api/clients/:id/${path}/:entryId`,
    {
      schema: {
        tags,
        summary: `Change ${schemas.label} (version required)`,
        params: entryParams,
        body: schemas.update,
        response: { 200: schemas.item, ...errors },
      },
    },
    async (request) =>
      service.update(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.entryId,
        request.body as Record<string, unknown> & { version: number },
      ),
  );
  app.delete(
    `/api/clients/:id/${path}/:entryId`,
    {
      schema: {
        tags,
        summary: `Remove ${schemas.label}`,
        params: entryParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await service.remove(ctx, actorOf(request), request.params.id, request.params.entryId);
      return { ok: true as const };
    },
  );
}

function contentDisposition(filename: string, inline = false) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function sendFile(
  reply: FastifyReply,
  file: { stream: NodeJS.ReadableStream; filename: string; mimeType: string; size?: number },
) {
  reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file.filename));
  if (file.size) reply.header('content-length', file.size);
  return reply.send(file.stream);
}

export function entryRoutes(app: App, ctx: AppContext) {
  const e = clients.entries;
  entryRoutesFor(app, ctx, 'residence', e.residence, {
    create: residenceBody,
    update: residenceUpdateBody,
    item: residenceEntry,
    label: 'a residence status',
  });
  entryRoutesFor(app, ctx, 'qualifications', e.qualifications, {
    create: qualificationBody,
    update: qualificationUpdateBody,
    item: qualification,
    label: 'a foreign qualification',
  });
  entryRoutesFor(app, ctx, 'experience', e.experience, {
    create: experienceBody,
    update: experienceUpdateBody,
    item: experience,
    label: 'work experience',
  });
  entryRoutesFor(app, ctx, 'languages', e.languages, {
    create: languageSkillBody,
    update: languageSkillUpdateBody,
    item: languageSkill,
    label: 'a language skill',
  });
  entryRoutesFor(app, ctx, 'procedures', e.procedures, {
    create: procedureBody,
    update: procedureUpdateBody,
    item: procedure,
    label: 'a recognition procedure or ZAB statement',
  });
  entryRoutesFor(app, ctx, 'objectives', e.objectives, {
    create: objectiveBody,
    update: objectiveUpdateBody,
    item: objective,
    label: 'an objective of the plan',
  });
  entryRoutesFor(app, ctx, 'steps', e.steps, {
    create: stepBody,
    update: stepUpdateBody,
    item: step,
    label: 'a next step',
  });
  entryRoutesFor(app, ctx, 'contacts', e.contacts, {
    create: contactBody,
    update: contactUpdateBody,
    item: contact,
    label: 'a counselling session or coordination talk',
  });

  const tags = ['consent'];
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
    async (request) => clients.recordConsent(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) =>
      clients.withdrawConsent(ctx, actorOf(request), request.params.id, request.params.entryId),
  );
  app.get(
    '/api/clients/:id/consent-form',
    {
      schema: {
        tags,
        summary: 'A consent form pre-filled for signature (PDF, German or English)',
        params: idParams,
        querystring: z.object({
          language: z.enum(['de', 'en']).default('de'),
          purposes: z.union([z.array(z.string()), z.string()]).optional(),
          institutions: z.string().max(2000).optional().describe('Receiving institutions, separated by ";"'),
          scope: z.enum(['pseudonymised', 'identified']).default('pseudonymised'),
        }),
        response: { 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const purposes = q.purposes === undefined ? [] : Array.isArray(q.purposes) ? q.purposes : [q.purposes];
      const institutions = (q.institutions ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      const pdf = await consentFormPdf(ctx, actorOf(request), request.params.id, {
        language: q.language,
        purposes,
        institutions,
        scope: q.scope,
      });
      return sendFile(reply, { stream: pdf.stream, filename: pdf.filename, mimeType: 'application/pdf' });
    },
  );

  app.post(
    '/api/clients/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Upload a document (multipart: file, category, description); type checked by content',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: clientDocument, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
      const file = await request.file({ limits: { fileSize: ctx.config.uploadLimitBytes, files: 1 } });
      if (!file)
        throw new AppError('validation_failed', 'No file', {
          fields: [{ path: 'file', message: 'is required' }],
        });
      const field = (name: string) => {
        const f = file.fields[name];
        const v = f && !Array.isArray(f) && 'value' in f ? String(f.value) : '';
        return v.trim();
      };
      const category = field('category') || 'other';
      if (!(documentCategories as readonly string[]).includes(category)) {
        file.file.resume();
        throw new AppError('validation_failed', 'Unknown category', {
          fields: [{ path: 'category', message: 'is not a known category' }],
        });
      }
      return clients.uploadDocument(ctx, actorOf(request), request.params.id, {
        filename: file.filename,
        stream: file.file,
        category,
        description: field('description').slice(0, 500) || null,
      });
    },
  );
  app.get(
    '/api/clients/:id/documents/:entryId',
    {
      schema: {
        tags: ['documents'],
        summary: 'Download a document (access-checked, audited)',
        params: entryParams,
        response: { 404: errorBodySchema },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await clients.openDocument(ctx, actorOf(request), request.params.id, request.params.entryId),
      ),
  );
  app.delete(
    '/api/clients/:id/documents/:entryId',
    {
      schema: {
        tags: ['documents'],
        summary: 'Delete a document',
        params: entryParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await clients.deleteDocument(ctx, actorOf(request), request.params.id, request.params.entryId);
      return { ok: true as const };
    },
  );
}
