import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { institutionContacts, institutions, partnerMemberships, users } from '../db/schema';
import { firstRow, required } from '../lib/required';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';

/**
 * The job centre's contact person for the health conferences, Stefanie Marx, as a partner user:
 * she sees in the partner portal the conferences her job centre is invited to, the cases their
 * consent shares with it, and its commitments. Like every partner she sets up a second factor
 * (an authenticator app) at her first login.
 */
export async function demoPartners(tx: Db, organisationId: string, leadId: string, passwordHash: string) {
  const [contact] = await tx
    .select({
      id: institutionContacts.id,
      name: institutionContacts.name,
      email: institutionContacts.email,
      institutionId: institutions.id,
    })
    .from(institutionContacts)
    .innerJoin(institutions, eq(institutions.id, institutionContacts.institutionId))
    .where(and(eq(institutions.organisationId, organisationId), eq(institutions.name, JOBCENTRE)));
  const found = required(contact, 'the job centre’s contact person');
  if (!found.email) throw new Error('the job centre’s contact person has no e-mail');
  const email = found.email;
  const user = firstRow(
    await tx
      .insert(users)
      .values({
        organisationId,
        email,
        name: found.name,
        roles: ['partner'],
        language: 'de',
        status: 'active',
        passwordHash,
      })
      .returning(),
    'the demo partner',
  );
  await tx.insert(partnerMemberships).values({
    organisationId,
    userId: user.id,
    institutionId: found.institutionId,
    contactId: found.id,
    createdBy: leadId,
    updatedBy: leadId,
  });
  return { email: user.email, name: user.name, roles: user.roles };
}
