import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers, computed once and set with a single call per response (what helmet does, at a
 * fraction of the cost on hot API routes). API answers carry personal data: never cached, never
 * framed, never rendered as a document. The web client gets a full content security policy.
 * Which set applies is decided by the matched route, not by the URL text (see auth/hook.ts).
 */
export function securityHeaders(https: boolean) {
  const transport: Record<string, string> = https
    ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : {};
  const api = {
    ...transport,
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  const web = {
    ...transport,
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Mantine sets CSS variables through style attributes.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  return {
    api,
    web,
    /** The set of the matched route (its `web` config), the API's for everything else. */
    hook(request: FastifyRequest, reply: FastifyReply, done: () => void) {
      reply.headers(request.routeOptions.config.web ? web : api);
      done();
    },
  };
}
