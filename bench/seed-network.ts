// The network on top of a generated client data set: sectors, 200 providers, 2,000 companies,
// 5,000 measures, 20,000 offers; every client gets a sector and 30 % an employer consent.
import { eq, sql } from 'drizzle-orm';
import { fundingTypes, measureTypes } from '../src/contracts/measures';
import { opportunityKinds } from '../src/contracts/network';
import { compensationMeasures } from '../src/contracts/recognition';
import { institutions, measures, occupations, opportunities } from '../src/server/db/schema';
import { random } from '../src/server/demo/people';
import { nameKeys } from '../src/server/lib/consent';
import { normalise } from '../src/server/lib/search-text';
import { withBenchOrganisation } from './seed';

const levels = ['A2', 'B1', 'B2', 'C1'] as const;
const districts = ['10041', '10042', '10043', '10044', '10045', '10046'];

export async function seedNetwork(
  target: { dataDir?: string; databaseUrl?: string },
  size = { providers: 200, companies: 2000, measures: 5000, offers: 20000, consentShare: 0.3 },
) {
  return withBenchOrganisation(target, async ({ db, lead, stamp, sectorIds }) => {
    const rng = random(99);
    const organisationId = lead.organisationId;
    const occ = (
      await db.select({ id: occupations.id }).from(occupations).where(eq(occupations.scheme, 'builtin'))
    ).map((o) => o.id);
    const insertInstitutions = async (n: number, kind: () => string, prefix: string) => {
      const rows = Array.from({ length: n }, (_, i) => {
        const name = `${prefix} ${i + 1} ${rng.pick(['Saar', 'Blies', 'Mosel', 'Nahe', 'Prims'])}`;
        return {
          ...stamp,
          name,
          type: kind(),
          sectorIds: [rng.pick(sectorIds)],
          district: rng.pick(districts),
          city: 'Saarbrücken',
          searchText: normalise(`${name} Saarbrücken`),
        };
      });
      const out: { id: string; name: string }[] = [];
      for (let i = 0; i < rows.length; i += 500)
        out.push(
          ...(await db
            .insert(institutions)
            .values(rows.slice(i, i + 500))
            .returning({ id: institutions.id, name: institutions.name })),
        );
      return out;
    };
    const providers = await insertInstitutions(
      size.providers,
      () => rng.pick(['training_provider', 'language_school']),
      'Bildungsträger',
    );
    const companies = await insertInstitutions(size.companies, () => 'company', 'Firma');
    const today = new Date();
    const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);

    for (let done = 0; done < size.measures; done += 1000) {
      await db.insert(measures).values(
        Array.from({ length: Math.min(1000, size.measures - done) }, (_, i) => {
          const type = rng.chance(0.15) ? 'language_course' : rng.pick(measureTypes);
          const entry = rng.int(0, 2);
          const title = `${type} ${done + i + 1}`;
          return {
            ...stamp,
            title,
            type,
            providerId: rng.pick(providers).id,
            sectorIds: rng.chance(0.8) ? [rng.pick(sectorIds)] : [],
            occupationIds: rng.chance(0.7)
              ? [rng.pick(occ), ...(rng.chance(0.3) ? [rng.pick(occ)] : [])]
              : [],
            online: rng.chance(0.2),
            district: rng.pick(districts),
            startDates: [day(rng.int(5, 200))],
            durationWeeks: rng.int(4, 40),
            capacity: rng.int(8, 25),
            costCents: rng.int(0, 9000) * 100,
            funders: fundingTypes.filter(() => rng.chance(0.25)),
            minLanguageLevel: type === 'language_course' ? null : rng.pick([null, ...levels]),
            entryLevel: type === 'language_course' ? levels[entry] : null,
            targetLevel: type === 'language_course' ? levels[entry + 1] : null,
            compensates: rng.chance(0.3) ? [rng.pick(compensationMeasures)] : [],
            description: 'Generated for the benchmark',
            searchText: normalise(title),
          };
        }),
      );
    }
    for (let done = 0; done < size.offers; done += 1000) {
      await db.insert(opportunities).values(
        Array.from({ length: Math.min(1000, size.offers - done) }, (_, i) => {
          const employer = rng.pick(companies);
          const title = `Angebot ${done + i + 1}`;
          return {
            ...stamp,
            employerId: employer.id,
            kind: rng.pick(opportunityKinds),
            title,
            sectorId: rng.pick(sectorIds),
            occupationId: rng.chance(0.8) ? rng.pick(occ) : null,
            district: rng.pick(districts),
            minLanguageLevel: rng.pick(levels),
            startDate: day(rng.int(5, 120)),
            status: rng.chance(0.8) ? 'open' : rng.pick(['filled', 'closed']),
            searchText: normalise(`${title} ${employer.name}`),
          };
        }),
      );
    }
    // Every case in a sector; three in ten agreed to their profile going to one named employer.
    const ids = sql.raw(`ARRAY[${sectorIds.map((s) => `'${s}'::uuid`).join(',')}]`);
    await db.execute(
      sql`UPDATE clients SET sector_id = (${ids})[1 + abs(hashtext(id::text)) % ${sectorIds.length}] WHERE organisation_id = ${organisationId}`,
    );
    const employerIds = sql.raw(`ARRAY[${companies.map((c) => `'${c.id}'::uuid`).join(',')}]`);
    const quoted = (texts: string[]) => `ARRAY[${texts.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`;
    const employerNames = sql.raw(quoted(companies.map((c) => c.name)));
    // The consent policy matches typed names by their keys (lib/consent), stored with the consent.
    const employerKeys = sql.raw(quoted(companies.map((c) => nameKeys([c.name])[0] ?? '')));
    await db.execute(sql`
      INSERT INTO consents (organisation_id, client_id, purposes, institutions, institution_ids, institution_keys, data_categories, scope, form_language, given_on, valid_until)
      SELECT organisation_id, id, ARRAY['employer_profile'], ARRAY[(${employerNames})[k]], ARRAY[(${employerIds})[k]], ARRAY[(${employerKeys})[k]],
             ARRAY['qualifications', 'language'], 'identified', 'deu', ${day(-30)}::date, ${day(300)}::date
      FROM (SELECT c.organisation_id, c.id, 1 + abs(hashtext(c.id::text || 'e')) % ${companies.length} AS k
            FROM clients c WHERE c.organisation_id = ${organisationId}
              AND abs(hashtext(c.id::text || 'c')) % 100 < ${Math.round(size.consentShare * 100)}) x`);
  });
}
