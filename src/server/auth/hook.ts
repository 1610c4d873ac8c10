import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../lib/errors';
import type { App } from '../lib/http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

import { safeEqual } from '../lib/secrets';
import { clearSessionCookie, SESSION_COOKIE } from '../lib/session-cookie';
import { resolveSession } from './service';

/**
 * Runs before every /api route: resolves the session, refuses anonymous calls to non-public
 * routes (default deny), checks the CSRF token of state-changing calls, and holds users back
 * who must first enrol a second factor.
 */
export function registerSessionHook(app: App, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(ctx, token, request.ip);
      if (resolved === 'expired') {
        request.sessionExpired = true;
        clearSessionCookie(ctx, reply);
      } else if (resolved) {
        if (!SAFE_METHODS.has(request.method)) {
          const sent = request.headers['x-csrf-token'];
          if (!config.public && (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken))) {
            throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header; reload the page');
          }
        }
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
      }
    }
    if (config.public || !request.routeOptions.url) return;
    if (!request.actor) {
      throw request.sessionExpired
        ? new AppError('session_expired', 'Your session has expired; please log in again')
        : new AppError('unauthenticated', 'Please log in');
    }
    if (request.actor.totpEnrolmentRequired && !config.allowDuringTotpEnrolment) {
      throw new AppError('totp_enrolment_required', 'Set up a second factor in your profile first');
    }
  });
}
