import {
  auditActorList,
  auditPage,
  auditQuery,
  personLookupQuery,
  personLookupResult,
} from '../../contracts/audit';
import { errorBodySchema } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { auditActors, lookupPersons, searchAudit } from './service';

export function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered by person, user, action and time (admin, dpo)',
        querystring: auditQuery,
        response: { 200: auditPage, 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => searchAudit(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/audit/users',
    {
      schema: {
        tags: ['audit'],
        summary: 'Users of the organisation, for the user filter of the audit log (admin, dpo)',
        response: { 200: auditActorList, 403: errorBodySchema },
      },
    },
    async (request) => auditActors(ctx, actorOf(request)),
  );

  app.get(
    '/api/audit/persons',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Find a person by name (any script) or case number, to filter the trail (dpo only; recorded)',
        querystring: personLookupQuery,
        response: {
          200: personLookupResult,
          400: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => lookupPersons(ctx, actorOf(request), request.query.q),
  );
}
