import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  partnerAccount,
  partnerActivityPage,
  partnerActivityQuery,
  partnerInstitutionList,
  partnerInviteBody,
  partnerInviteResult,
  partnerLinkResult,
  partnerListQuery,
  partnerPage,
  partnerVersionBody,
} from '../../contracts/partners';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import {
  invitePartner,
  listPartners,
  partnerActivity,
  partnerInstitutions,
  reactivatePartner,
  resendInvitation,
  revokePartner,
} from './service';

const tags = ['partners'];
const errors = errorResponses(400, 403, 404, 409);

export function partnerRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/partners',
    {
      schema: {
        tags,
        summary: "The organisation's partner accounts (lead): by institution, status, name or e-mail",
        querystring: partnerListQuery,
        response: { 200: partnerPage, ...errors },
      },
    },
    async (request) => listPartners(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/partners',
    {
      schema: {
        tags,
        summary:
          'Invite a partner of an institution (a contact person of the directory, or name and e-mail); without SMTP the link is returned to hand over',
        body: partnerInviteBody,
        response: { 200: partnerInviteResult, ...errors },
      },
    },
    async (request) => invitePartner(ctx, actorOf(request), request.body),
  );
  // Before /api/partners/:id/…: "institutions" is not an id.
  app.get(
    '/api/partners/institutions',
    {
      schema: {
        tags,
        summary:
          'Institutions with partner accounts or disclosures: whose activity there is to read (lead, dpo)',
        response: { 200: partnerInstitutionList, ...errors },
      },
    },
    async (request) => partnerInstitutions(ctx, actorOf(request)),
  );
  app.post(
    '/api/partners/:id/resend',
    {
      schema: {
        tags,
        summary: 'A fresh invitation link for an account without a password yet (earlier links end)',
        params: idParams,
        response: { 200: partnerLinkResult, ...errors },
      },
    },
    async (request) => resendInvitation(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/partners/:id/revoke',
    {
      schema: {
        tags,
        summary: "End the person's access to this organisation at once (their sessions here end)",
        params: idParams,
        body: partnerVersionBody,
        response: { 200: partnerAccount, ...errors },
      },
    },
    async (request) => revokePartner(ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/partners/:id/reactivate',
    {
      schema: {
        tags,
        summary: 'Restore an ended access',
        params: idParams,
        body: partnerVersionBody,
        response: { 200: partnerAccount, ...errors },
      },
    },
    async (request) => reactivatePartner(ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/institutions/:id/partner-activity',
    {
      schema: {
        tags,
        summary:
          "What the institution has seen and received, newest first: its partners' reads and the disclosures to it (lead, dpo; audited)",
        params: idParams,
        querystring: partnerActivityQuery,
        response: { 200: partnerActivityPage, ...errors },
      },
    },
    async (request) => partnerActivity(ctx, actorOf(request), request.params.id, request.query),
  );
}
