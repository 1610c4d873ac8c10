/**
 * Case lists in and out of Lotse: the filtered case list as CSV or XLSX, and a client list from a
 * spreadsheet, checked row by row in a dry run and then imported all or nothing.
 */
import { and, eq } from 'drizzle-orm';
import { createClientBody, type DuplicateCandidate } from '../../contracts/clients';
import { type ImportField, type ImportProblem, importFields } from '../../contracts/transfer';
import { type CaseOpening, findDuplicatesOfMany, openCases } from '../clients/service';
import type { AppContext } from '../context';
import { clientImports } from '../db/schema';
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

/** The warning's text for clients of the API; the web client words it from `duplicate` itself. */
function duplicateMessage(d: DuplicateCandidate): string {
  if (!d.visible) return `possibly already in Lotse in a case you cannot open; ask ${d.owner}`;
  return d.reason === 'email'
    ? `e-mail already used by case ${d.caseCode}`
    : `already in Lotse as case ${d.caseCode}`;
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
  const problems: ImportProblem[] = [];
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
  // Already in Lotse: the duplicate check of the intake form, row by row, so that the dry run
  // names a colleague's case no more than the form would (only that it exists, and its owner).
  const duplicates = await findDuplicatesOfMany(
    ctx.db,
    actor,
    valid.map((v) => v.values),
    { importId: id },
  );
  valid.forEach((v, i) => {
    for (const duplicate of duplicates[i] ?? []) {
      problems.push({
        row: v.index,
        field: duplicate.reason === 'email' ? 'email' : 'familyName',
        message: duplicateMessage(duplicate),
        severity: 'warning',
        duplicate,
      });
    }
  });
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
