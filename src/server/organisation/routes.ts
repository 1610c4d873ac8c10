import { pageQuery } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import { organisationSettings, outboxPage, updateOrganisationBody } from '../../contracts/organisation';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import * as organisation from './service';

const tags = ['organisation'];
const errors = errorResponses(400, 403, 409);

export function organisationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/organisation',
    {
      schema: {
        tags,
        summary: 'Organisation settings (admin)',
        response: { 200: organisationSettings, ...errors },
      },
    },
    async (request) => organisation.getOrganisationSettings(ctx, actorOf(request)),
  );

  app.patch(
    '/api/organisation',
    {
      schema: {
        tags,
        summary: 'Change organisation settings (admin)',
        body: updateOrganisationBody,
        response: { 200: organisationSettings, ...errors },
      },
    },
    async (request) => organisation.updateOrganisationSettings(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        tags,
        summary: 'Outgoing mail of the organisation, newest first (admin)',
        querystring: pageQuery,
        response: { 200: outboxPage, ...errors },
      },
    },
    async (request) => organisation.listOutbox(ctx, actorOf(request), request.query),
  );
}
