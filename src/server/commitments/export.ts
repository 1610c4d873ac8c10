/**
 * The commitments list as CSV (German column heads, `;` and a BOM, as Excel in Germany opens it),
 * with the list's filters: for the follow-up round by phone and for the steering group. Cases
 * appear as the list shows them to the caller; each case written out is audited as read.
 */
import type { Commitment, CommitmentListQuery } from '../../contracts/commitments';
import type { AppContext } from '../context';
import type { Actor } from '../lib/actor';
import { todayInGermany } from '../lib/calendar';
import { csvField } from '../lib/csv';
import { allCommitments } from './service';

/** An export is for a follow-up round, not a data dump: the first 10,000 in due order. */
const MAX_ROWS = 10_000;

const columns: [string, (c: Commitment) => string][] = [
  ['Fällig am', (c) => c.dueDate],
  [
    'Status',
    (c) => (c.overdue ? 'überfällig' : { open: 'offen', done: 'erledigt', dropped: 'entfallen' }[c.status]),
  ],
  ['Fall', (c) => c.client?.label ?? ''],
  ['Institution', (c) => c.institution.name],
  ['Verantwortlich', (c) => c.responsibleName ?? c.contact?.name ?? ''],
  ['Zusage', (c) => c.action],
  ['Konferenz', (c) => c.conference.title],
  ['Konferenz am', (c) => todayInGermany(new Date(c.conference.startsAt))],
  ['Gemeldet am', (c) => c.reportedOn ?? ''],
  ['Notiz', (c) => c.statusNote ?? ''],
];

export async function exportCommitments(ctx: AppContext, actor: Actor, q: CommitmentListQuery) {
  const items = await allCommitments(ctx, actor, q, MAX_ROWS);
  const lines = [
    columns.map(([head]) => csvField(head)).join(';'),
    ...items.map((c) => columns.map(([, value]) => csvField(value(c))).join(';')),
  ];
  return {
    content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    filename: `lotse-zusagen-${new Date().toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv; charset=utf-8',
  };
}
