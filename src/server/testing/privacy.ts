import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { ClientDetail } from '../../contracts/clients';
import { queryRows } from '../db/client';
import {
  caseFile,
  changePlacement,
  employerConsent,
  institution,
  occupationId,
  offer,
  ok,
  openCase,
  suggest,
} from './factories';
import type { Session, TestApp } from './harness';

/** What a person leaves in a case: each value is unique, so finding it anywhere means it was kept. */
export interface Traces {
  givenNames: string;
  familyName: string;
  email: string;
  phone: string;
  notes: string;
  summary: string;
  fileText: string;
  caseCode: string;
}

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/**
 * A closed case with everything a person leaves behind: person and contact data, a note, a
 * counselling session with a summary, an uploaded file, a qualification, a consent and a
 * disclosure (the profile introduced to an employer), read by colleagues.
 */
export async function fullCase(s: Session, tag: string): Promise<{ client: ClientDetail; traces: Traces }> {
  const traces = {
    givenNames: `Xaverine${tag}`,
    familyName: `Quofflebaum${tag}`,
    email: `xaverine.${tag.toLowerCase()}@mail.example`,
    phone: `+49 681 55501${tag.length}${tag.charCodeAt(0)}`,
    notes: `Geheimnisnotiz ${tag} 7781`,
    summary: `Gesprächsnotiz ${tag} 4410`,
    fileText: `DOKUMENTINHALT-${tag}-9931`,
  };
  const c = await openCase(s, {
    givenNames: traces.givenNames,
    familyName: traces.familyName,
    email: traces.email,
    phone: traces.phone,
    notes: traces.notes,
    birthDate: '1988-07-14',
    gender: 'female',
    citizenships: ['SY'],
    intakeDate: '2026-03-02',
  });
  ok(
    await s.post(`/api/clients/${c.id}/contacts`, {
      kind: 'session',
      occurredOn: '2026-03-02',
      sessionType: 'first',
      channel: 'in_person',
      summary: traces.summary,
    }),
  );
  ok(
    await s.form(
      `/api/clients/${c.id}/documents`,
      { category: 'certificate' },
      {
        name: `zeugnis-${traces.familyName}.pdf`,
        data: PDF(traces.fileText),
      },
    ),
  );
  const nurse = await occupationId(s, 'pflegefach');
  ok(
    await s.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: `Diplom ${traces.familyName}`,
      country: 'SY',
      kind: 'academic',
      referenceOccupationId: nurse,
    }),
  );
  const employer = await institution(s, { name: `Klinik ${tag}` });
  const placement = await suggest(s, c.id, (await offer(s, employer.id)).id);
  await employerConsent(s, c.id, employer.id, { givenOn: '2026-03-02' });
  ok(await changePlacement(s, c.id, placement, { status: 'introduced' }));
  const { client: current } = await caseFile(s, c.id);
  const closed = ok<ClientDetail>(
    await s.post(`/api/clients/${c.id}/stage`, {
      version: current.version,
      to: 'closed',
      outcome: 'employed_matching',
    }),
  );
  return { client: closed, traces: { ...traces, caseCode: closed.caseCode } };
}

/** Every text, array and JSON column of every table, searched for each value: the places it remains. */
export async function whereFound(t: TestApp, values: string[]): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    t.ctx.db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const [hit] = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)}
            WHERE ${sql.identifier(column_name)}::text ILIKE ${`%${value}%`}`,
      );
      if (hit && hit.n > 0) found.push(`${table_name}.${column_name}: ${value}`);
    }
  }
  return [...found, ...filesHolding(t.dataDir, values)];
}

/**
 * Files under DATA_DIR (documents, anything else) whose bytes hold one of the values. The embedded
 * database's own storage (DATA_DIR/pglite) is searched through SQL above instead: its pages and
 * write-ahead log keep superseded row versions until PostgreSQL reuses the space (VACUUM,
 * checkpoints), which docs/ARCHITECTURE.md "Privacy operations" explains.
 */
function filesHolding(dataDir: string, values: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && file === path.join(dataDir, 'pglite')) continue;
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file).toString('latin1');
        for (const v of values) if (text.includes(v) || entry.name.includes(v)) found.push(`${file}: ${v}`);
      }
    }
  };
  walk(dataDir);
  return found;
}
