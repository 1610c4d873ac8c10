/**
 * The agenda optimiser: an order of the cases in which as many institutions as possible can send
 * their representative for ONE contiguous block of the agenda, and, among such orders, the
 * representatives together sit in the room as few minutes as possible (from the start of their
 * first case to the end of their last, summed: `sittingMinutes` in agenda.ts).
 *
 * Finding the best order is hard in general (it contains minimum linear arrangement and the
 * consecutive-ones problem), so for more than EXACT_UP_TO cases this is a heuristic:
 * greedy constructions from every case as a start (next, the case that keeps fewest
 * representatives waiting), then iterated local search — moving a run of one to three cases,
 * swapping two, reversing a stretch — shaken by a seeded random generator. A case's own minutes
 * count for its institutions in every order, so what the search removes is the idle time of
 * representatives waiting through other cases between their first and their last.
 *
 * Pure and deterministic: the same cases in the same order give the same proposal, because the
 * search stops after a fixed number of evaluated orders (the time limit is a safety net for a
 * machine many times slower than ours, where the answer may then vary from run to run). The
 * current order is the starting best and is replaced only by a strictly better one, so the
 * proposal is never worse than the agenda as it stands, and is the same order when that one
 * cannot be improved upon.
 */

import { type Instance, indexed, type OptimiserCase, type Scorer, scorer } from './optimiser-score';

export type { OptimiserCase };

export interface OrderProposal {
  order: string[];
  before: { sittingMinutes: number; contiguousInstitutions: number };
  after: { sittingMinutes: number; contiguousInstitutions: number };
  /** Institutions needed by at least one case. */
  institutions: number;
}

export interface OptimiserBudget {
  /** Orders evaluated at most; fixes the result. */
  evaluations: number;
  /** A safety limit only (see above). */
  milliseconds: number;
}

/**
 * 30 cases and 15 institutions: 0.1–0.2 s on the development machine when quiet, up to 0.5 s when
 * its two cores are busy (bench/RESULTS.md); the issue allows 1 s.
 */
export const defaultBudget: OptimiserBudget = { evaluations: 500_000, milliseconds: 800 };

/** Up to this many cases every order is tried (8! = 40,320), so the proposal is the optimum. */
const EXACT_UP_TO = 8;

/** A small seeded generator (mulberry32): the same shakes on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  return (below: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/**
 * From `start`, the case next that keeps the fewest representatives waiting (institutions that
 * have begun and not finished and are not needed by it) for the fewest minutes; ties go to the
 * case that continues most open institutions, then opens fewest new ones, then comes first.
 */
function greedy(inst: Instance, start: number): number[] {
  const n = inst.needs.length;
  const left = Int32Array.from(inst.total);
  const begun = new Uint8Array(inst.institutions);
  const placed = new Uint8Array(n);
  const order: number[] = [];
  const place = (c: number) => {
    placed[c] = 1;
    order.push(c);
    for (const i of inst.needs[c] as number[]) {
      begun[i] = 1;
      left[i] = (left[i] as number) - 1;
    }
  };
  place(start);
  while (order.length < n) {
    let best = -1;
    let bestKey: number[] = [];
    let open = 0;
    for (let i = 0; i < inst.institutions; i++) if (begun[i] && (left[i] as number) > 0) open++;
    for (let c = 0; c < n; c++) {
      if (placed[c]) continue;
      const needs = inst.needs[c] as number[];
      let continued = 0;
      let opened = 0;
      for (const i of needs) {
        if (begun[i] && (left[i] as number) > 0) continued++;
        if (!begun[i]) opened++;
      }
      const key = [(open - continued) * (inst.minutes[c] as number), -continued, opened];
      if (best === -1 || lexLess(key, bestKey)) {
        best = c;
        bestKey = key;
      }
    }
    place(best);
  }
  return order;
}

function lexLess(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

/** Every order (n ≤ EXACT_UP_TO), by Heap's algorithm; the first of the best wins. */
function exhaustive(
  n: number,
  score: (o: ArrayLike<number>) => number,
  best: { order: number[]; score: number },
) {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    if ((c[i] as number) < i) {
      const j = i % 2 === 0 ? 0 : (c[i] as number);
      [a[j], a[i]] = [a[i] as number, a[j] as number];
      const s = score(a);
      if (s < best.score) Object.assign(best, { order: [...a], score: s });
      c[i] = (c[i] as number) + 1;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/**
 * First-improvement local search until no move helps (or the budget is spent): move a run of one
 * to three cases elsewhere, swap two cases, reverse a stretch. Each move changes one stretch of
 * the order, which is all that is scored. Changes `order` in place.
 */
function descend(order: number[], s: Scorer, spent: () => boolean): number {
  const n = order.length;
  const seq = new Int32Array(n);
  let score = s.rebase(order);
  let improved = true;
  const accept = (from: number, len: number) => {
    if (s.window(from, seq, len) >= score) return;
    for (let x = 0; x < len; x++) order[from + x] = seq[x] as number;
    score = s.rebase(order);
    improved = true;
  };
  while (improved && !spent()) {
    improved = false;
    // A run of `len` at `i` put back in at `j` of the rest: the stretch between changes.
    for (let len = 1; len <= 3; len++)
      for (let i = 0; i + len <= n; i++)
        for (let j = 0; j + len <= n; j++) {
          if (j === i) continue;
          const from = Math.min(i, j);
          const span = Math.max(i, j) + len - from;
          let w = 0;
          if (j < i) {
            for (let x = 0; x < len; x++) seq[w++] = order[i + x] as number;
            for (let x = j; x < i; x++) seq[w++] = order[x] as number;
          } else {
            for (let x = i + len; x < j + len; x++) seq[w++] = order[x] as number;
            for (let x = 0; x < len; x++) seq[w++] = order[i + x] as number;
          }
          accept(from, span);
        }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        for (let x = i; x <= j; x++) seq[x - i] = order[x] as number;
        seq[0] = order[j] as number;
        seq[j - i] = order[i] as number;
        accept(i, j - i + 1);
      }
    for (let i = 0; i < n; i++)
      for (let j = i + 2; j < n; j++) {
        for (let x = i; x <= j; x++) seq[x - i] = order[i + j - x] as number;
        accept(i, j - i + 1);
      }
  }
  return score;
}

/** A proposal for the cases in their current order (see the top of the file). */
export function proposeOrder(
  cases: readonly OptimiserCase[],
  budget: OptimiserBudget = defaultBudget,
): OrderProposal {
  const inst = indexed(cases);
  const n = cases.length;
  const s = scorer(inst);
  const { measure, score, evaluations } = s;
  const started = performance.now();
  const spent = () =>
    evaluations() >= budget.evaluations || performance.now() - started >= budget.milliseconds;
  const input = Array.from({ length: n }, (_, i) => i);
  const best = { order: input, score: score(input) };
  const consider = (order: number[], s: number) => {
    if (s < best.score) Object.assign(best, { order: [...order], score: s });
  };

  if (n <= EXACT_UP_TO) exhaustive(n, score, best);
  else {
    // Starting points: the current order and the greedy order from every case, best first.
    const starts = [input, ...input.map((c) => greedy(inst, c))]
      .map((order) => ({ order, score: score(order) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 4);
    for (const start of starts) {
      if (spent()) break;
      const order = [...start.order];
      consider(order, descend(order, s, spent));
    }
    // Iterated local search: shake the current order by random run moves, descend; walk on when
    // the result is no worse (plateaus are wide: many orders have the same minutes), and go back
    // to the best after a while without progress.
    const rng = generator(n * 7919 + inst.institutions);
    let current = { order: [...best.order], score: best.score };
    let idle = 0;
    while (!spent()) {
      const order = [...current.order];
      for (let shake = 1 + rng(3); shake > 0; shake--) {
        const len = 1 + rng(Math.min(4, n - 1));
        const run = order.splice(rng(n - len + 1), len);
        order.splice(rng(order.length + 1), 0, ...run);
      }
      const found = descend(order, s, spent);
      idle = found < best.score ? 0 : idle + 1;
      consider(order, found);
      if (found <= current.score) current = { order, score: found };
      if (idle > 0 && idle % 40 === 0) current = { order: [...best.order], score: best.score };
    }
  }

  const before = measure(input);
  const after = measure(best.order);
  return {
    order: best.order.map((i) => (cases[i] as OptimiserCase).id),
    before: { sittingMinutes: before.sitting, contiguousInstitutions: before.contiguous },
    after: { sittingMinutes: after.sitting, contiguousInstitutions: after.contiguous },
    institutions: inst.institutions,
  };
}
