import {
  acceptInvitationBody,
  changePasswordBody,
  chooseOrganisationBody,
  emailResult,
  invitationInfo,
  invitationTokenBody,
  loginBody,
  sessionResponse,
  sessionUser,
  totpDisableBody,
  totpEnableBody,
  totpEnableResponse,
  totpSetupResponse,
  updateMeBody,
} from '../../contracts/auth';
import { okSchema } from '../../contracts/common';
import { errorBodySchema } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, actorOf, metaOf } from '../lib/http';
import { clearSessionCookie, setSessionCookie } from '../lib/session-cookie';
import { presentMe } from './present';
import * as auth from './service';
import * as totp from './totp';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema };
const tags = ['auth'];

export function authRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in; sets the session cookie',
        body: loginBody,
        response: { 200: sessionResponse, ...errors },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const session = await auth.login(ctx, request.body, metaOf(request));
      setSessionCookie(ctx, reply, session.token);
      return { user: presentMe(session.actor), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the session', response: { 200: okSchema } },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request, reply) => {
      await auth.logout(ctx, actorOf(request));
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The logged-in user',
        response: { 200: sessionUser, 401: errorBodySchema },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => presentMe(actorOf(request)),
  );

  app.post(
    '/api/auth/organisation',
    {
      schema: {
        tags,
        summary: 'A partner of several organisations picks the one to work in (or switches)',
        body: chooseOrganisationBody,
        response: { 200: sessionUser, ...errors, 404: errorBodySchema },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) =>
      presentMe(await auth.chooseOrganisation(ctx, actorOf(request), request.body.organisationId)),
  );

  /** A reloaded page needs the CSRF token again; it is bound to the session, so it can be re-read. */
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The logged-in user and the CSRF token',
        response: { 200: sessionResponse, 401: errorBodySchema },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => ({ user: presentMe(actorOf(request)), csrfToken: request.csrfToken ?? '' }),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Change the own name or language',
        body: updateMeBody,
        response: { 200: sessionUser, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => presentMe(await auth.updateProfile(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change the own password',
        body: changePasswordBody,
        response: { 200: okSchema, ...errors },
      },
      // The account's own: partners too (they reach nothing else outside the portal).
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => {
      await auth.changePassword(
        ctx,
        actorOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start enrolling a second factor',
        response: { 200: totpSetupResponse, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => totp.setupTotp(ctx, actorOf(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Confirm the second factor; returns recovery codes once',
        body: totpEnableBody,
        response: { 200: totpEnableResponse, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => totp.enableTotp(ctx, actorOf(request), request.body.code),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Remove the second factor',
        body: totpDisableBody,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await totp.disableTotp(ctx, actorOf(request), request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/invitation/inspect',
    {
      schema: {
        tags,
        summary: 'What an invitation or reset link is for',
        body: invitationTokenBody,
        response: { 200: invitationInfo, ...errors },
      },
      config: { public: true },
    },
    async (request) => auth.inspectInvitation(ctx, request.body.token),
  );

  app.post(
    '/api/auth/invitation/accept',
    {
      schema: {
        tags,
        summary: 'Set the password from an invitation or reset link',
        body: acceptInvitationBody,
        response: { 200: emailResult, ...errors },
      },
      config: { public: true },
    },
    async (request) => auth.acceptInvitation(ctx, request.body.token, request.body.password, metaOf(request)),
  );
}
