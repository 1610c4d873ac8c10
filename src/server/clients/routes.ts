import {
  bulkReassignBody,
  bulkReassignResult,
  clientDetail,
  clientListQuery,
  clientPage,
  counsellorsBody,
  counsellorsResult,
  createClientBody,
  duplicateCandidateList,
  duplicateCheckBody,
  exitResultsBody,
  handoverBody,
  savedFilter,
  savedFilterBody,
  savedFilterList,
  transitionBody,
  updateClientBody,
} from '../../contracts/clients';
import { idParams, okSchema } from '../../contracts/common';
import { dashboard, dueStepPage, dueStepQuery } from '../../contracts/dashboard';
import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { dueSteps, dashboard as dueWork } from './dashboard';
import { recordExitResults } from './exit';
import { listClients } from './list';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters';
import { createClient, findDuplicates, updateClient } from './service';
import { bulkReassign, changeStage, handover, setCounsellors } from './workflow';

const tags = ['clients'];
const errors = errorResponses(400, 403, 404, 409);

export function clientRoutes(app: App, ctx: AppContext) {
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
    async (request) => listClients(ctx, actorOf(request), request.query),
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
    async (request) => createClient(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/clients/duplicates',
    {
      schema: {
        tags,
        summary: 'Cases with the same name and birth date, or the same e-mail',
        body: duplicateCheckBody,
        response: { 200: duplicateCandidateList, ...errors },
      },
    },
    async (request) => findDuplicates(ctx.db, actorOf(request), request.body),
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
    async (request) => updateClient(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) => changeStage(ctx, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/clients/:id/exit-results',
    {
      schema: {
        tags,
        summary:
          'Results at exit and six months later (ESF Plus) of a closed case: all of them, version required',
        params: idParams,
        body: exitResultsBody,
        response: { 200: clientDetail, ...errors },
      },
    },
    async (request) => recordExitResults(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) => handover(ctx, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/clients/:id/counsellors',
    {
      schema: {
        tags,
        summary: 'The further counsellors of the case',
        params: idParams,
        body: counsellorsBody,
        response: { 200: counsellorsResult, ...errors },
      },
    },
    async (request) => ({
      client: await setCounsellors(ctx, actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/clients/reassign',
    {
      schema: {
        tags,
        summary: 'Move many cases to one colleague (project lead)',
        body: bulkReassignBody,
        response: { 200: bulkReassignResult, ...errors },
      },
    },
    async (request) => bulkReassign(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: 'Expiring residence titles and consents, overdue decisions, cases per stage',
        response: { 200: dashboard, ...errors },
      },
    },
    async (request) => dueWork(ctx, actorOf(request)),
  );

  app.get(
    '/api/dashboard/steps',
    {
      schema: {
        tags,
        summary: 'Steps due in the next two weeks or overdue, earliest first, one page',
        querystring: dueStepQuery,
        response: { 200: dueStepPage, ...errors },
      },
    },
    async (request) => dueSteps(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/saved-filters',
    {
      schema: {
        tags,
        summary: 'The user’s saved case-list filters',
        response: { 200: savedFilterList, ...errors },
      },
    },
    async (request) => listSavedFilters(ctx, actorOf(request)),
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
    async (request) => saveFilter(ctx, actorOf(request), request.body),
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
      await deleteSavedFilter(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
