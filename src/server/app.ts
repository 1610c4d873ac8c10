import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/routes';
import { registerSessionHook } from './auth/hook';
import { authRoutes } from './auth/routes';
import { backupRoutes } from './backup/routes';
import { caseFileRoutes } from './casefile/routes';
import type { CaseSection } from './casefile/service';
import { clientRoutes } from './clients/routes';
import { commitmentRoutes } from './commitments/routes';
import { commitmentsSection } from './commitments/service';
import { conferenceRoutes } from './conferences/routes';
import { consentRoutes } from './consent/routes';
import { consentSection } from './consent/service';
import type { AppContext } from './context';
import { seedDemo } from './demo/seed';
import { documentRoutes } from './documents/routes';
import { documentsSection } from './documents/service';
import {
  type App,
  clientErrorHandler,
  errorHandler,
  frameworkErrorHandler,
  sendStatusError,
} from './lib/http';
import { logController } from './lib/logging';
import { RouteTable } from './lib/route-table';
import { securityHeaders } from './lib/security-headers';
import { serializerCompiler } from './lib/serializer';
import { validatorCompiler } from './lib/validator';
import { serveWebClient } from './lib/web-client';
import { measureRoutes } from './measures/routes';
import { caseNetworkSection } from './measures/service';
import { networkRoutes } from './network/routes';
import { notificationRoutes } from './notifications/routes';
import { occupationRoutes } from './occupations/routes';
import { organisationRoutes } from './organisation/routes';
import { partnerRoutes } from './partners/routes';
import { pathwayRoutes } from './pathways/routes';
import { portalRoutes } from './portal/routes';
import { portalCommitmentRoutes } from './portal/routes-commitments';
import { privacyRoutes } from './privacy/routes';
import { reportRoutes } from './reports/routes';
import { setupRoutes } from './setup/routes';
import { systemRoutes } from './system/routes';
import { transferRoutes } from './transfer/routes';
import { userRoutes } from './users/routes';

/**
 * The parts of the case file that other domains keep, in the order their events join the
 * timeline. The case file depends on none of them; they are put together here.
 */
const caseSections: readonly CaseSection[] = [
  consentSection,
  documentsSection,
  caseNetworkSection,
  commitmentsSection,
];

export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildOptions {
  /** Fastify logger; false in tests. */
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** The built web client; dist/web unless a test serves its own. */
  webDir?: string;
}

/** Builds the whole HTTP application; main.ts listens, tests call app.inject. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const headers = securityHeaders(ctx.config.secureCookies);
  const app = Fastify({
    logger: options.logger ?? false,
    logController: logController(),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // A slow client cannot hold a connection open for ever (slowloris).
    requestTimeout: ctx.config.requestTimeoutMs,
    // Off by default (see config.ts); when set, a route that runs longer answers 503 `timeout`.
    handlerTimeout: ctx.config.handlerTimeoutMs,
    frameworkErrors: frameworkErrorHandler(headers.api),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const routeTable = new RouteTable();
  routeTable.collect(app);
  app.decorate('routeTable', routeTable);

  app.addHook('onRequest', headers.hook);
  // Before any plugin: a plugin's routes get the hooks present when it is registered, so every
  // route below is behind the session check unless it declares itself public.
  registerSessionHook(app, ctx);
  // Server time of every answer, for browser developer tools and the benchmarks.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    done(null, payload);
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: ctx.version,
        description:
          'Case management and donor conferences for recognition counselling. Authenticate with POST /api/auth/login; send the returned csrfToken as X-CSRF-Token on every state-changing request.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API's description is public (as /api/openapi.json): declared so on its routes.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Served over plain http on a LAN too; the upgrade directive would break it there.
      transformStaticCSP: (csp) =>
        ctx.config.secureCookies ? csp : csp.replace('upgrade-insecure-requests;', ''),
    });
  });

  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10 },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  systemRoutes(app, ctx);
  backupRoutes(app, ctx);
  setupRoutes(app, ctx, seedDemo);
  authRoutes(app, ctx);
  userRoutes(app, ctx);
  organisationRoutes(app, ctx);
  auditRoutes(app, ctx);
  notificationRoutes(app, ctx);
  // Before the case routes: /api/clients/export and /import are not case ids.
  transferRoutes(app, ctx);
  clientRoutes(app, ctx);
  caseFileRoutes(app, ctx, caseSections);
  consentRoutes(app, ctx);
  documentRoutes(app, ctx);
  occupationRoutes(app, ctx);
  networkRoutes(app, ctx);
  measureRoutes(app, ctx);
  conferenceRoutes(app, ctx);
  privacyRoutes(app, ctx);
  pathwayRoutes(app, ctx);
  commitmentRoutes(app, ctx);
  portalCommitmentRoutes(app, ctx);
  portalRoutes(app, ctx);
  partnerRoutes(app, ctx);
  reportRoutes(app, ctx);

  const webPage = await serveWebClient(app, options.webDir ?? webDistDir, headers.web);
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const methods = routeTable.methodsOf(pathname);
    if (methods.length > 0) {
      return sendStatusError(reply.header('allow', methods.join(', ')), 405);
    }
    const lower = pathname.toLowerCase();
    const apiLike = lower === '/api' || lower.includes('/api/');
    if (apiLike || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendStatusError(reply, 404);
    }
    if (!webPage)
      return reply.status(404).type('text/plain').send('The web client is not built; run npm start.');
    // The single-page app answers every other path itself.
    return webPage(request, reply.status(200));
  });
  return app;
}
