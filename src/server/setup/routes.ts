import { errorBodySchema } from '../../contracts/errors';
import { setupBody, setupResult, setupStatus } from '../../contracts/organisation';
import { presentMe } from '../auth/service';
import type { AppContext } from '../context';
import { type App, metaOf } from '../lib/http';
import { setSessionCookie } from '../lib/session-cookie';
import { type DemoSeeder, runSetup, setupNeeded } from './service';

const tags = ['setup'];

export function setupRoutes(app: App, ctx: AppContext, seedDemo: DemoSeeder | null) {
  app.get(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'Whether the first-run set-up is still to be done',
        response: { 200: setupStatus },
      },
      config: { public: true },
    },
    async () => ({ needed: await setupNeeded(ctx) }),
  );

  app.post(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'Create the first organisation and its admin (only while none exists); logs the admin in',
        body: setupBody,
        response: {
          200: setupResult,
          400: errorBodySchema,
          409: errorBodySchema,
        },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { session, demoLogins } = await runSetup(ctx, request.body, metaOf(request), seedDemo);
      setSessionCookie(ctx, reply, session.token);
      return { csrfToken: session.csrfToken, demoLogins, user: presentMe(session.actor) };
    },
  );
}
