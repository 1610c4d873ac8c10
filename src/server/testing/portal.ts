/**
 * The partner portal's test scene: an organisation's conference prepared as part 1 leaves it, and
 * a logged-in partner of each of its three invited institutions (what each receives of the cases
 * is said in `PreparedConference`).
 */
import { type PreparedConference, preparedConference } from './conferences';
import { staff } from './factories';
import type { Session, TestApp } from './harness';
import { type PartnerSession, partnerSession } from './partners';

export interface PortalScene {
  organisationId: string;
  lead: Session;
  aylin: Session;
  p: PreparedConference;
  /** ihk: pseudonymised on all cases but the last; jc: identified on all; aa: named in no consent. */
  partners: Record<'jc' | 'ihk' | 'aa', PartnerSession>;
}

export async function portalScene(t: TestApp): Promise<PortalScene> {
  const { organisation, lead, aylin } = await staff(t, ['lead', 'aylin']);
  const p = await preparedConference(t, lead, aylin);
  const partner = (key: 'jc' | 'ihk' | 'aa', name: string) =>
    partnerSession(t, organisation.id, p.institutions[key].id, name);
  const partners = {
    jc: await partner('jc', 'Jan Center'),
    ihk: await partner('ihk', 'Ida Kammer'),
    aa: await partner('aa', 'Anna Agentur'),
  };
  return { organisationId: organisation.id, lead, aylin, p, partners };
}
