/** The directory in and out of spreadsheets: CSV import (all rows or none) and export. */
import { and, asc, eq } from 'drizzle-orm';
import { type InstitutionType, institutionBody, institutionTypes } from '../../contracts/network';
import type { AppContext } from '../context';
import { institutionContacts, institutions } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { csvField, parseCsv } from '../lib/csv';
import { AppError } from '../lib/errors';
import { normalise } from '../lib/search-text';
import { type DirectoryFilter, directoryFilter, type InstitutionInput, keysOf } from './institutions';
import { sectorNames } from './service';

const exportColumns = [
  'Name',
  'Typ',
  'Branchen',
  'Straße',
  'PLZ',
  'Ort',
  'Website',
  'E-Mail',
  'Telefon',
  'Notizen',
  'Ansprechperson',
  'Funktion',
  'E-Mail Ansprechperson',
  'Telefon Ansprechperson',
  'Sprache',
] as const;

/**
 * The (filtered) directory as CSV, one line per contact person (or per institution without one);
 * a contact person appears only with their consent to be contacted. The columns read back with
 * the import. Contact persons are personal data: the export is audited.
 */
export async function exportInstitutions(ctx: AppContext, actor: Actor, q: DirectoryFilter) {
  assertCan(actor, 'network.work');
  const rows = await ctx.db
    .select({ i: institutions, c: institutionContacts })
    .from(institutions)
    .leftJoin(
      institutionContacts,
      and(
        eq(institutionContacts.institutionId, institutions.id),
        eq(institutionContacts.consentToContact, true),
      ),
    )
    .where(directoryFilter(actor, q))
    .orderBy(asc(institutions.name), asc(institutionContacts.name));
  const names = await sectorNames(ctx.db, actor.organisationId);
  const lines = [
    exportColumns.map((h) => csvField(h)).join(';'),
    ...rows.map(({ i, c }) =>
      [
        i.name,
        i.type,
        i.sectorIds.map((s) => names.get(s) ?? '').join(', '),
        i.street,
        i.postcode,
        i.city,
        i.website,
        i.email,
        i.phone,
        i.notes,
        c?.name,
        c?.function,
        c?.email,
        c?.phone,
        c?.language,
      ]
        .map((v) => csvField(v ?? ''))
        .join(';'),
    ),
  ];
  await audit(ctx.db, actor, {
    action: 'network.exported',
    entityType: 'institution',
    entityId: null,
    details: {
      institutions: new Set(rows.map((r) => r.i.id)).size,
      contactPersons: rows.filter((r) => r.c).length,
      filter: q,
    },
  });
  return {
    content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    filename: `lotse-netzwerk-${new Date().toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv; charset=utf-8',
  };
}

/** Words of the German and English directory exports, and Lotse's codes, for the type column of an import. */
const typeWords: [RegExp, InstitutionType][] = [
  [/jobcenter|job centre/, 'job_centre'],
  [/agentur|employment agency/, 'employment_agency'],
  [/\bihk\b/, 'chamber_ihk'],
  [/\bhwk\b|handwerkskammer/, 'chamber_hwk'],
  [/kammer|chamber/, 'chamber_professional'],
  [/sprach|language/, 'language_school'],
  [/bildungstr|training|weiterbild/, 'training_provider'],
  [/auslanderbeh|immigration/, 'immigration_authority'],
  [/anerkennung|recognition|zab/, 'recognition_authority'],
  [/beratung|counselling/, 'counselling_centre'],
  [/unternehmen|firma|betrieb|company|arbeitgeber|employer/, 'company'],
];

function typeOf(value: string): InstitutionType | null {
  const v = normalise(value);
  if ((institutionTypes as readonly string[]).includes(v.replace(/ /g, '_')))
    return v.replace(/ /g, '_') as InstitutionType;
  return typeWords.find(([re]) => re.test(v))?.[1] ?? (v ? null : 'other');
}

/**
 * Imports a directory from CSV (columns by heading: name, type, city/Ort, postcode/PLZ, street,
 * website, e-mail, phone, notes). All rows or none; names already in the directory are skipped.
 */
export async function importInstitutions(ctx: AppContext, actor: Actor, text: string) {
  assertCan(actor, 'network.work');
  const [header, ...rows] = parseCsv(text);
  if (!header || rows.length === 0)
    throw new AppError('validation_failed', 'The file has no rows below its header');
  const col = (re: RegExp) => header.findIndex((h) => re.test(normalise(h)));
  const cols = {
    name: col(/^(name|einrichtung|institution|organisation)/),
    type: col(/^(typ|type|art)/),
    city: col(/^(ort|stadt|city|town)/),
    postcode: col(/^(plz|postleitzahl|postcode|zip)/),
    street: col(/^(strasse|straße|street|adresse|address)/),
    website: col(/^(website|web|internet|homepage)/),
    email: col(/mail/),
    phone: col(/^(telefon|phone|tel)/),
    notes: col(/^(notiz|bemerkung|notes?)/),
  };
  if (cols.name < 0)
    throw new AppError('validation_failed', 'No column for the name', {
      fields: [{ path: 'file', message: 'a "Name" column is needed' }],
    });
  const problems: { row: number; field: string; message: string }[] = [];
  const valid: InstitutionInput[] = [];
  rows.forEach((r, i) => {
    const get = (c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
    const type = typeOf(get(cols.type));
    if (!type) problems.push({ row: i + 2, field: 'type', message: `unknown type "${get(cols.type)}"` });
    const parsed = institutionBody.safeParse({
      name: get(cols.name),
      type: type ?? 'other',
      city: get(cols.city) || null,
      postcode: get(cols.postcode) || null,
      street: get(cols.street) || null,
      website: get(cols.website) || null,
      email: get(cols.email) || null,
      phone: get(cols.phone) || null,
      notes: get(cols.notes) || null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ row: i + 2, field: issue.path.join('.'), message: issue.message });
    } else if (type) {
      const { ignoreDuplicates: _ignore, ...values } = parsed.data;
      valid.push(values);
    }
  });
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(problems.map((p) => p.row)).size} rows have errors; nothing was imported`,
      { details: { problems: problems.slice(0, 200) } },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const existing = new Set(
      (
        await tx
          .select({ name: institutions.name })
          .from(institutions)
          .where(eq(institutions.organisationId, actor.organisationId))
      ).map((r) => normalise(r.name)),
    );
    // Already in the directory, or earlier in the same file (an export has a line per contact person).
    const fresh = valid.filter((v) => {
      const key = normalise(v.name);
      if (existing.has(key)) return false;
      existing.add(key);
      return true;
    });
    if (fresh.length) {
      await tx.insert(institutions).values(
        fresh.map((v) => ({
          ...v,
          ...keysOf(v),
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })),
      );
    }
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution',
      details: { imported: fresh.length, skipped: valid.length - fresh.length },
    });
    return { imported: fresh.length, skipped: valid.length - fresh.length };
  });
}
