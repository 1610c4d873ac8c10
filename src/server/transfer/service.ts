/**
 * Case lists in and out of Lotse: the filtered case list as CSV or XLSX, and a client list from a
 * spreadsheet, checked row by row in a dry run and then imported all or nothing.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { createClientBody } from '../../contracts/clients';
import { type ImportField, importFields } from '../../contracts/transfer';
import { type CaseOpening, openCases } from '../clients/service';
import type { AppContext } from '../context';
import { clientImports, clients } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { todayInGermany } from '../lib/calendar';
import { AppError, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { normalise } from '../lib/search-text';

import { readSheet, suggestMapping, toBody } from './sheet';

export const MAX_IMPORT_ROWS = 20_000;

export async function uploadImport(ctx: AppContext, actor: Actor, filename: string, data: Buffer) {
  assertCan(actor, 'cases.work');
  const [header, ...rows] = await readSheet(filename, data);
  if (!header || rows.length === 0)
    throw new AppError('validation_failed', 'The file has no rows below its header');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError('validation_failed', `At most ${MAX_IMPORT_ROWS} rows per import`);
  const width = header.length;
  const normalised = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  const row = firstRow(
    await ctx.db
      .insert(clientImports)
      .values({
        organisationId: actor.organisationId,
        userId: actor.userId,
        filename,
        columns: header.map((h) => h.trim()),
        rows: normalised,
      })
      .returning({ id: clientImports.id }),
    'the new import',
  );
  return {
    id: row.id,
    filename,
    columns: header,
    rowCount: rows.length,
    sample: normalised.slice(0, 5),
    suggestedMapping: suggestMapping(header),
  };
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

async function validateImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  assertCan(actor, 'cases.work');
  const [imp] = await ctx.db
    .select()
    .from(clientImports)
    .where(
      and(
        eq(clientImports.id, id),
        eq(clientImports.organisationId, actor.organisationId),
        eq(clientImports.userId, actor.userId),
      ),
    );
  if (!imp) throw notFound('import');
  if (imp.committedAt) throw new AppError('conflict', 'This import has already been committed');
  for (const [field, index] of Object.entries(mapping)) {
    if (
      !importFields.includes(field as ImportField) ||
      index === undefined ||
      index < 0 ||
      index >= imp.columns.length
    ) {
      throw new AppError('validation_failed', `Mapping of ${field} points to no column`, {
        fields: [{ path: `mapping.${field}`, message: 'no such column' }],
      });
    }
  }
  if (mapping.givenNames === undefined || mapping.familyName === undefined) {
    throw new AppError('validation_failed', 'Map the given names and the family name', {
      fields: [{ path: 'mapping', message: 'names are required' }],
    });
  }
  const today = todayInGermany();
  const problems: RowProblem[] = [];
  const valid: { index: number; values: ReturnType<typeof createClientBody.parse> }[] = [];
  const seen = new Map<string, number>();
  imp.rows.forEach((row, i) => {
    const rowNumber = i + 2; // as the spreadsheet numbers it, below the header
    const parsed = createClientBody.safeParse(toBody(row, mapping, today));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          row: rowNumber,
          field: issue.path.join('.'),
          message: issue.message,
          severity: 'error',
        });
      return;
    }
    const key = `${normalise(`${parsed.data.givenNames} ${parsed.data.familyName}`)}|${parsed.data.birthDate ?? ''}`;
    if (parsed.data.birthDate && seen.has(key)) {
      problems.push({
        row: rowNumber,
        field: 'familyName',
        message: `same person as row ${seen.get(key)}`,
        severity: 'warning',
      });
    }
    seen.set(key, rowNumber);
    valid.push({ index: rowNumber, values: parsed.data });
  });
  // Already in Lotse: same name and birth date, or same e-mail (only the candidates are loaded).
  if (valid.length) {
    const dates = [...new Set(valid.map((v) => v.values.birthDate).filter((d): d is string => Boolean(d)))];
    const emails = [...new Set(valid.map((v) => v.values.email).filter((e): e is string => Boolean(e)))];
    const candidates = or(
      dates.length ? inArray(clients.birthDate, dates) : undefined,
      emails.length ? inArray(clients.email, emails) : undefined,
    );
    const existing = candidates
      ? await ctx.db
          .select({
            givenNames: clients.givenNames,
            familyName: clients.familyName,
            birthDate: clients.birthDate,
            email: clients.email,
            caseCode: clients.caseCode,
          })
          .from(clients)
          .where(and(eq(clients.organisationId, actor.organisationId), candidates))
      : [];
    const personKey = (given: string, family: string, birth: string | null) =>
      `${normalise(`${given} ${family}`)}|${birth ?? ''}`;
    const byKey = new Map(
      existing
        .filter((e) => e.birthDate)
        .map((e) => [personKey(e.givenNames, e.familyName, e.birthDate), e.caseCode]),
    );
    const byEmail = new Map(existing.flatMap((e) => (e.email ? [[e.email, e.caseCode] as const] : [])));
    for (const v of valid) {
      const hit = v.values.birthDate
        ? byKey.get(personKey(v.values.givenNames, v.values.familyName, v.values.birthDate))
        : undefined;
      if (hit)
        problems.push({
          row: v.index,
          field: 'familyName',
          message: `already in Lotse as case ${hit}`,
          severity: 'warning',
        });
      else if (v.values.email && byEmail.has(v.values.email)) {
        problems.push({
          row: v.index,
          field: 'email',
          message: `e-mail already used by case ${byEmail.get(v.values.email)}`,
          severity: 'warning',
        });
      }
    }
  }
  return { imp, problems: problems.sort((a, b) => a.row - b.row), valid };
}

export async function checkImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  const { imp, problems, valid } = await validateImport(ctx, actor, id, mapping);
  const errorRows = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
  return {
    rowCount: imp.rows.length,
    validCount: valid.length,
    errorRows: errorRows.size,
    problems: problems.slice(0, 2000),
    canCommit: errorRows.size === 0,
  };
}

/** All or nothing: one transaction; any row with an error stops the whole import. */
export async function commitImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  const { problems, valid } = await validateImport(ctx, actor, id, mapping);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(errors.map((e) => e.row)).size} rows have errors; nothing was imported`,
      {
        details: { problems: errors.slice(0, 200) },
      },
    );
  }
  await ctx.db.transaction(async (tx) => {
    await openCases(
      tx,
      actor,
      valid.map(({ values }) => {
        const { ignoreDuplicates: _ignore, ...fields } = values;
        return { ...(fields as CaseOpening), ownerId: actor.userId };
      }),
      { action: 'client.imported', details: { importId: id } },
    );
    await tx
      .update(clientImports)
      .set({ committedAt: new Date(), importedCount: valid.length, rows: [] })
      .where(eq(clientImports.id, id));
  });
  return { imported: valid.length };
}
