// npm run bench:seed -- --clients 100000 [--data-dir DATA_DIR | --database-url postgres://…]
// Writes realistic fictional people (names from many origins, in Latin, Arabic, Cyrillic, Greek,
// Ge'ez and Devanagari script) with a qualification, German level, plan steps and residence
// titles, by batched inserts; also the bench organisation with a lead and five counsellors.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { stages } from '../src/contracts/clients';
import { refreshCaseSummaries, searchKeys } from '../src/server/clients/service';
import { type Db, openDatabase } from '../src/server/db/client';
import {
  clients,
  languageSkills,
  nextSteps,
  occupations,
  qualifications,
  residenceStatuses,
  sectors,
  users,
} from '../src/server/db/schema';
import { person, random } from '../src/server/demo/people';
import { firstRow, required } from '../src/server/lib/required';
import { hashPassword } from '../src/server/lib/secrets';
import { defaultSectors } from '../src/server/network/service';
import { createOrganisationWithAdmin } from '../src/server/organisation/service';
import { ADMIN, arg, root } from './lib';

export const BENCH_LEAD = { email: 'bench-lead@example.org', password: ADMIN.password };
const BATCH = 1000;

export async function seed(options: { clients: number; dataDir?: string; databaseUrl?: string }) {
  // --data-dir is a Lotse DATA_DIR: the embedded database lives in its pglite/ folder.
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ? path.join(options.dataDir, 'pglite') : undefined,
  });
  const db = database.db;
  const started = Date.now();
  try {
    const passwordHash = await hashPassword(ADMIN.password);
    let [lead] = await db.select().from(users).where(eq(users.email, BENCH_LEAD.email));
    if (!lead) {
      const { org } = await db.transaction((tx) =>
        createOrganisationWithAdmin(
          tx,
          { organisationName: 'Bench', adminName: 'Bench Admin', email: ADMIN.email, passwordHash },
          { onlyIfFirst: false, ip: null },
        ),
      );
      lead = firstRow(
        await db
          .insert(users)
          .values({
            organisationId: org.id,
            email: BENCH_LEAD.email,
            name: 'Bench Lead',
            roles: ['lead'],
            status: 'active',
            passwordHash,
          })
          .returning(),
        'the bench lead',
      );
      await db.insert(users).values(
        Array.from({ length: 5 }, (_, i) => ({
          organisationId: org.id,
          email: `bench-counsellor-${i + 1}@example.org`,
          name: `Counsellor ${i + 1}`,
          roles: ['counsellor'],
          status: 'active',
          passwordHash,
        })),
      );
    }
    const organisationId = lead.organisationId;
    const counsellors = (
      await db.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId))
    ).map((u) => u.id);
    const occ = (
      await db.select({ id: occupations.id }).from(occupations).where(eq(occupations.scheme, 'builtin'))
    ).map((o) => o.id);
    const [{ n: existing } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(eq(clients.organisationId, organisationId));
    const rng = random(7 + existing);
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    for (let done = 0; done < options.clients; done += BATCH) {
      const size = Math.min(BATCH, options.clients - done);
      const rows = Array.from({ length: size }, (_, i) => {
        const p = person(rng, today);
        const seq = existing + done + i + 1;
        const caseCode = `B${String(seq).padStart(7, '0')}`;
        return {
          organisationId,
          caseCode,
          stage: rng.pick(stages),
          ownerId: required(counsellors[seq % counsellors.length], 'a user of the bench organisation'),
          givenNames: p.givenNames,
          familyName: p.familyName,
          givenNamesOriginal: p.givenNamesOriginal,
          familyNameOriginal: p.familyNameOriginal,
          birthDate: p.birthDate,
          gender: p.gender,
          citizenships: [p.country],
          languages: p.languages,
          email: `client${seq}@mail.example`,
          intakeDate: day(-rng.int(1, 1200)),
          district: `1004${rng.int(1, 6)}`,
          ...searchKeys({ ...p, caseCode, email: `client${seq}@mail.example` }),
        };
      });
      const ids = await db.transaction(async (tx) => {
        const inserted = await tx.insert(clients).values(rows).returning({ id: clients.id });
        const base = (clientId: string) => ({ organisationId, clientId });
        await tx.insert(qualifications).values(
          inserted.map((c, i) => ({
            ...base(c.id),
            titleOriginal: 'Bachelor',
            country: required(rows[i]?.citizenships[0], 'the country of an inserted client'),
            kind: 'academic',
            referenceOccupationId: rng.pick(occ),
          })),
        );
        await tx.insert(languageSkills).values(
          inserted.map((c) => ({
            ...base(c.id),
            language: 'deu',
            level: rng.pick(['A2', 'B1', 'B2', 'C1']),
          })),
        );
        await tx.insert(nextSteps).values(
          inserted
            .filter(() => rng.chance(0.5))
            .map((c) => ({
              ...base(c.id),
              text: 'Unterlagen nachreichen',
              dueDate: day(rng.int(-20, 40)),
            })),
        );
        await tx.insert(residenceStatuses).values(
          inserted
            .filter(() => rng.chance(0.3))
            .map((c) => ({
              ...base(c.id),
              legalBasis: '§16d Abs. 1 AufenthG',
              validUntil: day(rng.int(-10, 700)),
            })),
        );
        await refreshCaseSummaries(
          tx,
          inserted.map((c) => c.id),
        );
        return inserted.length;
      });
      if ((done / BATCH) % 10 === 0)
        console.error(
          `  ${done + ids} / ${options.clients} clients (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    await db.execute(sql`ANALYZE`);
    return { organisationId, seconds: (Date.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

/**
 * Adds to a seeded data set (the clients' seed made the organisation and its lead): opens the
 * database, makes sure the default sectors exist, and hands over the lead, the columns every row
 * of the organisation carries, and the sectors.
 */
export async function withBenchOrganisation<T>(
  target: { dataDir?: string; databaseUrl?: string },
  add: (bench: {
    db: Db;
    lead: typeof users.$inferSelect;
    stamp: { organisationId: string; createdBy: string; updatedBy: string };
    sectorIds: string[];
  }) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir ? path.join(target.dataDir, 'pglite') : undefined,
  });
  const db = database.db;
  try {
    const lead = firstRow(
      await db.select().from(users).where(eq(users.email, BENCH_LEAD.email)),
      'the bench lead (seed the clients first)',
    );
    const organisationId = lead.organisationId;
    await db
      .insert(sectors)
      .values(defaultSectors.map((name, position) => ({ organisationId, name, position })))
      .onConflictDoNothing();
    const sectorIds = (
      await db.select({ id: sectors.id }).from(sectors).where(eq(sectors.organisationId, organisationId))
    ).map((s) => s.id);
    const result = await add({
      db,
      lead,
      stamp: { organisationId, createdBy: lead.id, updatedBy: lead.id },
      sectorIds,
    });
    await db.execute(sql`ANALYZE`);
    return result;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, 'bench/seed.ts')) {
  const count = Number(arg('clients', '100000'));
  const databaseUrl = arg('database-url');
  const dataDir = databaseUrl
    ? undefined
    : path.resolve(arg('data-dir', path.join(root, 'bench/.data/lotse')));
  const result = await seed({ clients: count, dataDir, databaseUrl });
  console.log(`Seeded ${count} clients in ${result.seconds.toFixed(1)} s into ${databaseUrl ?? dataDir}`);
}
