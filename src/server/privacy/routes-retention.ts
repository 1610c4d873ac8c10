import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  erasureResult,
  noticeList,
  noticesQuery,
  privacySettings,
  privacySettingsBody,
  proofList,
  proofsQuery,
  retentionRunResult,
} from '../../contracts/privacy';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { runRetentionNow } from './deletion';
import { eraseForRequest } from './erasure';
import { getPrivacySettings, listNotices, listProofs, updatePrivacySettings } from './service';

const tags = ['privacy'];

/** Retention settings (admin, dpo), the deletion list and proofs, the job on demand (dpo), erasure (dpo, leads). */
export function retentionRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/privacy/settings',
    {
      schema: {
        tags,
        summary: 'Retention periods per class and the privacy settings',
        response: { 200: privacySettings, ...errorResponses(403) },
      },
    },
    async (request) => getPrivacySettings(ctx, actorOf(request)),
  );
  app.put(
    '/api/privacy/settings',
    {
      schema: {
        tags,
        summary: 'Change the retention periods and the privacy settings',
        body: privacySettingsBody,
        response: { 200: privacySettings, ...errorResponses(400, 403, 409) },
      },
    },
    async (request) => updatePrivacySettings(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/privacy/notices',
    {
      schema: {
        tags,
        summary: 'Cases announced for deletion (the dpo’s list): case number, owner, rule and day',
        querystring: noticesQuery,
        response: { 200: noticeList, ...errorResponses(400, 403) },
      },
    },
    async (request) => listNotices(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/privacy/proofs',
    {
      schema: {
        tags,
        summary: 'Proofs of deletion, without personal data',
        querystring: proofsQuery,
        response: { 200: proofList, ...errorResponses(400, 403) },
      },
    },
    async (request) => listProofs(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/privacy/retention/run',
    {
      schema: {
        tags,
        summary: 'Run the daily deletion job now',
        response: { 200: retentionRunResult, ...errorResponses(403) },
      },
    },
    async (request) => runRetentionNow(ctx, actorOf(request)),
  );
  app.post(
    '/api/privacy/requests/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase the person of an erasure request, or refuse with the reason',
        params: idParams,
        response: { 200: erasureResult, ...errorResponses(400, 403, 404, 409) },
      },
    },
    async (request) => eraseForRequest(ctx, actorOf(request), request.params.id),
  );
}
