import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  applyPathwayBody,
  pathway,
  pathwayApplied,
  pathwayApplyParams,
  pathwayBody,
  pathwayListQuery,
  pathwayOffers,
  pathwayPage,
  pathwayUpdateBody,
} from '../../contracts/pathways';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { applyPathway, offersFor } from './apply';
import { createPathway, getPathway, listPathways, updatePathway } from './service';

const tags = ['pathways'];
const errors = errorResponses(400, 403, 404, 409);

export function pathwayRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/pathways',
    {
      schema: {
        tags,
        summary:
          'Pathways for a profession: by sector, conference, reference occupation, words; archived ones on request',
        querystring: pathwayListQuery,
        response: { 200: pathwayPage, ...errors },
      },
    },
    async (request) => listPathways(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/pathways',
    {
      schema: {
        tags,
        summary: 'Write down a pathway (leads)',
        body: pathwayBody,
        response: { 200: pathway, ...errors },
      },
    },
    async (request) => createPathway(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/pathways/:id',
    { schema: { tags, summary: 'One pathway', params: idParams, response: { 200: pathway, ...errors } } },
    async (request) => getPathway(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/pathways/:id',
    {
      schema: {
        tags,
        summary: 'Change or archive a pathway (version required; leads)',
        params: idParams,
        body: pathwayUpdateBody,
        response: { 200: pathway, ...errors },
      },
    },
    async (request) => updatePathway(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/conferences/:id/pathways',
    {
      schema: {
        tags,
        summary: 'Adopt a pathway at a conference that has begun or been held (leads)',
        params: idParams,
        body: pathwayBody,
        response: { 200: pathway, ...errors },
      },
    },
    async (request) => createPathway(ctx, actorOf(request), request.body, request.params.id),
  );
  app.get(
    '/api/clients/:id/pathways',
    {
      schema: {
        tags,
        summary:
          'The pathways for the case’s reference occupations, with the measures that fit each step and whether the case follows it (audited)',
        params: idParams,
        response: { 200: pathwayOffers, ...errors },
      },
    },
    async (request) => offersFor(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/clients/:id/pathways/:pathwayId/apply',
    {
      schema: {
        tags,
        summary:
          'Apply a pathway to the case’s plan: its objective, a step per pathway step, the ticked measures proposed (audited)',
        params: pathwayApplyParams,
        body: applyPathwayBody,
        response: { 200: pathwayApplied, ...errors },
      },
    },
    async (request) =>
      applyPathway(ctx, actorOf(request), request.params.id, request.params.pathwayId, request.body),
  );
}
