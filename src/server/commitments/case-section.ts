/**
 * The conference part of the case file: the conferences the case was put before (with its
 * question, and when it was discussed), the decisions taken on it there (live mode writes them as
 * conference entries of kind `decision`), and the commitments made for it. It lives with the
 * commitments, which read the conference tables directly: the conferences domain does not need to
 * know the case file, and no domain cycle arises.
 */
import { sql } from 'drizzle-orm';
import type { TimelineEntry } from '../../contracts/clients';
import type { CaseConferences, Commitment } from '../../contracts/commitments';
import type { ConferenceStatus } from '../../contracts/conferences';
import type { CaseSection } from '../casefile/service';
import type { Db } from '../db/client';
import type { Actor } from '../lib/actor';
import { presentCommitments } from './present';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

interface NominationRow extends Record<string, unknown> {
  id: string;
  conference_id: string;
  title: string;
  starts_at: Date | string;
  status: string;
  question: string;
  created_at: Date | string;
  nominated_by: string | null;
  discussed_at: Date | string | null;
}

interface DecisionRow extends Record<string, unknown> {
  id: string;
  conference_id: string;
  nomination_id: string;
  text: string;
  created_at: Date | string;
  by: string | null;
}

async function nominationsOf(db: Db, clientId: string): Promise<CaseConferences['nominations']> {
  const { rows } = await db.execute<NominationRow>(sql`
    SELECT n.id, n.conference_id, c.title, c.starts_at, c.status, n.question, n.created_at,
      u.name AS nominated_by, n.discussed_at
    FROM conference_nominations n
    JOIN conferences c ON c.id = n.conference_id
    LEFT JOIN users u ON u.id = n.created_by
    WHERE n.client_id = ${clientId}::uuid
    ORDER BY c.starts_at DESC`);
  return rows.map((r) => ({
    id: r.id,
    conference: {
      id: r.conference_id,
      title: r.title,
      startsAt: iso(r.starts_at),
      status: r.status as ConferenceStatus,
    },
    question: r.question,
    nominatedAt: iso(r.created_at),
    nominatedBy: r.nominated_by,
    discussedAt: r.discussed_at ? iso(r.discussed_at) : null,
  }));
}

async function decisionsOf(db: Db, clientId: string): Promise<CaseConferences['decisions']> {
  const { rows } = await db.execute<DecisionRow>(sql`
    SELECT e.id, e.conference_id, e.nomination_id, e.text, e.created_at, u.name AS by
    FROM conference_entries e
    JOIN conference_nominations n ON n.id = e.nomination_id
    LEFT JOIN users u ON u.id = e.created_by
    WHERE n.client_id = ${clientId}::uuid AND e.kind = 'decision'
    ORDER BY e.created_at`);
  return rows.map((r) => ({
    id: r.id,
    conferenceId: r.conference_id,
    nominationId: r.nomination_id,
    text: r.text,
    at: iso(r.created_at),
    by: r.by,
  }));
}

/** A commitment in the timeline: when it was made, and when it was reported done or dropped. */
function commitmentEvents(c: Commitment): TimelineEntry[] {
  const made: TimelineEntry = {
    at: c.createdAt,
    kind: 'commitment',
    codes: ['made', c.dueDate],
    title: c.institution.name,
    detail: c.action,
    by: c.responsibleName ?? c.contact?.name ?? null,
  };
  if (c.status === 'open' || !c.reportedOn) return [made];
  return [
    made,
    {
      at: `${c.reportedOn}T12:00:00.000Z`,
      kind: 'commitment',
      codes: [c.status, c.dueDate],
      title: c.institution.name,
      detail: c.statusNote ?? c.action,
      by: c.reportedBy,
    },
  ];
}

export const commitmentsSection: CaseSection<'conferences'> = {
  key: 'conferences',
  async load(db: Db, clientId: string, actor: Actor) {
    const [nominations, decisions, commitments] = await Promise.all([
      nominationsOf(db, clientId),
      decisionsOf(db, clientId),
      // The case file's viewer may open the case (checked before any section loads).
      presentCommitments(db, actor, sql`cm.client_id = ${clientId}::uuid`, {
        orderBy: sql`cm.due_date, cm.created_at`,
      }),
    ]);
    const title = new Map(nominations.map((n) => [n.conference.id, n.conference.title]));
    const timeline: TimelineEntry[] = [
      ...nominations.flatMap((n) => [
        {
          at: n.nominatedAt,
          kind: 'conference',
          codes: ['nominated'],
          title: n.conference.title,
          detail: n.question,
          by: n.nominatedBy,
        },
        ...(n.discussedAt
          ? [
              {
                at: n.discussedAt,
                kind: 'conference',
                codes: ['discussed'],
                title: n.conference.title,
                detail: null,
                by: null,
              },
            ]
          : []),
      ]),
      ...decisions.map((d) => ({
        at: d.at,
        kind: 'decision',
        codes: [],
        title: title.get(d.conferenceId) ?? '',
        detail: d.text,
        by: d.by,
      })),
      ...commitments.flatMap(commitmentEvents),
    ];
    return { data: { nominations, decisions, commitments }, timeline };
  },
};
