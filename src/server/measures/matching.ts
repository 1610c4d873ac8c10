import { and, asc, desc, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Candidate, PlacementStatus, Suggestions } from '../../contracts/measures';
import { languageLevels } from '../../contracts/reference';
import { loadCase } from '../clients/service';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  measures,
  opportunities,
  qualifications,
  recognitionProcedures,
} from '../db/schema';
import { assertCan, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { clientHasConsentSql } from '../lib/consent';
import { notFound } from '../lib/errors';
import { required } from '../lib/required';
import { normalise } from '../lib/search-text';
import { presentOpportunity, selectOpportunities } from '../network/service';
import { presentMeasures } from './present';

const levels: readonly string[] = languageLevels;
/** A language level as the number the case summary keeps (A1 = 1 … native = 7; none = 0). */
const rank = (l: string | null | undefined) => (l ? levels.indexOf(l) + 1 : 0);
type Reason = { code: string; detail: string | null };

/** Funding a client can draw on, by the benefits they receive (DOMAIN.md, funding). */
const fundingByBenefits: Record<string, string[]> = {
  sgb2: [
    'training_voucher',
    'activation_voucher',
    'placement_budget',
    'recognition_grant',
    'recognition_grant_qualification',
    'iq_programme',
    'land_programme',
  ],
  sgb3: [
    'training_voucher',
    'activation_voucher',
    'placement_budget',
    'recognition_grant',
    'recognition_grant_qualification',
    'iq_programme',
    'land_programme',
  ],
  asylblg: ['recognition_grant', 'iq_programme', 'land_programme'],
  none: [
    'recognition_grant',
    'recognition_grant_qualification',
    'iq_programme',
    'land_programme',
    'aufstiegs_bafoeg',
    'employer',
    'self_paid',
  ],
};

/** What the case brings to matching: occupations, sector, German, district, benefits, what recognition asked for. */
async function profileOf(ctx: AppContext, actor: Actor, clientId: string) {
  const { row } = await loadCase(ctx.db, actor, clientId);
  const [quals, procs, acquired, placed] = await Promise.all([
    ctx.db
      .select({ occ: qualifications.referenceOccupationId })
      .from(qualifications)
      .where(eq(qualifications.clientId, clientId)),
    ctx.db
      .select({
        occ: recognitionProcedures.referenceOccupationId,
        comp: recognitionProcedures.compensationMeasure,
        diff: recognitionProcedures.substantialDifferences,
      })
      .from(recognitionProcedures)
      .where(eq(recognitionProcedures.clientId, clientId)),
    ctx.db
      .select({ id: clientMeasures.measureId })
      .from(clientMeasures)
      .where(eq(clientMeasures.clientId, clientId)),
    ctx.db
      .select({ id: clientOpportunities.opportunityId })
      .from(clientOpportunities)
      .where(eq(clientOpportunities.clientId, clientId)),
  ]);
  const differences = procs.map((p) => p.diff ?? '').join(' ');
  return {
    client: row,
    occupations: [
      ...new Set(
        [...quals.map((q) => q.occ), ...procs.map((p) => p.occ)].filter((x): x is string => Boolean(x)),
      ),
    ],
    compensations: [...new Set(procs.map((p) => p.comp).filter((x): x is string => Boolean(x)))],
    // Words of the substantial differences named in decisions, to find measures that close them.
    differenceWords: [
      ...new Set(
        normalise(differences)
          .split(' ')
          .filter((w) => w.length >= 5),
      ),
    ],
    acquired: acquired.map((a) => a.id),
    placed: placed.map((p) => p.id),
  };
}

const LIMIT = 15;

/**
 * A measure's or offer's German prerequisite against the case's level (null: not recorded): met,
 * not met (ranked lower), or unknown — said once, neither counted for nor against it. Answers
 * the change to the score.
 */
function languagePrerequisite(
  german: number | null,
  required: string | null,
  reasons: Reason[],
  warnings: Reason[],
): number {
  if (!required) return 0;
  if (german === null) {
    warnings.push({ code: 'language_unknown', detail: required });
    return 0;
  }
  if (german < rank(required)) {
    warnings.push({ code: 'language_below', detail: required });
    return -25;
  }
  reasons.push({ code: 'language_ok', detail: required });
  return 0;
}

/** Ranked measures and offers for one case, each with the reasons it was suggested (and its doubts). */
export async function suggestionsFor(ctx: AppContext, actor: Actor, clientId: string): Promise<Suggestions> {
  const ranked = await rankSuggestions(ctx, actor, clientId);
  await audit(ctx.db, actor, {
    action: 'client.read',
    entityType: 'client',
    entityId: clientId,
    subjectClientId: clientId,
    details: { part: 'suggestions' },
  });
  return ranked;
}

/**
 * The suggestions of a case (its access checked), for a caller that records the read itself: a
 * pathway offered to the case proposes those that fit its steps.
 */
export async function rankSuggestions(ctx: AppContext, actor: Actor, clientId: string): Promise<Suggestions> {
  const p = await profileOf(ctx, actor, clientId);
  const c = p.client;
  // Unknown is not "none": a case without German recorded is neither below nor above a level.
  const germanKnown = c.germanLevel !== null;
  const german = c.germanLevel ?? 0;
  // Benefits not stated (or "no answer") count as none: the funding open to everyone.
  const funding = new Set(fundingByBenefits[c.benefits ?? 'none'] ?? fundingByBenefits.none);

  const measureMatch: (SQL | undefined)[] = [
    p.occupations.length
      ? sql`${measures.occupationIds} && ${sql`ARRAY[${sql.join(
          p.occupations.map((o) => sql`${o}::uuid`),
          sql`, `,
        )}]`}`
      : undefined,
    c.sectorId ? sql`${c.sectorId}::uuid = ANY(${measures.sectorIds})` : undefined,
    p.compensations.length
      ? sql`${measures.compensates} && ${sql`ARRAY[${sql.join(
          p.compensations.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`}`
      : undefined,
    // Language courses for everyone (those of a field come in through its occupations or sector).
    germanKnown
      ? sql`${measures.type} = 'language_course' AND ${measures.occupationIds} = '{}' AND ${measures.sectorIds} = '{}'`
      : undefined,
  ];
  const measureRows = await ctx.db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, actor.organisationId),
        eq(measures.active, true),
        p.acquired.length ? notInArray(measures.id, p.acquired) : undefined,
        or(...measureMatch),
      ),
    );
  const scoredMeasures = measureRows
    .map((m) => {
      const reasons: Reason[] = [];
      const warnings: Reason[] = [];
      let score = 0;
      if (m.occupationIds.some((o) => p.occupations.includes(o))) {
        score += 40;
        reasons.push({ code: 'occupation', detail: null });
      }
      if (c.sectorId && m.sectorIds.includes(c.sectorId)) {
        score += 20;
        reasons.push({ code: 'sector', detail: null });
      }
      const comp = m.compensates.filter((x) => p.compensations.includes(x));
      if (comp.length) {
        score += 35;
        reasons.push({ code: 'compensation', detail: comp.join(',') });
      }
      const text = normalise(`${m.title} ${m.description ?? ''}`);
      const words = p.differenceWords.filter((w) => text.includes(w));
      if (words.length) {
        score += 10 + 2 * words.length;
        reasons.push({ code: 'differences', detail: words.slice(0, 4).join(', ') });
      }
      // A measure of a field (nursing, engineering, its language) is for that field only: a
      // compensation measure or a district in common does not make it fit another occupation.
      const forField = m.occupationIds.length > 0 || m.sectorIds.length > 0;
      if (forField && !reasons.some((r) => r.code === 'occupation' || r.code === 'sector')) return null;
      // Which course fits depends on the level: without it every level would be proposed at once.
      if (m.type === 'language_course' && !germanKnown) return null;
      if (m.type === 'language_course') {
        const entry = rank(m.entryLevel);
        const target = rank(m.targetLevel);
        if (target && german >= target) return null; // already there
        if (!entry || german >= entry) {
          score += 25;
          reasons.push({
            code: 'language_step',
            detail: `${levels[german - 1] ?? '–'} → ${m.targetLevel ?? '?'}`,
          });
        } else warnings.push({ code: 'language_below', detail: m.entryLevel });
      } else {
        score += languagePrerequisite(c.germanLevel, m.minLanguageLevel, reasons, warnings);
      }
      if (m.online) {
        score += 5;
        reasons.push({ code: 'online', detail: null });
      } else if (c.district && m.district === c.district) {
        score += 10;
        reasons.push({ code: 'district', detail: null });
      }
      const fits = m.funders.filter((f) => funding.has(f));
      if (fits.length) {
        score += 10;
        reasons.push({ code: 'funding', detail: fits.join(',') });
      } else if (m.funders.length) warnings.push({ code: 'funding_unclear', detail: null });
      return score > 0 ? { m, score, reasons, warnings } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, LIMIT);
  const presented = await presentMeasures(
    ctx.db,
    actor.organisationId,
    scoredMeasures.map((s) => s.m),
  );

  const oppMatch: (SQL | undefined)[] = [
    p.occupations.length ? inArray(opportunities.occupationId, p.occupations) : undefined,
    c.sectorId ? eq(opportunities.sectorId, c.sectorId) : undefined,
  ];
  // Offers are many (thousands per sector): the database ranks them and only the best are loaded.
  const oppScore = sql<number>`(CASE WHEN ${p.occupations.length ? inArray(opportunities.occupationId, p.occupations) : sql`FALSE`} THEN 40 ELSE 0 END)
    + (CASE WHEN ${c.sectorId ? eq(opportunities.sectorId, c.sectorId) : sql`FALSE`} THEN 20 ELSE 0 END)
    + (CASE WHEN ${germanKnown ? sql`TRUE` : sql`FALSE`} AND ${opportunities.minLanguageLevel} IS NOT NULL AND array_position(${sql.raw(`ARRAY['${levels.join("','")}']`)}, ${opportunities.minLanguageLevel}) > ${german} THEN -25 ELSE 0 END)
    + (CASE WHEN ${c.district ? eq(opportunities.district, c.district) : sql`FALSE`} THEN 10 ELSE 0 END)
    + (CASE WHEN ${opportunities.kind} = 'internship' AND ${c.stage} IN ('in_measures', 'planning') THEN 5 ELSE 0 END)`;
  const best = oppMatch.some(Boolean)
    ? await ctx.db
        .select({ id: opportunities.id })
        .from(opportunities)
        .where(
          and(
            eq(opportunities.organisationId, actor.organisationId),
            eq(opportunities.status, 'open'),
            p.placed.length ? notInArray(opportunities.id, p.placed) : undefined,
            or(...oppMatch),
          ),
        )
        .orderBy(desc(oppScore), asc(opportunities.startDate))
        .limit(LIMIT)
    : [];
  const oppRows = best.length
    ? await selectOpportunities(ctx.db).where(
        inArray(
          opportunities.id,
          best.map((b) => b.id),
        ),
      )
    : [];
  const scoredOpps = oppRows
    .map((r) => {
      const o = r.o;
      const reasons: Reason[] = [];
      const warnings: Reason[] = [];
      let score = 0;
      if (o.occupationId && p.occupations.includes(o.occupationId)) {
        score += 40;
        reasons.push({ code: 'occupation', detail: null });
      }
      if (c.sectorId && o.sectorId === c.sectorId) {
        score += 20;
        reasons.push({ code: 'sector', detail: null });
      }
      score += languagePrerequisite(c.germanLevel, o.minLanguageLevel, reasons, warnings);
      if (c.district && o.district === c.district) {
        score += 10;
        reasons.push({ code: 'district', detail: null });
      }
      if (o.kind === 'internship' && (c.stage === 'in_measures' || c.stage === 'planning')) {
        score += 5;
        reasons.push({ code: 'stage_fits', detail: c.stage });
      }
      return { r, score, reasons, warnings };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, LIMIT);
  return {
    germanLevelKnown: germanKnown,
    measures: scoredMeasures.map((s, i) => {
      // presentMeasures answers one measure per row, in the rows' order.
      const measure = required(presented[i], 'the presented measure');
      // A full course is still shown (places free up), but says so.
      if (measure.capacity !== null && measure.participants >= measure.capacity)
        s.warnings.push({ code: 'full', detail: `${measure.participants}/${measure.capacity}` });
      return { measure, score: s.score, reasons: s.reasons, warnings: s.warnings };
    }),
    opportunities: scoredOpps.map((s) => ({
      opportunity: presentOpportunity(s.r),
      score: s.score,
      reasons: s.reasons,
      warnings: s.warnings,
    })),
  };
}

/**
 * The cases an offer suits, for counsellors (their cases) and leads (all): only cases whose
 * current consent lets the profile go to this employer, ranked by occupation, sector, German
 * and district.
 */
export async function candidatesFor(
  ctx: AppContext,
  actor: Actor,
  opportunityId: string,
  today: string,
): Promise<Candidate[]> {
  assertCan(actor, 'cases.work');
  const [row] = await selectOpportunities(ctx.db).where(eq(opportunities.id, opportunityId));
  if (!row || row.o.organisationId !== actor.organisationId) throw notFound('opportunity');
  const o = row.o;
  const min = rank(o.minLanguageLevel);
  const consented = clientHasConsentSql(sql`c.id`, {
    purpose: 'employer_profile',
    recipient: { id: o.employerId, name: row.employerName },
    on: today,
  });
  const byOccupation = o.occupationId
    ? sql`c.id IN (SELECT q.client_id FROM qualifications q WHERE q.organisation_id = ${actor.organisationId} AND q.reference_occupation_id = ${o.occupationId})`
    : sql`FALSE`;
  const bySector = o.sectorId ? sql`c.sector_id = ${o.sectorId}` : sql`FALSE`;
  const rows = await queryRows<{
    id: string;
    case_code: string;
    name: string;
    stage: string;
    owner: string;
    occ: boolean;
    sector: boolean;
    german: number | null;
    district: string | null;
    placement: string | null;
    score: number;
  }>(
    ctx.db,
    sql`SELECT c.id, c.case_code, c.given_names || ' ' || c.family_name AS name, c.stage, u.name AS owner,
          (${byOccupation}) AS occ, (${bySector}) AS sector, c.german_level AS german, c.district,
          (SELECT co.status FROM client_opportunities co WHERE co.client_id = c.id AND co.opportunity_id = ${o.id}) AS placement,
          (CASE WHEN ${byOccupation} THEN 40 ELSE 0 END) + (CASE WHEN ${bySector} THEN 20 ELSE 0 END)
          + (CASE WHEN ${min} > 0 AND c.german_level < ${min} THEN -25 ELSE 0 END)
          + (CASE WHEN c.district IS NOT NULL AND c.district = ${o.district} THEN 10 ELSE 0 END) AS score
        FROM clients c JOIN users u ON u.id = c.owner_id
        WHERE ${visibleCasesSql(actor, 'c')} AND c.stage NOT IN ('closed', 'placed')
          AND (${byOccupation} OR ${bySector}) AND ${consented}
        ORDER BY score DESC, c.family_name, c.given_names
        LIMIT 30`,
  );
  // Who suits an offer and has agreed to employer contacts is personal data: the read is logged.
  await audit(ctx.db, actor, {
    action: 'client.matched',
    entityType: 'opportunity',
    entityId: o.id,
    details: { cases: rows.map((r) => r.case_code) },
  });
  return rows.map((r) => {
    const reasons: Reason[] = [];
    const warnings: Reason[] = [];
    if (r.occ) reasons.push({ code: 'occupation', detail: null });
    if (r.sector) reasons.push({ code: 'sector', detail: null });
    languagePrerequisite(r.german, o.minLanguageLevel, reasons, warnings);
    if (r.district && r.district === o.district) reasons.push({ code: 'district', detail: null });
    reasons.push({ code: 'consent', detail: null });
    return {
      client: { id: r.id, caseCode: r.case_code, name: r.name, stage: r.stage, owner: r.owner },
      placement: (r.placement as PlacementStatus | null) ?? null,
      score: Number(r.score),
      reasons,
      warnings,
    };
  });
}
