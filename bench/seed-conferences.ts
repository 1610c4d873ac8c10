// Donor conferences on top of a generated client data set: 60 partner institutions, 200 upcoming
// conferences of one sector, each inviting 15 of them and with 30 nominated cases (distinct clients);
// in the first PACK_CONFERENCES, 20 of the 30 cases need every invited institution and their
// clients consented to conference sharing naming all 15 (half identified, half pseudonymised), so
// that each institution's pack holds 20 cases.
import { eq } from 'drizzle-orm';
import { dataCategories } from '../src/contracts/consent';
import { institutionTypes } from '../src/contracts/network';
import {
  clients,
  conferenceInvitations,
  conferenceNominations,
  conferences,
  consents,
  institutions,
} from '../src/server/db/schema';
import { random } from '../src/server/demo/people';
import { nameKeys } from '../src/server/lib/consent';
import { firstRow, required } from '../src/server/lib/required';
import { normalise } from '../src/server/lib/search-text';
import { randomToken } from '../src/server/lib/secrets';
import { withBenchOrganisation } from './seed';

export const CONFERENCE_SIZE = { conferences: 200, institutions: 15, nominations: 30, packCases: 20 };
export const PACK_CONFERENCES = 10;
const PARTNERS = 60;

export async function seedConferences(target: { dataDir?: string; databaseUrl?: string }) {
  return withBenchOrganisation(target, async ({ db, lead, stamp, sectorIds }) => {
    const rng = random(1111);
    const organisationId = lead.organisationId;
    const sector = { id: required(sectorIds[0], 'a sector') };
    const partners = await db
      .insert(institutions)
      .values(
        Array.from({ length: PARTNERS }, (_, i) => {
          const name = `Konferenzpartner ${i + 1} ${rng.pick(['Saar', 'Blies', 'Mosel'])}`;
          return {
            ...stamp,
            name,
            type: institutionTypes[i % (institutionTypes.length - 1)] as string,
            sectorIds: [sector.id],
            email: `partner${i + 1}@konferenz.example`,
            city: 'Saarbrücken',
            searchText: normalise(`${name} Saarbrücken`),
          };
        }),
      )
      .returning({ id: institutions.id, name: institutions.name });
    const n = CONFERENCE_SIZE;
    // Distinct clients for every conference: a case is nominated once per conference.
    const clientIds = (
      await db
        .select({ id: clients.id })
        .from(clients)
        .where(eq(clients.organisationId, organisationId))
        .orderBy(clients.caseCode)
        .limit(n.conferences * n.nominations)
    ).map((c) => c.id);
    const today = Date.now();
    for (let k = 0; k < n.conferences; k++) {
      const invited = Array.from({ length: n.institutions }, (_, j) =>
        required(partners[(k * 7 + j) % PARTNERS], 'a partner'),
      );
      const startsAt = new Date(today + (2 + Math.floor((k * 730) / n.conferences)) * 86_400_000);
      startsAt.setUTCHours(8, 30, 0, 0);
      const c = firstRow(
        await db
          .insert(conferences)
          .values({
            ...stamp,
            sectorId: sector.id,
            title: `Bench-Konferenz ${String(k + 1).padStart(3, '0')}`,
            startsAt,
            place: 'Rathaus, Saal 2',
            moderatorId: lead.id,
            status: 'invited',
            statusHistory: [{ status: 'planned', at: new Date(today).toISOString(), by: lead.id }],
            icsUid: `${randomToken(18)}@lotse`,
          })
          .returning({ id: conferences.id }),
        'a conference',
      );
      await db.insert(conferenceInvitations).values(
        invited.map((i) => ({
          ...stamp,
          conferenceId: c.id,
          institutionId: i.id,
          answer: rng.pick(['pending', 'attending', 'attending', 'declined', 'deputy']),
          tokenNonce: randomToken(12),
          sentAt: new Date(today),
        })),
      );
      const packConference = k < PACK_CONFERENCES;
      const cases = clientIds.slice(k * n.nominations, (k + 1) * n.nominations);
      await db.insert(conferenceNominations).values(
        cases.map((clientId, position) => ({
          ...stamp,
          conferenceId: c.id,
          clientId,
          question: `Welche Anpassungsmaßnahme und welche Finanzierung passen zu Fall ${position + 1}?`,
          brief: 'Generiert für den Benchmark.',
          institutionIds:
            packConference && position < n.packCases
              ? invited.map((i) => i.id)
              : Array.from({ length: 1 + rng.int(0, 3) }, () => rng.pick(invited).id).filter(
                  (id, x, all) => all.indexOf(id) === x,
                ),
          minutes: rng.pick([null, null, 5, 15]),
          position,
        })),
      );
      if (packConference)
        await db.insert(consents).values(
          cases.slice(0, n.packCases).map((clientId, x) => ({
            ...stamp,
            clientId,
            purposes: ['counselling_record', 'conference_sharing'],
            institutions: invited.map((i) => i.name),
            institutionIds: invited.map((i) => i.id),
            institutionKeys: nameKeys(invited.map((i) => i.name)),
            dataCategories: [...dataCategories],
            scope: x % 2 === 0 ? 'identified' : 'pseudonymised',
            formLanguage: 'deu',
            givenOn: new Date(today - 30 * 86_400_000).toISOString().slice(0, 10),
            validUntil: new Date(today + 800 * 86_400_000).toISOString().slice(0, 10),
          })),
        );
    }
  });
}
