import type { Role } from '../../contracts/auth';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { firstRow } from '../lib/required';

/** The counsellors' teams are a breakdown of the funder reports. */
const people: { name: string; email: string; roles: Role[]; language: 'de' | 'en'; team?: string }[] = [
  { name: 'Dr. Miriam Kessler', email: 'miriam.kessler@ifk-saar.example', roles: ['lead'], language: 'de' },
  {
    name: 'Aylin Demir',
    email: 'aylin.demir@ifk-saar.example',
    roles: ['counsellor'],
    language: 'de',
    team: 'Saarbrücken',
  },
  {
    name: 'Jonas Becker',
    email: 'jonas.becker@ifk-saar.example',
    roles: ['counsellor'],
    language: 'de',
    team: 'Saarbrücken',
  },
  {
    name: 'Olena Shevchenko',
    email: 'olena.shevchenko@ifk-saar.example',
    roles: ['counsellor'],
    language: 'en',
    team: 'Neunkirchen',
  },
  { name: 'Thomas Weber', email: 'thomas.weber@ifk-saar.example', roles: ['dpo'], language: 'de' },
];

export async function demoUsers(tx: Db, organisationId: string, passwordHash: string) {
  const rows = await tx
    .insert(users)
    .values(people.map((p) => ({ ...p, organisationId, status: 'active', passwordHash })))
    .returning();
  const byRole = (role: Role) => rows.filter((r) => r.roles.includes(role));
  return {
    rows,
    lead: firstRow(byRole('lead'), 'the demo lead'),
    counsellors: byRole('counsellor'),
    logins: rows.map((r) => ({ email: r.email, name: r.name, roles: r.roles })),
  };
}
