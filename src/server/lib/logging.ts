import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/**
 * Fastify's request lines (one on arrival, one on completion, at `info`) moved to `debug`, one
 * line per request: at the default level the terminal shows the start message, warnings and
 * errors, not every asset a browser fetches. `LOG_LEVEL=debug` brings them back. A request that
 * failed on the way out is still logged as an error.
 */
class RequestsAtDebug extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    // Personal data never goes into logs: no bodies, no query strings (they could carry names or
    // tokens), and not the token of an RSVP link, which is a path segment.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0]?.replace(/^(\/api\/rsvp\/[^/]+\/)[^/]+/, '$1…'),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export const logController = () => new RequestsAtDebug();
