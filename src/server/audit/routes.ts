import { z } from 'zod';
import { auditActor, auditPage, auditQuery } from '../../contracts/audit';
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
        response: { 200: z.array(auditActor), 403: errorBodySchema },
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
          'Find a person by name (any script) or case number, to filter the trail (admin, dpo; recorded)',
        querystring: z.object({ q: z.string().trim().min(2).max(100) }),
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              caseCode: z.string(),
              name: z.string(),
              birthDate: z.string().nullable(),
            }),
          ),
          400: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => lookupPersons(ctx, actorOf(request), request.query.q),
  );
}
