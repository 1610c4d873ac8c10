/** The commitments list: every commitment of the organisation the caller may see, filtered and paged. */
import { type SQL, sql } from 'drizzle-orm';
import type { CommitmentListQuery, CommitmentPage } from '../../contracts/commitments';
import type { AppContext } from '../context';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { commitmentsInScopeSql, overdueSql, presentCommitments } from './present';

// What other domains use of commitments: live mode makes them at the table and shows them, the
// minutes show them; both through the one presenter.
export { changeCommitment, makeCommitment } from './make';
export { carriedOverSql, commitmentsInScopeSql, presentCommitments } from './present';

const orderBy: Record<NonNullable<CommitmentListQuery['sort']>, SQL> = {
  dueDate: sql`cm.due_date, cm.created_at`,
  '-dueDate': sql`cm.due_date DESC, cm.created_at DESC`,
  institution: sql`i.name, cm.due_date`,
  createdAt: sql`cm.created_at DESC`,
};

export async function listCommitments(
  ctx: AppContext,
  actor: Actor,
  q: CommitmentListQuery & { limit: number; offset: number },
): Promise<CommitmentPage> {
  assertCan(actor, 'commitments.read');
  const where: SQL[] = [commitmentsInScopeSql(actor)];
  if (q.institutionId) where.push(sql`cm.institution_id = ${q.institutionId}::uuid`);
  if (q.clientId) where.push(sql`cm.client_id = ${q.clientId}::uuid`);
  if (q.conferenceId) where.push(sql`cm.conference_id = ${q.conferenceId}::uuid`);
  if (q.seriesId)
    where.push(sql`cm.conference_id IN (SELECT id FROM conferences WHERE series_id = ${q.seriesId}::uuid)`);
  if (q.status === 'overdue') where.push(overdueSql());
  else if (q.status) where.push(sql`cm.status = ${q.status}`);
  if (q.dueFrom) where.push(sql`cm.due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) where.push(sql`cm.due_date <= ${q.dueTo}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(cm.action ILIKE ${like} OR cm.responsible_name ILIKE ${like})`);
  }
  const condition = sql.join(where, sql` AND `);
  const [items, counted] = await Promise.all([
    presentCommitments(ctx.db, actor, condition, {
      orderBy: orderBy[q.sort ?? 'dueDate'],
      limit: q.limit,
      offset: q.offset,
    }),
    ctx.db.execute<{ n: number | string }>(sql`SELECT count(*) AS n FROM commitments cm WHERE ${condition}`),
  ]);
  // A commitment names its case: listing them is a read of those persons' data.
  const subjects = [...new Set(items.flatMap((c) => (c.client?.visible ? [c.client.id] : [])))];
  if (subjects.length > 0)
    await auditActorMany(
      ctx.db,
      actor,
      subjects.map((id) => ({
        action: 'client.read' as const,
        subjectClientId: id,
        details: { via: 'commitments' },
      })),
    );
  return { items, total: Number(counted.rows[0]?.n ?? 0), limit: q.limit, offset: q.offset };
}
