import type { FastifyContextConfig, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../lib/errors';
import type { App } from '../lib/http';
import { safeEqual } from '../lib/secrets';
import { clearSessionCookie, sessionTokenOf } from '../lib/session-cookie';
import { cachedSession, type ResolvedSession, resolveSession } from './service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every matched route: resolves the session, refuses anonymous calls to non-public
 * routes (default deny), checks the CSRF token of state-changing calls, and holds users back
 * who must first enrol a second factor or pick an organisation; partners reach only the portal. What a request needs is read from the route the router
 * matched (its config), never from the URL text: the router decodes `%61pi` and the text does
 * not, and a string test on the raw URL once let anonymous calls through. Requests that matched
 * no route go to the not-found handler, which answers 404/405 and serves the web client.
 * Written with a callback so that a session already in memory costs no promise.
 */
export function registerSessionHook(app: App, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfToken', null);

  const decide = (
    request: FastifyRequest,
    reply: FastifyReply,
    config: FastifyContextConfig,
    resolved: ResolvedSession | null,
  ) => {
    if (resolved === 'expired') {
      request.sessionExpired = true;
      clearSessionCookie(ctx, reply);
    } else if (resolved) {
      if (!SAFE_METHODS.has(request.method) && !config.public) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) {
          throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header; reload the page');
        }
      }
      request.actor = resolved.actor;
      request.csrfToken = resolved.csrfToken;
    }
    if (config.public) return;
    if (!request.actor) {
      throw request.sessionExpired
        ? new AppError('session_expired', 'Your session has expired; please log in again')
        : new AppError('unauthenticated', 'Please log in');
    }
    if (config.allowDuringTotpEnrolment) return;
    // A partner's world is the portal: the staff's routes do not exist for them (404, not 403), so
    // that no answer there can differ between a record that exists and one that does not.
    if (request.actor.roles.includes('partner') && !config.portal) {
      throw new AppError('not_found', 'Not found');
    }
    if (request.actor.totpEnrolmentRequired) {
      throw new AppError('totp_enrolment_required', 'Set up a second factor in your profile first');
    }
    if (request.actor.organisationChoiceRequired) {
      throw new AppError('organisation_choice_required', 'Choose the organisation you work in first');
    }
  };

  const finish = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
    config: FastifyContextConfig,
    resolved: ResolvedSession | null,
  ) => {
    try {
      decide(request, reply, config, resolved);
      done();
    } catch (error) {
      done(error as Error);
    }
  };

  app.addHook('onRequest', (request, reply, done) => {
    // routeOptions is built anew on each access: read it once.
    const { config, url } = request.routeOptions;
    // No route matched (answered by the not-found handler) or a file of the web client.
    if (!url || config.web) return done();
    const token = sessionTokenOf(request);
    if (!token) return finish(request, reply, done, config, null);
    const cached = cachedSession(ctx, token, request.ip);
    if (cached) return finish(request, reply, done, config, cached);
    resolveSession(ctx, token, request.ip).then(
      (resolved) => finish(request, reply, done, config, resolved),
      (error: Error) => done(error),
    );
  });
}
