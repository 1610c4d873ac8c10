import type { consentOverview } from '../../contracts/consent';
import { type Fields, postJson, type QueryParams, query } from '../lib/http';

/** A case's consents: recording, correcting and withdrawing one, and the form to print for signature. */
export const recordConsent = (clientId: string, body: Fields) =>
  postJson<typeof consentOverview>(`/api/clients/${clientId}/consents`, body);
/** Replaces a record that contradicts itself by the corrected one. */
export const correctConsent = (clientId: string, consentId: string, body: Fields) =>
  postJson<typeof consentOverview>(`/api/clients/${clientId}/consents/${consentId}/correct`, body);
export const withdrawConsent = (clientId: string, consentId: string) =>
  postJson<typeof consentOverview>(`/api/clients/${clientId}/consents/${consentId}/withdraw`);

/** The address of the pre-filled consent form (a PDF the browser opens). */
export const consentFormUrl = (
  clientId: string,
  form: QueryParams & { language: string; scope: string; purposes: string[]; institutions: string },
) => `/api/clients/${clientId}/consent-form${query(form)}`;
