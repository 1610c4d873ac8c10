import type { AppContext } from '../context';
import type { App } from '../lib/http';

/** Not built yet (issue 15). */
export function requestRoutes(_app: App, _ctx: AppContext) {}
