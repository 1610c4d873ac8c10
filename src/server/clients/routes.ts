import { z } from 'zod';
import { type CaseFile, caseFile } from '../../contracts/casefile';
import {
  bulkReassignBody,
  clientDetail,
  clientListQuery,
  clientPage,
  counsellorsBody,
  createClientBody,
  duplicateCandidate,
  duplicateCheckBody,
  handoverBody,
  savedFilter,
  savedFilterBody,
  transitionBody,
  updateClientBody,
} from '../../contracts/clients';
import { idParams, okSchema } from '../../contracts/common';
import { errorBodySchema } from '../../contracts/errors';
import { occupation, occupationQuery } from '../../contracts/profile';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { entryRoutes } from './routes-entries';
import { transferRoutes } from './routes-transfer';
import * as clients from './service';

const tags = ['clients'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

const dashboardSchema = z.object({
  today: z.string(),
  steps: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      text: z.string(),
      dueDate: z.string().nullable(),
      owner: z.string().nullable(),
      ownerNote: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  residence: z.array(
    z.object({
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      legalBasis: z.string(),
      validUntil: z.string(),
      expired: z.boolean(),
    }),
  ),
  consents: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      purposes: z.array(z.string()),
      validUntil: z.string().nullable(),
    }),
  ),
  overdueDecisions: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      caseCode: z.string(),
      name: z.string(),
      dueOn: z.string().nullable(),
      authority: z.string().nullable(),
    }),
  ),
  stages: z.record(z.string(), z.number()),
});

const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  clientId: z.uuid().nullable(),
  message: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

export function clientRoutes(app: App, ctx: AppContext, sections: clients.CaseSection[] = []) {
  app.get(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Cases the user may see: search in any script, filters, sort, pagination',
        querystring: clientListQuery,
        response: { 200: clientPage, ...errors },
      },
    },
    async (request) => clients.listClients(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/clients',
    {
      schema: {
        tags,
        summary:
          'Open a case (intake); 409 "duplicate" lists likely duplicates unless ignoreDuplicates is set',
        body: createClientBody,
        response: { 200: clientDetail, ...errors },
      },
    },
    async (request) => clients.createClient(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/clients/duplicates',
    {
      schema: {
        tags,
        summary: 'Cases with the same name and birth date, or the same e-mail',
        body: duplicateCheckBody,
        response: { 200: z.array(duplicateCandidate), ...errors },
      },
    },
    async (request) => clients.findDuplicates(ctx.db, actorOf(request), request.body),
  );

  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'The whole case file (audited)',
        params: idParams,
        response: { 200: caseFile, ...errors },
      },
    },
    // The sections (app.ts) fill in the parts other domains keep, such as `network`.
    async (request) =>
      (await clients.getCaseFile(ctx, actorOf(request), request.params.id, sections)) as unknown as CaseFile,
  );

  app.patch(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'Change person data (version required)',
        params: idParams,
        body: updateClientBody,
        response: { 200: clientDetail, ...errors },
      },
    },
    async (request) => clients.updateClient(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/clients/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move the case to another stage',
        params: idParams,
        body: transitionBody,
        response: { 200: clientDetail, ...errors },
      },
    },
    async (request) => clients.changeStage(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/clients/:id/handover',
    {
      schema: {
        tags,
        summary: 'Hand the case to another counsellor, who is notified',
        params: idParams,
        body: handoverBody,
        response: { 200: clientDetail, ...errors },
      },
    },
    async (request) => clients.handover(ctx, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/clients/:id/counsellors',
    {
      schema: {
        tags,
        summary: 'The further counsellors of the case',
        params: idParams,
        body: counsellorsBody,
        response: { 200: z.object({ client: clientDetail.nullable() }), ...errors },
      },
    },
    async (request) => ({
      client: await clients.setCounsellors(ctx, actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/clients/reassign',
    {
      schema: {
        tags,
        summary: 'Move many cases to one colleague (project lead)',
        body: bulkReassignBody,
        response: { 200: z.object({ moved: z.number() }), ...errors },
      },
    },
    async (request) => clients.bulkReassign(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: 'Due and overdue steps, expiring residence titles and consents, overdue decisions',
        response: { 200: dashboardSchema, ...errors },
      },
    },
    async (request) => clients.dashboard(ctx, actorOf(request)),
  );

  app.get(
    '/api/occupations',
    {
      schema: {
        tags: ['reference'],
        summary: 'Search reference occupations (built-in, KldB 2010, ESCO)',
        querystring: occupationQuery,
        response: { 200: z.array(occupation), ...errors },
      },
    },
    async (request) => clients.searchOccupations(ctx, actorOf(request), request.query.q, request.query.limit),
  );

  app.get(
    '/api/saved-filters',
    {
      schema: {
        tags,
        summary: 'The user’s saved case-list filters',
        response: { 200: z.array(savedFilter), ...errors },
      },
    },
    async (request) => clients.listSavedFilters(ctx, actorOf(request)),
  );
  app.post(
    '/api/saved-filters',
    {
      schema: {
        tags,
        summary: 'Save a case-list filter',
        body: savedFilterBody,
        response: { 200: savedFilter, ...errors },
      },
    },
    async (request) => clients.saveFilter(ctx, actorOf(request), request.body),
  );
  app.delete(
    '/api/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved filter',
        params: idParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await clients.deleteSavedFilter(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The user’s notifications, newest first',
        response: { 200: z.array(notification) },
      },
    },
    async (request) => clients.listNotifications(ctx, actorOf(request)),
  );
  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all notifications read',
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await clients.markNotificationsRead(ctx, actorOf(request));
      return { ok: true as const };
    },
  );

  entryRoutes(app, ctx);
  transferRoutes(app, ctx);
}
