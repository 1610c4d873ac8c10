/**
 * What the minutes of a conference are made of, read in one go: the nominations in agenda order
 * and their cases, live mode's entries (drafted into text here), the edited texts, the commitments
 * of each item, the consents of every case named, and the invited institutions. The minutes page,
 * the PDFs and publishing all start from this; what each reader gets is decided in minutes-share.ts.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Commitment } from '../../contracts/commitments';
import type { MinutesItemKey } from '../../contracts/conferences-minutes';
import { type ClientRow, casesWithAccess } from '../clients/service';
import { carriedOverSql, commitmentsInScopeSql, presentCommitments } from '../commitments/service';
import type { Db } from '../db/client';
import { conferenceEntries, conferenceMinutes, conferenceNominations, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import type { ConferenceRow } from './load';
import { type NominationRow, nominationRows } from './nominations';
import { type ConsentRow, conferenceConsents, type InstitutionRef, invitedInstitutions } from './sharing';

export type EntryRow = typeof conferenceEntries.$inferSelect;
export type MinutesRow = typeof conferenceMinutes.$inferSelect;

const headings = { decision: 'Beschlüsse', dissent: 'Abweichende Meinung', note: 'Notizen' } as const;

/**
 * The text live mode's entries of one item make: decisions, dissent, then notes, each in the
 * order written. German, like the minutes that go out. An entry kept beside another as a second
 * version written at the same time stays in, marked, for whoever edits the minutes to settle.
 */
export function draftOf(entries: readonly Pick<EntryRow, 'kind' | 'text' | 'conflictOf'>[]): string {
  return (Object.keys(headings) as (keyof typeof headings)[])
    .flatMap((kind) => {
      const of = entries.filter((e) => e.kind === kind);
      if (of.length === 0) return [];
      const lines = of.map(
        (e) => `– ${e.text.trim()}${e.conflictOf ? ' (zweite Fassung, zur selben Zeit geschrieben)' : ''}`,
      );
      return [`${headings[kind]}:\n${lines.join('\n')}`];
    })
    .join('\n\n');
}

/** One agenda item's own material: its entries drafted, and its edited text if any. */
export interface ItemSource {
  key: MinutesItemKey;
  n: NominationRow | null;
  draft: string;
  conflicts: number;
  edit: MinutesRow | null;
  commitments: Commitment[];
}

export interface MinutesSources {
  c: ConferenceRow;
  items: ItemSource[];
  /** Every case named (nominated, or of a commitment on the first item), by client id. */
  cases: Map<string, { row: ClientRow; visible: boolean }>;
  consents: Map<string, ConsentRow[]>;
  /** Nominations, of any conference, whose case was discussed anonymised: their commitments stay so. */
  anonymisedNominations: Set<string>;
  invited: InstitutionRef[];
  /** Names of those who edited the texts. */
  editors: Map<string, string>;
}

/** The text that goes out for an item: as edited, else as drafted. */
export const textOf = (item: Pick<ItemSource, 'draft' | 'edit'>) => item.edit?.text ?? item.draft;

/**
 * `commitments` chooses the commitments read (a condition over `cm`): those the actor may see by
 * default; every one of the organisation for a partner's copy, which `institutionCopy` then
 * decides item by item as for the published mail (a partner can open no case, so the staff's
 * rule would leave out every commitment on a case).
 */
export async function minutesSources(
  db: Db,
  actor: Actor,
  c: ConferenceRow,
  commitments: SQL = commitmentsInScopeSql(actor),
): Promise<MinutesSources> {
  const rows = await nominationRows(db, c.id);
  const [entries, edits, made, invited] = await Promise.all([
    db
      .select()
      .from(conferenceEntries)
      .where(eq(conferenceEntries.conferenceId, c.id))
      .orderBy(asc(conferenceEntries.createdAt), asc(conferenceEntries.id)),
    db.select().from(conferenceMinutes).where(eq(conferenceMinutes.conferenceId, c.id)),
    // This conference's commitments, and those carried over onto its first item (as the minutes
    // record it: open when it began, or settled since).
    presentCommitments(
      db,
      actor,
      sql`(cm.conference_id = ${c.id}::uuid OR ${carriedOverSql(c, { settledSince: c.startsAt })}) AND ${commitments}`,
      { orderBy: sql`cm.due_date, cm.created_at, cm.id` },
    ),
    invitedInstitutions(db, c.id),
  ]);
  const own = new Set(rows.map((n) => n.id));
  const onItem = (key: string | null) =>
    made.filter((cm) => (key ? cm.nominationId === key : !cm.nominationId || !own.has(cm.nominationId)));
  const itemOf = (n: NominationRow | null): ItemSource => {
    const mine = entries.filter((e) => e.nominationId === (n?.id ?? null));
    const key = n?.id ?? 'commitments';
    return {
      key,
      n,
      draft: draftOf(mine),
      conflicts: mine.filter((e) => e.conflictOf).length,
      edit: edits.find((m) => m.item === key) ?? null,
      commitments: onItem(n?.id ?? null),
    };
  };
  const clientIds = [
    ...new Set([...rows.map((n) => n.clientId), ...made.flatMap((cm) => (cm.client ? [cm.client.id] : []))]),
  ];
  const origins = [...new Set(made.flatMap((cm) => (cm.nominationId ? [cm.nominationId] : [])))];
  const editorIds = [...new Set(edits.flatMap((m) => (m.updatedBy ? [m.updatedBy] : [])))];
  const [cases, consents, anonymised, editors] = await Promise.all([
    casesWithAccess(db, actor, clientIds),
    conferenceConsents(db, clientIds),
    origins.length
      ? db
          .select({ id: conferenceNominations.id })
          .from(conferenceNominations)
          .where(and(inArray(conferenceNominations.id, origins), eq(conferenceNominations.anonymised, true)))
      : [],
    editorIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, editorIds))
      : [],
  ]);
  return {
    c,
    items: [itemOf(null), ...rows.map(itemOf)],
    cases: new Map(cases.map((x) => [x.row.id, x])),
    consents,
    anonymisedNominations: new Set(anonymised.map((a) => a.id)),
    invited,
    editors: new Map(editors.map((u) => [u.id, u.name])),
  };
}
