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

export interface OptimiserCase {
  id: string;
  minutes: number;
  institutionIds: readonly string[];
}

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

/** About 0.1 s for 30 cases and 15 institutions on the development machine. */
export const defaultBudget: OptimiserBudget = { evaluations: 250_000, milliseconds: 600 };

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

/** The cases as indices: each case's institutions, minutes, and how many cases each institution has. */
function indexed(cases: readonly OptimiserCase[]) {
  const ids = new Map<string, number>();
  const needs = cases.map((c) => [
    ...new Set(
      c.institutionIds.map((id) => {
        const known = ids.get(id);
        if (known !== undefined) return known;
        ids.set(id, ids.size);
        return ids.size - 1;
      }),
    ),
  ]);
  const total = new Int32Array(ids.size);
  for (const n of needs) for (const i of n) total[i] = (total[i] ?? 0) + 1;
  return { needs, minutes: cases.map((c) => c.minutes), total, institutions: ids.size };
}
type Instance = ReturnType<typeof indexed>;

/** Scores orders of one instance; lower is better. */
function scorer(inst: Instance) {
  const k = inst.institutions;
  const first = new Int32Array(k);
  const last = new Int32Array(k);
  const from = new Float64Array(k);
  const to = new Float64Array(k);
  // One institution more in a contiguous block outweighs any number of minutes.
  const penalty = inst.minutes.reduce((a, b) => a + b, 0) * Math.max(1, k) + 1;
  let evaluations = 0;
  const measure = (order: ArrayLike<number>) => {
    evaluations++;
    first.fill(-1);
    let at = 0;
    for (let p = 0; p < order.length; p++) {
      const c = order[p] as number;
      const m = inst.minutes[c] as number;
      for (const i of inst.needs[c] as number[]) {
        if (first[i] === -1) {
          first[i] = p;
          from[i] = at;
        }
        last[i] = p;
        to[i] = at + m;
      }
      at += m;
    }
    let sitting = 0;
    let contiguous = 0;
    for (let i = 0; i < k; i++) {
      if (first[i] === -1) continue;
      sitting += (to[i] as number) - (from[i] as number);
      if ((last[i] as number) - (first[i] as number) + 1 === inst.total[i]) contiguous++;
    }
    return { sitting, contiguous };
  };
  const score = (order: ArrayLike<number>) => {
    const m = measure(order);
    return (k - m.contiguous) * penalty + m.sitting;
  };
  return { measure, score, evaluations: () => evaluations };
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
    for (let c = 0; c < n; c++) {
      if (placed[c]) continue;
      const needs = inst.needs[c] as number[];
      let open = 0;
      let continued = 0;
      let opened = 0;
      for (let i = 0; i < inst.institutions; i++) if (begun[i] && (left[i] as number) > 0) open++;
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

type Search = { score: (o: ArrayLike<number>) => number; spent: () => boolean };

/** `order` with the run of `len` cases at `i` taken out and put back in at `j` of the rest, into `out`. */
function moveRun(order: readonly number[], out: number[], i: number, len: number, j: number) {
  let w = 0;
  for (let r = 0; r < order.length - len; r++) {
    if (r === j) for (let x = 0; x < len; x++) out[w++] = order[i + x] as number;
    out[w++] = order[r < i ? r : r + len] as number;
  }
  if (j === order.length - len) for (let x = 0; x < len; x++) out[w++] = order[i + x] as number;
}

/**
 * First-improvement local search until no move helps (or the budget is spent): move a run of one
 * to three cases elsewhere, swap two cases, reverse a stretch. Changes `order` in place.
 */
function descend(order: number[], current: number, s: Search): number {
  const n = order.length;
  const trial = new Array<number>(n);
  let score = current;
  const accept = () => {
    const t = s.score(trial);
    if (t >= score) return false;
    score = t;
    for (let x = 0; x < n; x++) order[x] = trial[x] as number;
    return true;
  };
  let improved = true;
  while (improved && !s.spent()) {
    improved = false;
    for (let len = 1; len <= 3; len++)
      for (let i = 0; i + len <= n; i++)
        for (let j = 0; j + len <= n; j++) {
          if (j === i) continue;
          moveRun(order, trial, i, len, j);
          if (accept()) improved = true;
        }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        for (let x = 0; x < n; x++) trial[x] = order[x] as number;
        trial[i] = order[j] as number;
        trial[j] = order[i] as number;
        if (accept()) improved = true;
      }
    for (let i = 0; i < n; i++)
      for (let j = i + 2; j < n; j++) {
        for (let x = 0; x < n; x++) trial[x] = order[x <= j && x >= i ? i + j - x : x] as number;
        if (accept()) improved = true;
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
  const { measure, score, evaluations } = scorer(inst);
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
    const search: Search = { score, spent };
    // Starting points: the current order and the greedy order from every case, best first.
    const starts = [input, ...input.map((c) => greedy(inst, c))]
      .map((order) => ({ order, score: score(order) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 4);
    for (const start of starts) {
      if (spent()) break;
      const order = [...start.order];
      consider(order, descend(order, start.score, search));
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
      const s = descend(order, score(order), search);
      idle = s < best.score ? 0 : idle + 1;
      consider(order, s);
      if (s <= current.score) current = { order, score: s };
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
