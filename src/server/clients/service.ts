/**
 * The case record: opening a case, loading one the actor may see, changing the person data, and
 * the summary columns the lists filter on. The other case domains (case file, consent,
 * documents, import and export, measures) build on these.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CreateClientBody, UpdateClientBody, UserRef } from '../../contracts/clients';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { caseCounters, caseTransitions, clientCounsellors, clients, users } from '../db/schema';
import { assertCan, canSeeCase, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { type AuditInput, audit, auditMany } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { required } from '../lib/required';
import { KEYS_MARK, normalise, sameName, searchTextOf } from '../lib/search-text';
import { assertVersion } from '../lib/versioned';
import { assertSectors } from '../network/service';
import { presentClient, presentDuplicate } from './present';

export { caseFilter, nameSearch, orderOf, selectCases } from './list';

export type ClientRow = typeof clients.$inferSelect;

export function searchKeys(
  c: Pick<
    ClientRow,
    'givenNames' | 'familyName' | 'givenNamesOriginal' | 'familyNameOriginal' | 'caseCode' | 'email'
  >,
) {
  const names = [c.givenNames, c.familyName, c.givenNamesOriginal, c.familyNameOriginal];
  return {
    searchText: searchTextOf(`${names.filter(Boolean).join(' ')} ${c.caseCode} ${c.email ?? ''}`, names),
    familyKey: normalise(c.familyName),
    givenKey: normalise(c.givenNames),
  };
}

/**
 * Search texts written before the present name keys (they lack `KEYS_MARK`) are rewritten once, at
 * start: the keys need the JavaScript of lib/search-text, which SQL alone cannot compute. Batches
 * of 500 in short statements, so that PGlite serves requests in between. Returns how many.
 */
export async function rekeySearchText(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select({
        id: clients.id,
        givenNames: clients.givenNames,
        familyName: clients.familyName,
        givenNamesOriginal: clients.givenNamesOriginal,
        familyNameOriginal: clients.familyNameOriginal,
        caseCode: clients.caseCode,
        email: clients.email,
      })
      .from(clients)
      .where(sql`strpos(${clients.searchText}, ${KEYS_MARK}) = 0`)
      .limit(500);
    if (rows.length === 0) return done;
    const values = rows.map((r) => sql`(${r.id}::uuid, ${searchKeys(r).searchText})`);
    await db.execute(sql`UPDATE clients SET search_text = v.t FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, t)
      WHERE clients.id = v.id`);
    done += rows.length;
  }
}

/**
 * Loads a case the actor may see; anything else answers 404, so existence is not revealed. A
 * restricted case (Art. 18) is frozen: every read and change through here answers 423 for
 * everyone, until the restriction is lifted (the dpo reads it through the Art. 15 export).
 */
export async function loadCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: ClientRow; counsellorIds: string[] }> {
  const found = await findCase(db, actor, id);
  if (found.row.restrictedSince)
    throw new AppError(
      'case_restricted',
      'This case is restricted (Art. 18) until the restriction is lifted',
    );
  return found;
}

/**
 * A case the actor may see, restricted or not: only for what must work on a frozen case (its
 * hold and restriction, shown on the case page; a legal hold).
 */
export async function findCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: ClientRow; counsellorIds: string[] }> {
  assertCan(actor, 'cases.work');
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), eq(clients.organisationId, actor.organisationId)));
  // An anonymised case (privacy/deletion.ts) has nothing left to open.
  if (!row || row.anonymisedAt) throw notFound('case');
  const counsellorIds = (
    await db
      .select({ userId: clientCounsellors.userId })
      .from(clientCounsellors)
      .where(eq(clientCounsellors.clientId, id))
  ).map((r) => r.userId);
  if (!canSeeCase(actor, { ...row, counsellorIds })) throw notFound('case');
  return { row, counsellorIds };
}

/**
 * Cases of the organisation by id, each with whether the actor may open it: a conference lists
 * every nominated case, and shows a colleague's case only by a neutral label. Ids of another
 * organisation are left out.
 */
export async function casesWithAccess(
  db: Db,
  actor: Actor,
  ids: readonly string[],
): Promise<{ row: ClientRow; visible: boolean }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ row: clients, visible: sql<boolean>`${visibleCasesSql(actor)}` })
    .from(clients)
    .where(and(inArray(clients.id, [...ids]), eq(clients.organisationId, actor.organisationId)));
}

export async function userRefs(db: Db, ids: string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function presentCase(db: Db, actor: Actor, row: ClientRow, counsellorIds: string[]) {
  const refs = await userRefs(db, [row.ownerId, ...counsellorIds, row.updatedBy ?? '']);
  return presentClient(row, actor, {
    owner: refs.get(row.ownerId) ?? { id: row.ownerId, name: '?' },
    counsellors: counsellorIds.map((id) => refs.get(id) ?? { id, name: '?' }),
    updatedBy: row.updatedBy ? (refs.get(row.updatedBy)?.name ?? null) : null,
  });
}

/** The person data a case is opened with; the record fills in organisation, number and search keys. */
export type CaseOpening = Omit<
  typeof clients.$inferInsert,
  'id' | 'organisationId' | 'caseCode' | 'searchText' | 'familyKey' | 'givenKey' | 'createdBy' | 'updatedBy'
> & {
  /** When the intake happened, for the stage history (the demo replays past cases); now if left out. */
  openedAt?: Date;
};

/**
 * Opens cases: the one way a case comes into being — intake, import and the demo. Case numbers
 * are `<intake year>-<number>`, reserved per year in one statement, so concurrent intakes never
 * share one; each case starts its stage history at `intake`; each opening is audited with
 * the person it concerns. Call inside the transaction that does the rest of the work.
 */
export async function openCases(
  tx: Db,
  by: { organisationId: string; userId: string; ip: string | null },
  openings: CaseOpening[],
  auditAs: Pick<AuditInput, 'action' | 'details'>,
): Promise<{ id: string; caseCode: string }[]> {
  if (openings.length === 0) return [];
  const perYear = new Map<number, number>();
  for (const o of openings) {
    const year = Number(o.intakeDate.slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const nextNumber = new Map<number, number>();
  for (const [year, n] of perYear) {
    const [counter] = await tx
      .insert(caseCounters)
      .values({ organisationId: by.organisationId, year, last: n })
      .onConflictDoUpdate({
        target: [caseCounters.organisationId, caseCounters.year],
        set: { last: sql`${caseCounters.last} + ${n}` },
      })
      .returning({ last: caseCounters.last });
    nextNumber.set(year, (counter?.last ?? n) - n + 1);
  }
  // Ids and numbers only: an import of thousands would otherwise carry every column back.
  const opened: { id: string; caseCode: string }[] = [];
  for (let i = 0; i < openings.length; i += 500) {
    const batch = openings.slice(i, i + 500);
    const rows = await tx
      .insert(clients)
      .values(
        batch.map(({ openedAt: _openedAt, ...fields }) => {
          const year = Number(fields.intakeDate.slice(0, 4));
          const number = nextNumber.get(year) ?? 1;
          nextNumber.set(year, number + 1);
          const caseCode = `${year}-${String(number).padStart(4, '0')}`;
          return {
            ...fields,
            organisationId: by.organisationId,
            caseCode,
            createdBy: by.userId,
            updatedBy: by.userId,
            ...searchKeys({ ...fields, caseCode } as ClientRow),
          };
        }),
      )
      .returning({ id: clients.id, caseCode: clients.caseCode });
    await tx.insert(caseTransitions).values(
      rows.map((c, j) => ({
        organisationId: by.organisationId,
        clientId: c.id,
        fromStage: null,
        toStage: 'intake',
        userId: by.userId,
        ...(batch[j]?.openedAt ? { at: batch[j].openedAt } : {}),
      })),
    );
    await auditMany(
      tx,
      { organisationId: by.organisationId, actorUserId: by.userId, ip: by.ip },
      rows.map((c) => ({ ...auditAs, entityType: 'client', entityId: c.id, subjectClientId: c.id })),
    );
    opened.push(...rows);
  }
  return opened;
}

/** What a duplicate check compares: the name with the birth date, or the e-mail. */
export interface PersonToCheck {
  givenNames?: string;
  familyName?: string;
  birthDate?: string | null;
  email?: string | null;
  /** The case being edited, which is no duplicate of itself. */
  excludeId?: string;
}

/**
 * Cases that may be the same person, among the organisation's cases (open and closed): the same
 * birth date with the same family name (given names too, when typed) in any spelling the search
 * knows ("Muhammad Al-Hasan" = "Mohammed Al-Hassan" = "محمد الحسن"; whole names, no beginnings),
 * or the same e-mail. A case the actor may not open is only said to exist, with its owner to ask
 * (present.ts). Every check is audited: who, how many candidates, which cases were shown.
 */
export async function findDuplicates(db: Db, actor: Actor, c: PersonToCheck) {
  return (await findDuplicatesOfMany(db, actor, [c]))[0] ?? [];
}

/**
 * `findDuplicates` for many people at once (an import's dry run): one query for all their birth
 * dates and e-mails and one audit entry (with `details`, e.g. the import), the candidates of each
 * person in the order given. The same rule and the same presentation as one check, so that an
 * import reveals no more of a colleague's case than the intake form does.
 */
export async function findDuplicatesOfMany(
  db: Db,
  actor: Actor,
  people: PersonToCheck[],
  details: Record<string, unknown> = {},
) {
  assertCan(actor, 'cases.work');
  const checks = people.map((c) => ({
    c,
    byName: Boolean(c.familyName?.trim() && c.birthDate),
    email: c.email?.trim().toLowerCase() || null,
  }));
  const dates = [...new Set(checks.flatMap((k) => (k.byName && k.c.birthDate ? [k.c.birthDate] : [])))];
  const emails = [...new Set(checks.flatMap((k) => (k.email ? [k.email] : [])))];
  if (dates.length === 0 && emails.length === 0) return people.map(() => []);
  // The birth dates (or e-mails) narrow to a handful of rows each by index; names are compared
  // here, with the search's keys, which SQL cannot compute.
  const rows = await db
    .select({
      id: clients.id,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      givenNamesOriginal: clients.givenNamesOriginal,
      familyNameOriginal: clients.familyNameOriginal,
      birthDate: clients.birthDate,
      email: clients.email,
      owner: users.name,
      visible: sql<boolean>`${visibleCasesSql(actor)}`,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.ownerId))
    .where(
      and(
        eq(clients.organisationId, actor.organisationId),
        or(
          dates.length ? inArray(clients.birthDate, dates) : undefined,
          emails.length ? inArray(clients.email, emails) : undefined,
        ),
      ),
    );
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    for (const key of [r.birthDate && `date ${r.birthDate}`, r.email && `email ${r.email}`]) {
      if (!key) continue;
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
  }
  const found = checks.map(({ c, byName, email }) => {
    const given = c.givenNames?.trim().split(/\s+/)[0] ?? '';
    const sameDate = byName ? (byKey.get(`date ${c.birthDate}`) ?? []) : [];
    const sameEmail = email ? (byKey.get(`email ${email}`) ?? []) : [];
    return [...new Set([...sameDate, ...sameEmail])]
      .filter((r) => r.id !== c.excludeId)
      .sort((x, y) => x.caseCode.localeCompare(y.caseCode))
      .map((r) => {
        if (byName && r.birthDate === c.birthDate) {
          const sameFamily = sameName(c.familyName ?? '', [r.familyName, r.familyNameOriginal]);
          const sameGiven = !given || sameName(given, [r.givenNames, r.givenNamesOriginal]);
          if (sameFamily && sameGiven) return { row: r, reason: 'name_and_birth_date' as const };
        }
        // An e-mail alone is no proof of the same person, and typing addresses must not tell who
        // has a case elsewhere in the organisation: it counts only for cases the caller may open.
        if (email && r.email === email && r.visible) return { row: r, reason: 'email' as const };
        return null;
      })
      .filter((x) => x !== null)
      .slice(0, 10);
  });
  const all = found.flat();
  await audit(db, actor, {
    action: 'client.duplicates_checked',
    details: {
      candidates: all.length,
      shown: [...new Set(all.filter((f) => f.row.visible).map((f) => f.row.id))],
      ...details,
    },
  });
  return found.map((list) => list.map((f) => presentDuplicate(f.row, f.reason)));
}

export async function createClient(ctx: AppContext, actor: Actor, body: CreateClientBody) {
  assertCan(actor, 'cases.work');
  const { ignoreDuplicates, ...fields } = body as CreateClientBody & { ignoreDuplicates: boolean };
  if (!ignoreDuplicates) {
    const candidates = await findDuplicates(ctx.db, actor, fields);
    if (candidates.length > 0) {
      throw new AppError(
        'duplicate',
        'A case with the same name and birth date, or the same e-mail, exists',
        {
          details: { candidates },
        },
      );
    }
  }
  const row = await ctx.db.transaction(async (tx) => {
    await assertSectors(tx, actor, fields.sectorId ? [fields.sectorId] : [], 'sectorId');
    const [opened] = await openCases(tx, actor, [{ ...(fields as CaseOpening), ownerId: actor.userId }], {
      action: 'client.created',
    });
    const [created] = await tx
      .select()
      .from(clients)
      .where(eq(clients.id, required(opened, 'the opened case').id));
    return required(created, 'the opened case');
  });
  return presentCase(ctx.db, actor, row, []);
}

/**
 * Writes changes of a case at the version the caller read (checked before with `assertVersion`):
 * a write in between answers 409 instead of being overwritten.
 */
export async function writeCase(
  tx: Db,
  actor: Actor,
  id: string,
  version: number,
  values: Partial<typeof clients.$inferInsert>,
): Promise<ClientRow> {
  const [saved] = await tx
    .update(clients)
    .set({ ...values, updatedAt: new Date(), updatedBy: actor.userId, version: sql`${clients.version} + 1` })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .returning();
  if (!saved) throw new AppError('version_conflict', 'Changed by someone else just now');
  return saved;
}

export async function updateClient(ctx: AppContext, actor: Actor, id: string, body: UpdateClientBody) {
  const { version, ...changes } = body;
  const updated = await ctx.db.transaction(async (tx) => {
    const { row, counsellorIds } = await loadCase(tx, actor, id);
    await assertVersion(tx, row, version);
    if (changes.sectorId) await assertSectors(tx, actor, [changes.sectorId], 'sectorId');
    const merged = { ...row, ...(changes as Partial<ClientRow>) };
    const saved = await writeCase(tx, actor, id, version, {
      ...(changes as Partial<typeof clients.$inferInsert>),
      ...searchKeys(merged),
    });
    await audit(tx, actor, {
      action: 'client.updated',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      // Which fields changed, never their values: the trail must not become a copy of the data.
      details: { fields: Object.keys(changes) },
    });
    return { saved, counsellorIds };
  });
  return presentCase(ctx.db, actor, updated.saved, updated.counsellorIds);
}

/**
 * Brings the list's summary columns of clients up to date from their entries: the earliest due
 * date of an open step, and the German level (1 = A1 … 6 = C2, 7 = native). Called after every
 * change of steps or language skills, and after bulk writes (demo, benchmark data).
 */
export async function refreshCaseSummaries(db: Db, clientIds: string[] | 'all', organisationId?: string) {
  const scope: SQL =
    clientIds === 'all'
      ? sql`c.organisation_id = ${organisationId}`
      : sql`c.id IN (${sql.join(
          clientIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  if (clientIds !== 'all' && clientIds.length === 0) return;
  await db.execute(sql`
    UPDATE clients c SET
      next_step_due = (SELECT min(s.due_date) FROM next_steps s WHERE s.client_id = c.id AND s.done_at IS NULL),
      german_level = (SELECT max(array_position(ARRAY['A1','A2','B1','B2','C1','C2','native'], l.level))
                      FROM language_skills l WHERE l.client_id = c.id AND l.language = 'deu')
    WHERE ${scope}`);
}
