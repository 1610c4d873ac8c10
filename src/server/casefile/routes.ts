import type { z } from 'zod';
import { caseFile } from '../../contracts/casefile';
import { entryParams, idParams, okSchema } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
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
import { type App, actorOf } from '../lib/http';
import { type CaseSection, entries, getCaseFile } from './service';

const errors = errorResponses(400, 403, 404, 409);

/** Create, change and remove one kind of case-file entry under /api/clients/:id/<path>. */
function entryRoutesFor(
  app: App,
  ctx: AppContext,
  path: string,
  service: (typeof entries)[keyof typeof entries],
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

/** The case file: the whole of it in one answer, and its entries one kind at a time. */
export function caseFileRoutes(app: App, ctx: AppContext, sections: readonly CaseSection[]) {
  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'The whole case file (audited)',
        params: idParams,
        response: { 200: caseFile, ...errors },
      },
    },
    // The sections (app.ts) fill in the parts other domains keep: consent, documents, network.
    async (request) => getCaseFile(ctx, actorOf(request), request.params.id, sections),
  );

  const e = entries;
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
}
