import type { Db } from '../db/client';
import { demoClients } from './clients';
import { demoNetwork } from './network';
import { demoUsers } from './users';

export interface DemoLogin {
  email: string;
  name: string;
  roles: string[];
}

/**
 * Fills an organisation with a believable, entirely fictional Saarland network. Each feature
 * adds its part here as it lands. Runs inside the set-up transaction; demo accounts share the
 * admin's password so that whoever set up the demo can log in as every role.
 */
export async function seedDemo(tx: Db, organisationId: string, passwordHash: string): Promise<DemoLogin[]> {
  const users = await demoUsers(tx, organisationId, passwordHash);
  const counsellorIds = users.counsellors.map((c) => c.id);
  await demoClients(tx, organisationId, counsellorIds);
  await demoNetwork(tx, organisationId, counsellorIds);
  return users.logins;
}
