import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './http';

type Encoding = 'br' | 'gzip';
const suffix: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to answer in: brotli where the client takes it at least as gladly as gzip, then
 * gzip, else none. `*` stands for any encoding not named; `q=0` refuses one.
 */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (e: string) => weights.get(e) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Serves the built web client from `dir` (dist/web): its files by their own routes, with the
 * brotli or gzip file written beside each at build time (vite.config.ts), and returns the answer
 * for every other page path (the single-page app's index.html, negotiated the same way), or null
 * when the client is not built.
 */
export async function serveWebClient(app: App, dir: string, headers: Record<string, string>) {
  const indexHtml = path.join(dir, 'index.html');
  if (!fs.existsSync(indexHtml)) return null;
  // The web client's files are public by declaration of their routes, not by their path.
  await app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true, web: true };
    });
    await web.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The compressed files are variants of the plain ones, not paths of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      // Built assets carry a content hash in their name, so they can be cached for good.
      setHeaders: (reply, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  });
  // Read once: the page names the hashed assets of the build the server was started with.
  const page: Record<Encoding | 'identity', Buffer> = {
    identity: fs.readFileSync(indexHtml),
    br: readIfExists(indexHtml + suffix.br),
    gzip: readIfExists(indexHtml + suffix.gzip),
  };
  return (request: FastifyRequest, reply: FastifyReply) => {
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    const body = encoding && page[encoding].length > 0 ? page[encoding] : page.identity;
    if (body !== page.identity) reply.header('content-encoding', encoding);
    return reply
      .headers(headers)
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .type('text/html; charset=utf-8')
      .send(body);
  };
}

function readIfExists(file: string) {
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
}
