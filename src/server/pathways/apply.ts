/**
 * A pathway offered to a case and applied to its plan: the offers are the pathways of the case's
 * reference occupations, each step with the catalogue measures that fit; applying makes one
 * objective and a step per pathway step, all carrying the pathway's id (the conference report
 * counts who followed it and how far they got from those), and proposes the measures ticked.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Suggestions } from '../../contracts/measures';
import type {
  applyPathwayBody,
  OfferedMeasure,
  Pathway,
  PathwayApplied,
  PathwayOffer,
} from '../../contracts/pathways';
import { loadCase, refreshCaseSummaries } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { nextSteps, objectives, pathways, qualifications, recognitionProcedures } from '../db/schema';
import type { PathwayStep } from '../db/schema/pathways';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, todayInGermany } from '../lib/calendar';
import { AppError, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { normalise } from '../lib/search-text';
import { assertVersion } from '../lib/versioned';
import { measureIdsOf, proposeMeasure, rankSuggestions } from '../measures/service';
import { occupationTitles, presentPathways } from './present';

/** The reference occupations of a case: those of its qualifications and recognition procedures. */
async function caseOccupations(db: Db, clientId: string): Promise<string[]> {
  const [quals, procs] = await Promise.all([
    db
      .select({ id: qualifications.referenceOccupationId })
      .from(qualifications)
      .where(eq(qualifications.clientId, clientId)),
    db
      .select({ id: recognitionProcedures.referenceOccupationId })
      .from(recognitionProcedures)
      .where(eq(recognitionProcedures.clientId, clientId)),
  ]);
  return [...new Set([...quals, ...procs].map((r) => r.id))].filter((id): id is string => Boolean(id));
}

/** Suggested measures per step, at most this many: the dialog stays short. */
const PER_STEP = 3;
/** The words a step is about: six letters or more, so that "einen" or "durch" match nothing. */
const wordsOf = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((w) => w.length >= 6);

/**
 * The case's own suggestions (best first) that fit a step: of a type the step's measures have, or
 * named with a word of the step. Each goes with the first step it fits, and none the pathway names.
 */
function suggestedPerStep(steps: Pathway['steps'], ranked: Suggestions['measures']) {
  const named = new Set(steps.flatMap((s) => s.measures.map((m) => m.id)));
  const words = steps.map((s) => wordsOf(s.text));
  const out = steps.map(() => [] as Pathway['steps'][number]['measures']);
  for (const { measure: m } of ranked) {
    if (named.has(m.id)) continue;
    const title = normalise(m.title);
    const i = steps.findIndex(
      (s, k) =>
        (out[k]?.length ?? 0) < PER_STEP &&
        (s.measures.some((own) => own.type === m.type) || (words[k] ?? []).some((w) => title.includes(w))),
    );
    out[i]?.push({
      id: m.id,
      title: m.title,
      type: m.type,
      provider: m.provider?.name ?? null,
      active: m.active,
    });
  }
  return out;
}

/** For each pathway, the case's latest objective made from it and its steps done of all. */
async function followingOf(db: Db, clientId: string, ids: string[]) {
  const [made, steps] = await Promise.all([
    db
      .select({
        id: objectives.id,
        pathwayId: objectives.pathwayId,
        status: objectives.status,
        at: objectives.createdAt,
      })
      .from(objectives)
      .where(and(eq(objectives.clientId, clientId), inArray(objectives.pathwayId, ids)))
      .orderBy(desc(objectives.createdAt)),
    db
      .select({ pathwayId: nextSteps.pathwayId, all: count(), done: count(nextSteps.doneAt) })
      .from(nextSteps)
      .where(and(eq(nextSteps.clientId, clientId), inArray(nextSteps.pathwayId, ids)))
      .groupBy(nextSteps.pathwayId),
  ]);
  return (pathwayId: string): PathwayOffer['following'] => {
    const latest = made.find((o) => o.pathwayId === pathwayId);
    if (!latest) return null;
    const counted = steps.find((s) => s.pathwayId === pathwayId);
    return {
      objectiveId: latest.id,
      since: latest.at.toISOString(),
      status: latest.status as 'open',
      stepsDone: Number(counted?.done ?? 0),
      steps: Number(counted?.all ?? 0),
    };
  };
}

/** The pathways offered to a case (its access checked), with the measures that fit each step. */
export async function offersFor(ctx: AppContext, actor: Actor, clientId: string): Promise<PathwayOffer[]> {
  await loadCase(ctx.db, actor, clientId);
  const occupationIds = await caseOccupations(ctx.db, clientId);
  const rows = occupationIds.length
    ? await ctx.db
        .select()
        .from(pathways)
        .where(
          and(
            eq(pathways.organisationId, actor.organisationId),
            isNull(pathways.archivedAt),
            sql`${pathways.occupationIds} && ARRAY[${sql.join(
              occupationIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}]::uuid[]`,
          ),
        )
        .orderBy(asc(pathways.title))
    : [];
  // Which pathways fit says what the case's occupations are: the read is recorded.
  await audit(ctx.db, actor, {
    action: 'client.read',
    entityType: 'client',
    entityId: clientId,
    subjectClientId: clientId,
    details: { part: 'pathways', pathways: rows.map((r) => r.id) },
  });
  if (rows.length === 0) return [];
  const [presented, ranked, onCase, following, titles] = await Promise.all([
    presentPathways(ctx.db, actor.organisationId, rows),
    rankSuggestions(ctx, actor, clientId),
    measureIdsOf(ctx.db, clientId),
    followingOf(
      ctx.db,
      clientId,
      rows.map((r) => r.id),
    ),
    occupationTitles(ctx.db, occupationIds),
  ]);
  const offered = (m: Pathway['steps'][number]['measures'][number], source: OfferedMeasure['source']) => ({
    ...m,
    source,
    onCase: onCase.has(m.id),
  });
  return presented.map((p) => {
    const suggested = suggestedPerStep(p.steps, ranked.measures);
    return {
      ...p,
      matchedOccupations: p.occupations
        .filter((o) => titles.has(o.id))
        .map((o) => ({ id: o.id, title: titles.get(o.id) ?? o.title })),
      steps: p.steps.map((s, i) => ({
        ...s,
        measures: [
          // A measure taken off the catalogue is not offered any more.
          ...s.measures.filter((m) => m.active).map((m) => offered(m, 'pathway')),
          ...(suggested[i] ?? []).map((m) => offered(m, 'suggested')),
        ],
      })),
      following: following(p.id),
    };
  });
}

/** Who does a step and who pays for it, as the step's owner note (which holds 120 characters). */
function ownerNoteOf(s: PathwayStep): string | null {
  const note = [s.responsible, s.funder ? `€ ${s.funder}` : null].filter(Boolean).join(' · ');
  return note ? note.slice(0, 120) : null;
}

const weeksAfter = (start: string, weeks: number | null) =>
  weeks === null ? null : addDays(start, weeks * 7);

/**
 * Applies a pathway to a case's plan in one transaction: the objective "<title>" due when the
 * last step is, a step per pathway step due `weeks` after the start, and the ticked measures
 * proposed. A case that follows the pathway already (an open objective from it) answers 409.
 */
export async function applyPathway(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  pathwayId: string,
  body: z.output<typeof applyPathwayBody>,
): Promise<PathwayApplied> {
  const start = body.startDate ?? todayInGermany();
  return ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    // Two clicks at once: the second waits here for the first and then finds its objective.
    await tx.execute(sql`SELECT id FROM clients WHERE id = ${clientId} FOR UPDATE`);
    const [p] = await tx.select().from(pathways).where(eq(pathways.id, pathwayId));
    if (!p || p.organisationId !== actor.organisationId) throw notFound('pathway');
    if (p.archivedAt) throw new AppError('conflict', 'The pathway is archived and no longer offered');
    await assertVersion(tx, p, body.version);
    const [open] = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(
        and(
          eq(objectives.clientId, clientId),
          eq(objectives.pathwayId, pathwayId),
          eq(objectives.status, 'open'),
        ),
      );
    if (open)
      throw new AppError('duplicate', 'The case already follows this pathway', {
        details: { objectiveId: open.id },
      });
    const weeks = p.steps.map((s) => s.weeks).filter((w): w is number => w !== null);
    const targetDate = weeks.length ? weeksAfter(start, Math.max(...weeks)) : null;
    const who = {
      organisationId: actor.organisationId,
      clientId,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    };
    const objective = firstRow(
      await tx
        .insert(objectives)
        .values({ ...who, text: p.title, targetDate, status: 'open', pathwayId })
        .returning({ id: objectives.id }),
      'the objective of the pathway',
    );
    const steps = p.steps.length
      ? await tx
          .insert(nextSteps)
          .values(
            p.steps.map((s) => ({
              ...who,
              text: s.text,
              objectiveId: objective.id,
              ownerNote: ownerNoteOf(s),
              dueDate: weeksAfter(start, s.weeks),
              pathwayId,
            })),
          )
          .returning({ id: nextSteps.id })
      : [];
    const onCase = await measureIdsOf(tx, clientId);
    const proposed: string[] = [];
    for (const [i, measureId] of body.measureIds.entries()) {
      if (onCase.has(measureId) || proposed.includes(measureId)) continue;
      await proposeMeasure(tx, actor, clientId, measureId, null, `measureIds.${i}`);
      proposed.push(measureId);
    }
    await tx.execute(sql`UPDATE clients SET updated_at = now() WHERE id = ${clientId}`);
    await refreshCaseSummaries(tx, [clientId]);
    await audit(tx, actor, {
      action: 'pathway.applied',
      entityType: 'pathway',
      entityId: pathwayId,
      subjectClientId: clientId,
      details: { objectiveId: objective.id, startDate: start, steps: steps.length, measures: proposed },
    });
    return {
      objectiveId: objective.id,
      targetDate,
      stepIds: steps.map((s) => s.id),
      proposedMeasureIds: proposed,
    };
  });
}
