import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  clients,
  consents,
  contacts,
  disclosures,
  institutionContacts,
  institutions,
  measures,
  occupations,
  opportunities,
  qualifications,
  recognitionProcedures,
  sectors,
  users,
} from '../db/schema';
import { nameKeys } from '../lib/consent';
import { firstRow, required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { defaultSectors } from '../network/service';
import {
  catalogue,
  companies,
  directory,
  type SectorKey,
  sectorKeys,
  sectorOfOccupation,
} from './network-data';
import { days, random } from './people';

/**
 * The demo organisation's network: recognition bodies, job centres, the employment agency,
 * chambers, providers, language schools, the immigration authority and twenty companies with
 * offers; a measures catalogue; and, for the demo cases, sectors, authorities from the
 * directory, measures under way, offers pursued and the consents they need.
 */
export async function demoNetwork(tx: Db, organisationId: string, counsellorIds: string[]) {
  const rng = random(4711);
  const today = new Date();
  const by = required(counsellorIds[0], 'a demo counsellor');
  const stamp = { organisationId, createdBy: by, updatedBy: by };

  await tx
    .insert(sectors)
    .values(defaultSectors.map((name, position) => ({ organisationId, name, position })))
    .onConflictDoNothing();
  const sectorRows = await tx.select().from(sectors).where(eq(sectors.organisationId, organisationId));
  const sectorId = (k: SectorKey) =>
    required(
      sectorRows.find((s) => s.name === defaultSectors[sectorKeys.indexOf(k)]),
      `the default sector ${k}`,
    ).id;
  const occ = await tx
    .select({ id: occupations.id, code: occupations.code })
    .from(occupations)
    .where(eq(occupations.scheme, 'builtin'));
  const occupationId = (code: string) => occ.find((o) => o.code === code)?.id ?? null;

  const institutionIds = new Map<string, string>();
  const institutionId = (name: string) => required(institutionIds.get(name), `the demo institution ${name}`);
  for (const i of [...directory, ...companies]) {
    const row = firstRow(
      await tx
        .insert(institutions)
        .values({
          ...stamp,
          name: i.name,
          type: i.type,
          sectorIds: (i.sectors ?? []).map(sectorId),
          district: i.district || null,
          street: i.street,
          postcode: i.postcode,
          city: i.city,
          email: `kontakt@${normalise(i.name).split(' ').slice(0, 2).join('-')}.example`,
          phone: `0681 ${rng.int(1000000, 9999999)}`,
          searchText: normalise(`${i.name} ${i.city}`),
        })
        .returning({ id: institutions.id }),
      'the demo institution',
    );
    institutionIds.set(i.name, row.id);
    if (i.contact) {
      const [name, fn, language] = i.contact;
      await tx.insert(institutionContacts).values({
        ...stamp,
        institutionId: row.id,
        name,
        function: fn,
        email: `${normalise(name)
          .replace(/^dr\.? /, '')
          .split(' ')
          .join('.')}@${normalise(i.name).split(' ')[0]}.example`,
        phone: `0681 ${rng.int(1000000, 9999999)}`,
        language: language ?? 'deu',
        consentToContact: true,
        consentDate: days(today, -rng.int(60, 700)),
      });
    }
  }

  const measureIds = new Map<string, string>();
  const measureId = (title: string) => required(measureIds.get(title), `the demo measure ${title}`);
  for (const m of catalogue) {
    const provider = institutionId(m.provider);
    const first = rng.int(10, 60);
    const row = firstRow(
      await tx
        .insert(measures)
        .values({
          ...stamp,
          title: m.title,
          type: m.type,
          providerId: provider,
          sectorIds: m.sectors.map(sectorId),
          occupationIds: m.occupations.map(occupationId).filter((x): x is string => Boolean(x)),
          online: m.online ?? false,
          place: m.online ? null : [...directory, ...companies].find((i) => i.name === m.provider)?.city,
          district: m.online
            ? null
            : [...directory, ...companies].find((i) => i.name === m.provider)?.district,
          startDates: [days(today, first), days(today, first + 120)],
          durationWeeks: m.weeks,
          teachingUnits: m.units ?? null,
          capacity: m.capacity,
          costCents: m.cost * 100,
          funders: m.funders,
          minLanguageLevel: m.minLevel ?? null,
          entryLevel: m.entry ?? null,
          targetLevel: m.target ?? null,
          compensates: m.compensates ?? [],
          description: m.description,
          searchText: normalise(`${m.title} ${m.description}`),
        })
        .returning({ id: measures.id }),
      'the demo measure',
    );
    measureIds.set(m.title, row.id);
  }

  const offerIds: { id: string; employer: string; employerId: string; occupation: string | null }[] = [];
  for (const c of companies) {
    for (const o of c.offers) {
      const row = firstRow(
        await tx
          .insert(opportunities)
          .values({
            ...stamp,
            employerId: institutionId(c.name),
            kind: o.kind,
            title: o.title,
            sectorId: sectorId(c.sectors[0]),
            occupationId: o.occupation ? occupationId(o.occupation) : null,
            district: c.district,
            minLanguageLevel: o.level ?? null,
            startDate: days(today, o.inDays ?? rng.int(20, 90)),
            endDate: o.kind === 'internship' || o.kind === 'trial_work' ? days(today, 120) : null,
            places: o.kind === 'job' ? rng.int(1, 3) : 1,
            description: `${o.title} bei ${c.name}, ${c.city}.`,
            searchText: normalise(`${o.title} ${c.name}`),
          })
          .returning({ id: opportunities.id }),
        'the demo offer',
      );
      offerIds.push({
        id: row.id,
        employer: c.name,
        employerId: institutionId(c.name),
        occupation: o.occupation ?? null,
      });
    }
  }

  // The cases: their sector, the authority from the directory, and the network at work for them.
  const cases = await tx
    .select({
      id: clients.id,
      stage: clients.stage,
      owner: clients.ownerId,
      ownerName: users.name,
      district: clients.district,
      code: occupations.code,
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.ownerId))
    .leftJoin(qualifications, eq(qualifications.clientId, clients.id))
    .leftJoin(occupations, eq(occupations.id, qualifications.referenceOccupationId))
    .where(eq(clients.organisationId, organisationId));
  for (const [code, key] of Object.entries(sectorOfOccupation)) {
    const ids = cases.filter((c) => c.code === code).map((c) => c.id);
    if (ids.length)
      await tx
        .update(clients)
        .set({ sectorId: sectorId(key) })
        .where(inArray(clients.id, ids));
  }
  for (const [name, id] of institutionIds) {
    await tx
      .update(recognitionProcedures)
      .set({ authorityInstitutionId: id })
      .where(
        and(
          eq(recognitionProcedures.organisationId, organisationId),
          eq(recognitionProcedures.authorityName, name),
        ),
      );
  }

  const jobCentre = institutionId('Jobcenter Regionalverband Saarbrücken-Mitte');
  /** The last of `statuses` as the current one, with all of them as its history, twelve days apart. */
  const tracked = (statuses: string[], from: number, owner: string | null) => ({
    status: required(statuses.at(-1), 'a current status'),
    history: statuses.map((status, i) => ({
      status,
      at: new Date(`${days(today, from + i * 12)}T09:30:00Z`).toISOString(),
      by: owner,
    })),
  });
  const measureFor = (code: string | null) =>
    catalogue.find((m) => code && m.occupations.includes(code) && m.type !== 'language_course');
  for (const c of cases) {
    const base = { organisationId, clientId: c.id, createdBy: c.owner, updatedBy: c.owner };
    const m = measureFor(c.code);
    if (!m) continue;
    if (c.stage === 'in_measures' || c.stage === 'job_search' || c.stage === 'placed') {
      const statuses =
        c.stage === 'in_measures'
          ? ['proposed', 'applied', 'funding_requested', 'funded', 'started']
          : ['proposed', 'applied', 'funded', 'started', 'completed'];
      const done = c.stage !== 'in_measures';
      await tx.insert(clientMeasures).values({
        ...base,
        measureId: measureId(m.title),
        ...tracked(statuses, done ? -200 : -70, c.ownerName),
        funderId: jobCentre,
        fundingType: m.funders[0],
        amountCents: m.cost * 100,
        startDate: days(today, done ? -150 : -20),
        endDate: days(today, done ? -10 : m.weeks * 7 - 20),
        outcomeNote: done ? 'Erfolgreich abgeschlossen; Bescheinigung liegt vor.' : null,
      });
      await tx.insert(contacts).values({
        ...base,
        kind: 'coordination',
        occurredOn: days(today, done ? -160 : -40),
        channel: 'phone',
        institutionId: jobCentre,
        institutionName: 'Jobcenter Regionalverband Saarbrücken-Mitte',
        topic: `Förderung: ${m.title}`,
        result: 'Bildungsgutschein zugesagt.',
      });
    } else if (c.stage === 'planning') {
      await tx.insert(clientMeasures).values({
        ...base,
        measureId: measureId(m.title),
        ...tracked(['proposed'], -5, c.ownerName),
      });
    }
    // Cases looking for work agreed to their profile going to an employer whose offer fits.
    const offer = offerIds.find((o) => o.occupation === c.code);
    if (offer && (c.stage === 'job_search' || c.stage === 'placed' || c.stage === 'in_measures')) {
      const consent = firstRow(
        await tx
          .insert(consents)
          .values({
            ...base,
            purposes: ['employer_profile'],
            institutions: [offer.employer],
            institutionIds: [offer.employerId],
            institutionKeys: nameKeys([offer.employer]),
            dataCategories: ['identity', 'contact', 'qualifications', 'language'],
            scope: 'identified',
            formLanguage: 'deu',
            givenOn: days(today, -60),
            validUntil: days(today, 300),
          })
          .returning({ id: consents.id }),
        'the demo consent',
      );
      if (c.stage === 'in_measures') continue; // consent only: a candidate for the offer
      const placed = c.stage === 'placed';
      const statuses = placed
        ? ['suggested', 'introduced', 'interview', 'offer', 'started']
        : ['suggested', 'introduced'];
      await tx.insert(clientOpportunities).values({
        ...base,
        opportunityId: offer.id,
        ...tracked(statuses, -50, c.ownerName),
        employerFeedback: placed ? 'Fachlich stark; Einarbeitung mit Sprachbegleitung.' : null,
      });
      await tx.insert(disclosures).values({
        organisationId,
        clientId: c.id,
        institutionId: offer.employerId,
        recipientName: offer.employer,
        purpose: 'employer_profile',
        dataCategories: ['identity', 'contact', 'qualifications', 'language'],
        consentId: consent.id,
        at: new Date(`${days(today, -38)}T11:00:00Z`),
        byUserId: c.owner,
      });
    }
  }
}
