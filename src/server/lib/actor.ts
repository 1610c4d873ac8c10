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
  /** A partner's institution in this organisation (partner_memberships); null for staff. */
  institutionId: string | null;
  institutionName: string | null;
  /** A partner of several organisations who has not picked one yet (sessions.organisation_chosen). */
  organisationChoiceRequired: boolean;
  /** The organisations this person may work in (one for staff), for the picker. */
  organisations: { id: string; name: string; institutionName: string | null }[];
  ip: string;
}
