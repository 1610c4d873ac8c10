/**
 * What funders ask after a case ends (ESF Plus): the results within four weeks of leaving and the
 * employment six months later. Closing a case plans the two questions as steps of its owner;
 * the case file's card records the answers.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type ExitResults,
  type ExitResultsBody,
  type ExitResultsProblem,
  exitResultsProblem,
} from '../../contracts/clients';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { nextSteps, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, addMonths, todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { assertVersion } from '../lib/versioned';
import { type ClientRow, loadCase, presentCase, refreshCaseSummaries, writeCase } from './service';

/**
 * The steps closing plans, in both languages: the owner reads theirs, and a reopened case closed
 * again finds an open one by either text, so it is not planned twice.
 */
const exitSteps = {
  results: {
    de: 'Ergebnisse bis 4 Wochen nach Austritt erfragen (ESF)',
    en: 'Ask the results within 4 weeks of leaving (ESF)',
    due: (closedOn: string) => addDays(closedOn, 28),
  },
  followUp: {
    de: 'Verbleib 6 Monate nach Austritt erfragen (ESF)',
    en: 'Ask about employment 6 months after leaving (ESF)',
    due: (closedOn: string) => addMonths(closedOn, 6),
  },
} as const;

/**
 * Plans the follow-up questions of a case closed today, for its owner: the results at exit (unless
 * asked already since this closing) and the employment six months on. A step still open from an
 * earlier closing stays the one step. Answers how many steps were planned.
 */
export async function planExitSteps(tx: Db, actor: Actor, row: ClientRow): Promise<number> {
  const closedOn = todayInGermany();
  const [owner] = await tx.select({ language: users.language }).from(users).where(eq(users.id, row.ownerId));
  const wanted = [
    ...(row.exitRecordedOn && row.exitRecordedOn >= closedOn ? [] : [exitSteps.results]),
    ...(row.followUpRecordedOn && row.followUpRecordedOn >= closedOn ? [] : [exitSteps.followUp]),
  ];
  if (wanted.length === 0) return 0;
  const open = new Set(
    (
      await tx
        .select({ text: nextSteps.text })
        .from(nextSteps)
        .where(
          and(
            eq(nextSteps.clientId, row.id),
            isNull(nextSteps.doneAt),
            inArray(
              nextSteps.text,
              wanted.flatMap((s) => [s.de, s.en]),
            ),
          ),
        )
    ).map((s) => s.text),
  );
  const missing = wanted.filter((s) => !open.has(s.de) && !open.has(s.en));
  if (missing.length === 0) return 0;
  await tx.insert(nextSteps).values(
    missing.map((s) => ({
      organisationId: actor.organisationId,
      clientId: row.id,
      text: owner?.language === 'en' ? s.en : s.de,
      ownerUserId: row.ownerId,
      dueDate: s.due(closedOn),
      // Planned with the closing, not before it: the dashboard keeps only such steps of a closed case.
      createdAt: row.closedAt ?? new Date(),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })),
  );
  await refreshCaseSummaries(tx, [row.id]);
  return missing.length;
}

/** Once an answer is recorded, the open step that asks for it is done. */
async function completeExitSteps(tx: Db, clientId: string, r: ExitResults) {
  const answered = [
    ...(r.exitRecordedOn ? [exitSteps.results] : []),
    ...(r.followUpRecordedOn ? [exitSteps.followUp] : []),
  ];
  if (answered.length === 0) return;
  const done = await tx
    .update(nextSteps)
    .set({ doneAt: new Date(), updatedAt: new Date(), version: sql`${nextSteps.version} + 1` })
    .where(
      and(
        eq(nextSteps.clientId, clientId),
        isNull(nextSteps.doneAt),
        inArray(
          nextSteps.text,
          answered.flatMap((s) => [s.de, s.en]),
        ),
      ),
    )
    .returning({ id: nextSteps.id });
  if (done.length) await refreshCaseSummaries(tx, [clientId]);
}

const problemMessages: Record<ExitResultsProblem['code'], string> = {
  not_closed: 'only a closed case has results at exit',
  date_needed: 'the day the person was asked',
  answer_needed: 'the answer, or no answer',
  before_closing: 'not before the day the case was closed',
};

/** Records (or corrects, or clears) the results at exit and six months on; version required. */
export async function recordExitResults(ctx: AppContext, actor: Actor, id: string, body: ExitResultsBody) {
  const { version, ...results } = body as ExitResults & { version: number };
  const updated = await ctx.db.transaction(async (tx) => {
    const { row, counsellorIds } = await loadCase(tx, actor, id);
    await assertVersion(tx, row, version);
    const problem = exitResultsProblem(results, row.closedAt ? todayInGermany(row.closedAt) : null);
    if (problem) throw invalidField(problem.path, problemMessages[problem.code]);
    const saved = await writeCase(tx, actor, id, version, results);
    await completeExitSteps(tx, id, results);
    await audit(tx, actor, {
      action: 'client.updated',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      // Which answers changed, never the answers.
      details: {
        fields: Object.keys(results).filter(
          (k) => results[k as keyof ExitResults] !== row[k as keyof ExitResults],
        ),
      },
    });
    return { saved, counsellorIds };
  });
  return presentCase(ctx.db, actor, updated.saved, updated.counsellorIds);
}
