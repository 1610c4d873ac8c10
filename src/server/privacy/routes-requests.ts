import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import { casePrivacyState, legalHoldBody } from '../../contracts/privacy';
import {
  dueRequests,
  exportQuery,
  personHitList,
  personSearchQuery,
  requestBody,
  requestItem,
  requestListQuery,
  requestPage,
  requestUpdateBody,
  restrictionBody,
} from '../../contracts/privacy-requests';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile } from '../lib/http';
import { exportJson, exportZip } from './exports';
import { casePrivacy, liftLegalHold, setLegalHold, setRestriction } from './holds';
import {
  createRequest,
  dueRequests as dueRequestsOf,
  getRequest,
  listRequests,
  searchPersons,
  updateRequest,
} from './requests';

const tags = ['privacy'];
const errors = errorResponses(400, 403, 404, 409);

/** Data-subject requests (dpo, leads), the Art. 15 export, restriction (Art. 18) and legal holds. */
export function requestRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/privacy/persons',
    {
      schema: {
        tags,
        summary: 'Find the person of a request by name, case number or birth date (dpo, lead; audited)',
        querystring: personSearchQuery,
        response: { 200: personHitList, ...errors },
      },
    },
    async (request) => searchPersons(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Data-subject requests: open ones first by due date; filter by status, kind, overdue',
        querystring: requestListQuery,
        response: { 200: requestPage, ...errors },
      },
    },
    async (request) => listRequests(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/requests/due',
    {
      schema: {
        tags,
        summary: 'Open requests with their one-month deadline, for the start page',
        response: { 200: dueRequests, ...errors },
      },
    },
    async (request) => dueRequestsOf(ctx, actorOf(request)),
  );
  app.post(
    '/api/privacy/requests',
    {
      schema: {
        tags,
        summary:
          'Record a request (access, rectification, erasure, restriction); due one month after receipt',
        body: requestBody,
        response: { 200: requestItem, ...errors },
      },
    },
    async (request) => createRequest(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/privacy/requests/:id',
    {
      schema: { tags, summary: 'One request', params: idParams, response: { 200: requestItem, ...errors } },
    },
    async (request) => getRequest(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/privacy/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change the note, or close the request: done, refused (with the reason), withdrawn',
        params: idParams,
        body: requestUpdateBody,
        response: { 200: requestItem, ...errors },
      },
    },
    async (request) => updateRequest(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/privacy/requests/:id/export',
    {
      schema: {
        tags,
        summary: 'The Art. 15 export as a ZIP: PDF in the form language, data.json, the documents (audited)',
        params: idParams,
        querystring: exportQuery,
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportZip(ctx, actorOf(request), request.params.id, request.query.language)),
  );
  app.get(
    '/api/privacy/requests/:id/export.json',
    {
      schema: {
        tags,
        summary: 'The Art. 15 export as machine-readable JSON alone (audited)',
        params: idParams,
        response: errors,
      },
    },
    async (request, reply) => sendFile(reply, await exportJson(ctx, actorOf(request), request.params.id)),
  );
  for (const [path, restricted] of [
    ['restrict', true],
    ['lift-restriction', false],
  ] as const)
    app.post(
      `/api/privacy/requests/:id/${path}`,
      {
        schema: {
          tags,
          summary: restricted
            ? 'Restrict the case of a restriction request (Art. 18): frozen for everyone, 423'
            : 'Lift the restriction of the case',
          params: idParams,
          body: restrictionBody,
          response: { 200: requestItem, ...errors },
        },
      },
      async (request) => {
        await setRestriction(ctx, actorOf(request), request.params.id, request.body.version, restricted);
        return getRequest(ctx, actorOf(request), request.params.id);
      },
    );
  app.get(
    '/api/clients/:id/privacy',
    {
      schema: {
        tags,
        summary: "A case's legal hold, restriction and announced deletion (who may open the case; the dpo)",
        params: idParams,
        response: { 200: casePrivacyState, ...errors },
      },
    },
    async (request) => casePrivacy(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/clients/:id/legal-hold',
    {
      schema: {
        tags,
        summary: 'Place or change a legal hold with its reason: the deletion job leaves the case alone',
        params: idParams,
        body: legalHoldBody,
        response: { 200: casePrivacyState, ...errors },
      },
    },
    async (request) => setLegalHold(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/clients/:id/legal-hold',
    {
      schema: {
        tags,
        summary: 'Lift the legal hold',
        params: idParams,
        response: { 200: casePrivacyState, ...errors },
      },
    },
    async (request) => liftLegalHold(ctx, actorOf(request), request.params.id),
  );
}
