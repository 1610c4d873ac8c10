import type { AppContext } from '../context';
import type { App } from '../lib/http';
import { requestRoutes } from './routes-requests';
import { retentionRoutes } from './routes-retention';
import { workspaceRoutes } from './routes-workspace';

/**
 * Privacy operations: retention and the deletion job (routes-retention), data-subject requests
 * (routes-requests), the dpo's workspace and paperwork (routes-workspace).
 */
export function privacyRoutes(app: App, ctx: AppContext) {
  retentionRoutes(app, ctx);
  requestRoutes(app, ctx);
  workspaceRoutes(app, ctx);
}
