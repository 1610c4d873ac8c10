import {
  conferenceReport,
  conferenceReportExportQuery,
  conferenceReportQuery,
} from '../../contracts/conference-report';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { conferenceReport as reportOf } from './report';
import { exportConferenceReport } from './report-export';

const tags = ['conferences'];
const errors = errorResponses(400, 403, 404);
const scope =
  'Scope: conferenceId (one conference), or seriesId and/or from–to (conferences by local date; the last 12 months by default)';

/** The conference report (leads): figures as JSON, and the same as PDF or XLSX for the steering group and funder. */
export function reportRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/conference-report',
    {
      schema: {
        tags,
        summary:
          'What the conferences of a scope achieved: cases, commitments, stage moves, pathways (counts only)',
        description: scope,
        querystring: conferenceReportQuery,
        response: { 200: conferenceReport, ...errors },
      },
    },
    async (request) => reportOf(ctx, actorOf(request), request.query),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.get(
      `/api/conference-report.${format}`,
      {
        schema: {
          tags,
          summary: `The conference report as ${format.toUpperCase()} (audited)`,
          description: scope,
          querystring: conferenceReportExportQuery,
          response: errors,
        },
      },
      async (request, reply) =>
        sendFile(reply, await exportConferenceReport(ctx, actorOf(request), request.query, format)),
    );
}
