import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  changePasswordBody,
  emailResult,
  invitationInfo,
  loginBody,
  sessionResponse,
  sessionUser,
  totpEnableResponse,
  totpSetupResponse,
  updateMeBody,
} from '../../contracts/auth';
import type { okSchema } from '../../contracts/common';
import { getJson, patchJson, postJson } from '../lib/http';

/** The auth domain's routes: login, the session, the own profile, the second factor, invitation links. */
export const authKeys = {
  invitation: (token: string) => ['invitation', token] as const,
};

export const fetchSession = () => getJson<typeof sessionResponse>('/api/auth/session');
export const logIn = (body: z.input<typeof loginBody>) =>
  postJson<typeof sessionResponse>('/api/auth/login', body);
export const logOut = () => postJson<typeof okSchema>('/api/auth/logout');
export const updateMe = (body: z.input<typeof updateMeBody>) =>
  patchJson<typeof sessionUser>('/api/auth/me', body);
/** A partner of several organisations picks the one to work in, or switches (the session moves there). */
export const chooseOrganisation = (organisationId: string) =>
  postJson<typeof sessionUser>('/api/auth/organisation', { organisationId });
export const changePassword = (body: z.input<typeof changePasswordBody>) =>
  postJson<typeof okSchema>('/api/auth/password', body);

export const startTotp = () => postJson<typeof totpSetupResponse>('/api/auth/totp/setup');
export const enableTotp = (code: string) =>
  postJson<typeof totpEnableResponse>('/api/auth/totp/enable', { code });
export const disableTotp = (password: string) =>
  postJson<typeof okSchema>('/api/auth/totp/disable', { password });

/** What an invitation or reset link is for (the token travels in the body, never in a URL). */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: authKeys.invitation(token),
    queryFn: () => postJson<typeof invitationInfo>('/api/auth/invitation/inspect', { token }),
  });
export const acceptInvitation = (token: string, password: string) =>
  postJson<typeof emailResult>('/api/auth/invitation/accept', { token, password });
