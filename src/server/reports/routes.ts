import { idParams, okSchema } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  drillDownExportQuery,
  drillDownQuery,
  drillDownResult,
  reportBundleQuery,
  reportCatalogue,
  reportExportQuery,
  reportQuery,
  reportResult,
  savedReport,
  savedReportBody,
  savedReportList,
} from '../../contracts/reports';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { exportDrillDown, exportReport, exportYear } from './export';
import {
  reportCatalogue as catalogueOf,
  deleteSavedReport,
  drillDown,
  listSavedReports,
  runReport,
  saveReport,
} from './service';

const tags = ['reports'];
const errors = errorResponses(400, 403, 404);
const hiding =
  'Cells with one to four persons behind them are hidden (suppressed: primary), and so are cells from which a hidden one could be worked out (secondary); a hidden cell has value null.';

/** Funder reports: leads for the organisation, counsellors for their own caseload; drill-down by leads. */
export function reportRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'The reports this user may run',
        response: { 200: reportCatalogue, ...errors },
      },
    },
    async (request) => catalogueOf(actorOf(request)),
  );
  app.get(
    '/api/reports/run',
    {
      schema: {
        tags,
        summary: 'One report over a period, split by a breakdown, with the previous period beside it',
        description: hiding,
        querystring: reportQuery,
        response: { 200: reportResult, ...errors },
      },
    },
    async (request) => runReport(ctx, actorOf(request), request.query),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.get(
      `/api/reports/run.${format}`,
      {
        schema: {
          tags,
          summary: `One report as ${format.toUpperCase()} (audited)`,
          description: hiding,
          querystring: reportExportQuery,
          response: errors,
        },
      },
      async (request, reply) =>
        sendFile(reply, await exportReport(ctx, actorOf(request), request.query, format)),
    );
  app.get(
    '/api/reports/year.xlsx',
    {
      schema: {
        tags,
        summary: 'Every report of a period in one workbook (audited)',
        querystring: reportBundleQuery,
        response: errors,
      },
    },
    async (request, reply) => sendFile(reply, await exportYear(ctx, actorOf(request), request.query)),
  );
  app.get(
    '/api/reports/cases',
    {
      schema: {
        tags,
        summary: 'The cases behind one cell (leads; every opening audited)',
        description: 'row and column are the keys the report gave; "total" means the row or column total.',
        querystring: drillDownQuery,
        response: { 200: drillDownResult, ...errors },
      },
    },
    async (request) => drillDown(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/reports/cases.xlsx',
    {
      schema: {
        tags,
        summary:
          'The cases behind one cell, pseudonymised: keyed hash, age group, no name or birth date (audited)',
        querystring: drillDownExportQuery,
        response: errors,
      },
    },
    async (request, reply) => sendFile(reply, await exportDrillDown(ctx, actorOf(request), request.query)),
  );
  app.get(
    '/api/reports/saved',
    {
      schema: { tags, summary: 'The reports this user saved', response: { 200: savedReportList, ...errors } },
    },
    async (request) => listSavedReports(ctx, actorOf(request)),
  );
  app.post(
    '/api/reports/saved',
    {
      schema: {
        tags,
        summary: 'Save a report to run again (with its definition version)',
        body: savedReportBody,
        response: { 200: savedReport, ...errors },
      },
    },
    async (request) => saveReport(ctx, actorOf(request), request.body),
  );
  app.delete(
    '/api/reports/saved/:id',
    {
      schema: {
        tags,
        summary: 'Remove a saved report',
        params: idParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => deleteSavedReport(ctx, actorOf(request), request.params.id),
  );
}
