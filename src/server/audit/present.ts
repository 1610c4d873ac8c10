import type { AuditDetailLine, AuditEntry } from '../../contracts/audit';
import type { auditLog } from '../db/schema';

type Row = {
  entry: typeof auditLog.$inferSelect;
  actorName: string | null;
  actorEmail: string | null;
  subjectCode: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id an entry mentions (its entity and any id among its details), to look their names up. */
export function idsMentioned(rows: Row[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const { entry } of rows) {
    visit(entry.entityId);
    visit(entry.details);
  }
  return [...ids];
}

/** A detail's value as words: ids by their names (unknown ids left out), lists of records by their count. */
function valuesOf(value: unknown, names: Map<string, string>): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string')
    return UUID.test(value) ? [names.get(value)].filter((n) => n !== undefined) : [value];
  if (Array.isArray(value))
    return value.some((v) => v !== null && typeof v === 'object')
      ? [String(value.length)]
      : value.flatMap((v) => valuesOf(v, names));
  if (typeof value === 'object') return [String(Object.keys(value).length)];
  return [String(value)];
}

/**
 * The details as lines of a key and its values, for people to read; a group of values (the filters
 * of a search) gives a line for each. Codes stay codes: the client translates them.
 */
export function detailLines(details: Record<string, unknown> | null, names: Map<string, string>) {
  const lines: AuditDetailLine[] = [];
  const add = (key: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) lines.push({ key: k, values: valuesOf(v, names) });
      return;
    }
    lines.push({ key, values: valuesOf(value, names) });
  };
  for (const [key, value] of Object.entries(details ?? {})) add(key, value);
  return lines.filter((l) => l.values.length > 0);
}

/**
 * Details that may name a client: a search term is typed as a person's name (the case list's
 * search, the dpo's person lookup). Only a viewer who may look persons up (`audit.persons`, the
 * dpo) reads them; the admin sees that a search was made and how many it found.
 */
const personNamingKeys = new Set(['q']);

function withoutPersons(details: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!details) return details;
  return Object.fromEntries(Object.entries(details).filter(([key]) => !personNamingKeys.has(key)));
}

export function presentAuditEntry(row: Row, names: Map<string, string>, mayNamePersons: boolean): AuditEntry {
  const e = row.entry;
  const details = mayNamePersons ? e.details : withoutPersons(e.details);
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actorUserId
      ? { id: e.actorUserId, name: row.actorName ?? '?', email: row.actorEmail ?? '' }
      : null,
    entityType: e.entityType,
    entityId: e.entityId,
    // A case by its number only (the subject column); other records by their name.
    entityLabel: e.entityId && e.entityType !== 'client' ? (names.get(e.entityId) ?? null) : null,
    // The case number, not the name: the trail shows who touched which case; names need a lookup.
    subject: e.subjectClientId
      ? { id: e.subjectClientId, label: row.subjectCode ?? e.subjectClientId }
      : null,
    ip: e.ip,
    details,
    detailLines: detailLines(details, names),
  };
}
