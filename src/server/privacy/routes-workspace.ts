import { errorResponses } from '../../contracts/errors';
import {
  breachExportQuery,
  breachPage,
  breachQuery,
  paperworkParams,
  paperworkQuery,
  workspaceConsentsPage,
  workspaceConsentsQuery,
  workspaceDisclosuresPage,
  workspaceDisclosuresQuery,
  workspaceReads,
  workspaceReadsQuery,
} from '../../contracts/privacy-workspace';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { breachExport, breachSearch } from './breach';
import { paperwork } from './paperwork';
import { workspaceReads as readsOf, workspaceConsents, workspaceDisclosures } from './workspace';

const tags = ['privacy'];
const errors = errorResponses(400, 403);

/** The dpo's workspace (disclosures, consents, reads, the breach helper) and the paperwork. */
export function workspaceRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/privacy/workspace/disclosures',
    {
      schema: {
        tags,
        summary: 'Disclosures per institution in a period, and the list (dpo; audited)',
        querystring: workspaceDisclosuresQuery,
        response: { 200: workspaceDisclosuresPage, ...errors },
      },
    },
    async (request) => workspaceDisclosures(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/workspace/consents',
    {
      schema: {
        tags,
        summary: 'Consents running out within N days, or withdrawn in a period (dpo; audited)',
        querystring: workspaceConsentsQuery,
        response: { 200: workspaceConsentsPage, ...errors },
      },
    },
    async (request) => workspaceConsents(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/workspace/reads',
    {
      schema: {
        tags,
        summary: "Reads of cases outside each user's own caseload, the busiest hour marked (dpo; audited)",
        querystring: workspaceReadsQuery,
        response: { 200: workspaceReads, ...errors },
      },
    },
    async (request) => readsOf(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/workspace/breach',
    {
      schema: {
        tags,
        summary:
          "Whose data a user or a time window read or disclosed, with the persons' names (dpo; audited)",
        querystring: breachQuery,
        response: { 200: breachPage, ...errors },
      },
    },
    async (request) => breachSearch(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/workspace/breach/export',
    {
      schema: {
        tags,
        summary: 'The breach helper as CSV or XLSX, for the 72-hour report (dpo; audited)',
        querystring: breachExportQuery,
      },
    },
    async (request, reply) => sendFile(reply, await breachExport(ctx, actorOf(request), request.query)),
  );
  app.get(
    '/api/privacy/paperwork/:document',
    {
      schema: {
        tags,
        summary:
          'Record of processing activities, technical and organisational measures or the consent forms, from the configuration: PDF or Markdown (dpo; audited)',
        params: paperworkParams,
        querystring: paperworkQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, await paperwork(ctx, actorOf(request), request.params.document, request.query)),
  );
}
