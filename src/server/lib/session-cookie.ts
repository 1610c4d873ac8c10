import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';

/**
 * The session cookie, read and written by hand: it is the only cookie Lotse uses, and parsing
 * every cookie of every request (as a cookie plugin does) is measurable on the hot path.
 */
export const SESSION_COOKIE = 'lotse_session';

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      // Tokens are base64url; anything else is not ours.
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function attributes(ctx: AppContext) {
  return `Path=/; HttpOnly; SameSite=Lax${ctx.config.secureCookies ? '; Secure' : ''}`;
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; ${attributes(ctx)}`);
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply) {
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(ctx)}`,
  );
}
