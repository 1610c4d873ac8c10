import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { roles } from '../../contracts/auth';
import type {
  colleagueList,
  invitationResult,
  inviteUserBody,
  updateUserBody,
  userPage,
  userSchema,
} from '../../contracts/users';
import { getJson, patchJson, postJson, type QueryParams } from '../lib/http';
import { pageQuery } from '../lib/queries';

/** User administration (admins) and the colleagues a case can go to. */
export const userKeys = {
  /** Every page of the user list. */
  lists: ['users'] as const,
  list: (params: QueryParams) => ['users', params] as const,
  colleagues: ['colleagues'] as const,
};

/** The roles an admin gives; partners are invited by a lead under "Partner accounts" (partners/). */
export const staffRoles = roles.filter((r) => r !== 'partner');

export const userListQuery = pageQuery<typeof userPage>(userKeys.list, '/api/users');

export const colleaguesQuery = queryOptions({
  queryKey: userKeys.colleagues,
  queryFn: () => getJson<typeof colleagueList>('/api/colleagues'),
  staleTime: 60_000,
});

export const inviteUser = (body: z.input<typeof inviteUserBody>) =>
  postJson<typeof invitationResult>('/api/users', body);
export const updateUser = (id: string, body: z.input<typeof updateUserBody>) =>
  patchJson<typeof userSchema>(`/api/users/${id}`, body);
/** A new invitation (invited users) or a password-reset link (active users). */
export const sendUserLink = (id: string) => postJson<typeof invitationResult>(`/api/users/${id}/link`);
