import { entryParams, idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  acquisitionBody,
  acquisitionList,
  acquisitionUpdateBody,
  candidateList,
  followUpList,
  measure,
  measureBody,
  measurePage,
  measureQuery,
  measureUpdateBody,
  placementBody,
  placementList,
  placementUpdateBody,
  suggestions,
} from '../../contracts/measures';
import type { AppContext } from '../context';
import { todayInGermany } from '../lib/calendar';
import { type App, actorOf } from '../lib/http';
import { getMeasure, listMeasures, saveMeasure } from './catalogue';
import { followUps } from './follow-ups';
import { candidatesFor, suggestionsFor } from './matching';
import { addAcquisition, addPlacement, updateAcquisition, updatePlacement } from './progress';

const tags = ['measures'];
const errors = errorResponses(400, 403, 404, 409);

export function measureRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/follow-ups',
    {
      schema: {
        tags,
        summary:
          'Measures and offers of the caller’s open cases waiting two weeks or more for funding or an employer',
        response: { 200: followUpList, ...errors },
      },
    },
    async (request) => followUps(ctx, actorOf(request)),
  );
  app.get(
    '/api/measures',
    {
      schema: {
        tags,
        summary: 'The measures catalogue: search, filter by type, sector, provider',
        querystring: measureQuery,
        response: { 200: measurePage, ...errors },
      },
    },
    async (request) => listMeasures(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/measures',
    {
      schema: {
        tags,
        summary: 'Add a measure to the catalogue',
        body: measureBody,
        response: { 200: measure, ...errors },
      },
    },
    async (request) => saveMeasure(ctx, actorOf(request), null, request.body),
  );
  app.get(
    '/api/measures/:id',
    { schema: { tags, summary: 'One measure', params: idParams, response: { 200: measure, ...errors } } },
    async (request) => getMeasure(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/measures/:id',
    {
      schema: {
        tags,
        summary: 'Change a measure (version required)',
        params: idParams,
        body: measureUpdateBody,
        response: { 200: measure, ...errors },
      },
    },
    async (request) => saveMeasure(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/clients/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Ranked measures and offers for a case, with the reasons (audited)',
        params: idParams,
        response: { 200: suggestions, ...errors },
      },
    },
    async (request) => suggestionsFor(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/opportunities/:id/candidates',
    {
      schema: {
        tags,
        summary:
          'Ranked cases for an offer: the caller’s cases (leads: all) whose consent lets the profile go to this employer (audited)',
        params: idParams,
        response: { 200: candidateList, ...errors },
      },
    },
    async (request) => candidatesFor(ctx, actorOf(request), request.params.id, todayInGermany()),
  );

  app.post(
    '/api/clients/:id/measures',
    {
      schema: {
        tags,
        summary: 'Propose a measure of the catalogue for the client',
        params: idParams,
        body: acquisitionBody,
        response: { 200: acquisitionList, ...errors },
      },
    },
    async (request) => addAcquisition(ctx, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/clients/:id/measures/:entryId',
    {
      schema: {
        tags,
        summary:
          'Move a measure of the client on (applied, funding requested, funded, started, completed, dropped, rejected) or record funding and dates',
        params: entryParams,
        body: acquisitionUpdateBody,
        response: { 200: acquisitionList, ...errors },
      },
    },
    async (request) =>
      updateAcquisition(ctx, actorOf(request), request.params.id, request.params.entryId, request.body),
  );
  app.post(
    '/api/clients/:id/opportunities',
    {
      schema: {
        tags,
        summary: 'Suggest an offer to the client',
        params: idParams,
        body: placementBody,
        response: { 200: placementList, ...errors },
      },
    },
    async (request) => addPlacement(ctx, actorOf(request), request.params.id, request.body.opportunityId),
  );
  app.patch(
    '/api/clients/:id/opportunities/:entryId',
    {
      schema: {
        tags,
        summary:
          'Move an offer on; introducing the client to the employer needs consent and is logged as a disclosure',
        params: entryParams,
        body: placementUpdateBody,
        response: { 200: placementList, ...errors },
      },
    },
    async (request) =>
      updatePlacement(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.entryId,
        request.body,
        todayInGermany(),
      ),
  );
}
