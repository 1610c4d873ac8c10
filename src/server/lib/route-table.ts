import type { FastifySchema, RouteOptions } from 'fastify';
import type { App } from './http';

/** One registered route as the router matched it: its method, its pattern and its own config. */
export interface RouteEntry {
  method: string;
  url: string;
  /** Read when asked: a plugin's own onRoute hook may declare it after this table saw the route. */
  readonly public: boolean;
  readonly web: boolean;
  pattern: RegExp;
  /** The route's schemas as declared (zod: params, querystring, body), for tests that build requests. */
  readonly schema: FastifySchema | undefined;
}

/** A route pattern (`/api/clients/:id`, `/assets/*`) as a regular expression over decoded paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment === '*'
        ? '.*'
        : segment.startsWith(':')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Every route of the app, collected as it is registered. Two rules read it: a known path asked
 * with a method it does not have answers 405 with `Allow` (not a bare 404), and the tests walk it,
 * so that a new route is checked for login, security headers and error shape without being listed.
 */
export class RouteTable {
  readonly routes: RouteEntry[] = [];

  /** Must be called before the first route is registered. */
  collect(app: App) {
    app.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        this.routes.push({
          method,
          url: route.url,
          get public() {
            return Boolean(route.config?.public);
          },
          get web() {
            return Boolean(route.config?.web);
          },
          pattern: patternOf(route.url),
          get schema() {
            return route.schema;
          },
        });
      }
    });
  }

  /** The methods a path has, for 405 answers; empty when no route has this path at all. */
  methodsOf(rawPath: string): string[] {
    let path: string;
    try {
      path = decodeURI(rawPath);
    } catch {
      return [];
    }
    return [...new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
  }
}
