import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  colleagueList,
  invitationResult,
  inviteUserBody,
  updateUserBody,
  userListQuery,
  userPage,
  userSchema,
} from '../../contracts/users';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import * as usersService from './service';

const tags = ['users'];
const errors = errorResponses(400, 403, 404, 409);

export function userRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users of the organisation (admin)',
        querystring: userListQuery,
        response: { 200: userPage, ...errors },
      },
    },
    async (request) => usersService.listUsers(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary:
          'Invite a user by e-mail; without SMTP the one-time link is returned for the admin to hand over',
        body: inviteUserBody,
        response: { 200: invitationResult, ...errors },
      },
    },
    async (request) => usersService.inviteUser(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'One user (admin)',
        params: idParams,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => usersService.getUser(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, roles or active state (admin); deactivating ends the sessions',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => usersService.updateUser(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/link',
    {
      schema: {
        tags,
        summary: 'New invitation (invited users) or password-reset link (active users)',
        params: idParams,
        response: { 200: invitationResult, ...errors },
      },
    },
    async (request) => usersService.sendAccountLink(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/colleagues',
    {
      schema: {
        tags,
        summary: 'Active counsellors and leads of the organisation (case owners, step owners)',
        response: {
          200: colleagueList,
          ...errors,
        },
      },
    },
    async (request) => usersService.listColleagues(ctx, actorOf(request)),
  );
}
