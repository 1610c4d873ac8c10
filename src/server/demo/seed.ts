import type { DemoSeeder } from '../setup/service';
import { demoClients } from './clients';
import { demoConferenceHistory } from './conference-history';
import { demoConferences } from './conferences';
import { demoHeldConference } from './minutes';
import { demoNetwork } from './network';
import { demoPartners } from './partners';
import { demoUsers } from './users';

/**
 * Fills an organisation with a believable, entirely fictional Saarland network. Each feature
 * adds its part here as it lands. Runs inside the set-up transaction; demo accounts share the
 * admin's password so that whoever set up the demo can log in as every role.
 */
export const seedDemo: DemoSeeder = async (tx, organisationId, passwordHash) => {
  const users = await demoUsers(tx, organisationId, passwordHash);
  const counsellorIds = users.counsellors.map((c) => c.id);
  await demoClients(tx, organisationId, counsellorIds);
  await demoNetwork(tx, organisationId, counsellorIds);
  const series = await demoConferences(tx, organisationId, users.lead.id, counsellorIds);
  await demoConferenceHistory(tx, organisationId, users.lead.id, counsellorIds, series);
  await demoHeldConference(tx, organisationId, users.lead.id, counsellorIds);
  const partner = await demoPartners(tx, organisationId, users.lead.id, passwordHash);
  return [...users.logins, partner];
};
