import { sql } from 'drizzle-orm';
import { healthSchema } from '../../contracts/system';
import type { AppContext } from '../context';
import type { App } from '../lib/http';

export function systemRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: healthSchema, 503: healthSchema },
      },
      config: { public: true },
    },
    async (_request, reply) => {
      const base = { database: ctx.databaseKind, version: ctx.version };
      try {
        await ctx.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, ...base };
      } catch {
        return reply.status(503).send({ status: 'error' as const, ...base });
      }
    },
  );
}
