import type { Role } from '../../contracts/auth';
import type { Language } from '../../contracts/common';

/** The authenticated user a request acts for; built from the session on every request. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationName: string;
  sessionId: string;
  email: string;
  name: string;
  roles: Role[];
  language: Language;
  totpEnabled: boolean;
  totpEnrolmentRequired: boolean;
  ip: string;
}
