/**
 * Scoring orders for the agenda optimiser (optimiser.ts): lower is better, and one institution
 * more in a contiguous block outweighs any number of minutes. The search scores a few hundred
 * thousand orders, so institutions are bits (32 to a word) and a move is scored by the one
 * stretch of the order it changes:
 *
 * - an institution sits through position p when it has a case at or before p and one at or after
 *   p, so the sitting minutes are Σ minutes(p) × |before(p) ∩ after(p)| — exactly `sittingMinutes`
 *   of agenda.ts, which sums last end − first start;
 * - it is not in one block when it sits through a case it does not need;
 * - rearranging the cases of a stretch leaves, at every position outside it, the same cases
 *   before and after, so only the stretch is scored again, against figures of the order kept
 *   for its start and end (`rebase`).
 */

export interface OptimiserCase {
  id: string;
  minutes: number;
  institutionIds: readonly string[];
}

/** The cases as indices: each case's institutions, minutes, and how many cases each institution has. */
export function indexed(cases: readonly OptimiserCase[]) {
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
export type Instance = ReturnType<typeof indexed>;

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

export type Scorer = ReturnType<typeof scorer>;

export function scorer(inst: Instance) {
  const k = inst.institutions;
  const n = inst.needs.length;
  const W = Math.max(1, Math.ceil(k / 32));
  const masks = new Int32Array(n * W);
  for (const [c, needs] of inst.needs.entries())
    for (const i of needs) masks[c * W + (i >> 5)] = (masks[c * W + (i >> 5)] as number) | (1 << (i & 31));
  const minutes = Float64Array.from(inst.minutes);
  const penalty = inst.minutes.reduce((a, b) => a + b, 0) * Math.max(1, k) + 1;
  // Of the order last rebased, per position p (W words each): institutions with a case before p
  // (pre) and at or after p (suf); those not in one block by positions before p (gapPre), at p
  // (gapAt) and at or after p (gapSuf); sitting minutes of the positions before p (sitPre).
  const pre = new Int32Array((n + 1) * W);
  const suf = new Int32Array((n + 1) * W);
  const gapPre = new Int32Array((n + 1) * W);
  const gapAt = new Int32Array((n + 1) * W);
  const gapSuf = new Int32Array((n + 1) * W);
  const sitPre = new Float64Array(n + 1);
  const inner = new Int32Array((n + 1) * W);
  let evaluations = 0;
  let sitting = 0;
  let broken = 0;

  /** Makes `order` the order kept; answers its score. */
  const rebase = (order: ArrayLike<number>) => {
    evaluations++;
    const len = order.length;
    suf.fill(0, len * W, (len + 1) * W);
    for (let p = len - 1; p >= 0; p--) {
      const c = (order[p] as number) * W;
      for (let w = 0; w < W; w++)
        suf[p * W + w] = (suf[(p + 1) * W + w] as number) | (masks[c + w] as number);
    }
    for (let p = 0; p < len; p++) {
      const c = order[p] as number;
      let present = 0;
      for (let w = 0; w < W; w++) {
        const m = masks[c * W + w] as number;
        const b = (pre[p * W + w] as number) | m;
        pre[(p + 1) * W + w] = b;
        const open = b & (suf[p * W + w] as number);
        present += popcount(open);
        gapAt[p * W + w] = open & ~m;
        gapPre[(p + 1) * W + w] = (gapPre[p * W + w] as number) | (open & ~m);
      }
      sitPre[p + 1] = (sitPre[p] as number) + (minutes[c] as number) * present;
    }
    gapSuf.fill(0, len * W, (len + 1) * W);
    for (let p = len - 1; p >= 0; p--)
      for (let w = 0; w < W; w++)
        gapSuf[p * W + w] = (gapSuf[(p + 1) * W + w] as number) | (gapAt[p * W + w] as number);
    sitting = sitPre[len] as number;
    broken = 0;
    for (let w = 0; w < W; w++) broken += popcount(gapPre[len * W + w] as number);
    return broken * penalty + sitting;
  };

  /** The score of the order kept with positions from … from + len − 1 holding `seq` (the same cases rearranged). */
  const window = (from: number, seq: ArrayLike<number>, len: number) => {
    evaluations++;
    const to = from + len;
    for (let w = 0; w < W; w++) inner[len * W + w] = suf[to * W + w] as number;
    for (let x = len - 1; x >= 0; x--) {
      const c = (seq[x] as number) * W;
      for (let w = 0; w < W; w++)
        inner[x * W + w] = (inner[(x + 1) * W + w] as number) | (masks[c + w] as number);
    }
    let sit = (sitPre[from] as number) + (sitPre[n] as number) - (sitPre[to] as number);
    let gaps = 0;
    for (let w = 0; w < W; w++) {
      let b = pre[from * W + w] as number;
      let g = (gapPre[from * W + w] as number) | (gapSuf[to * W + w] as number);
      for (let x = 0; x < len; x++) {
        const c = seq[x] as number;
        const m = masks[c * W + w] as number;
        b |= m;
        const open = b & (inner[x * W + w] as number);
        sit += (minutes[c] as number) * popcount(open);
        g |= open & ~m;
      }
      gaps += popcount(g);
    }
    return gaps * penalty + sit;
  };

  return {
    rebase,
    window,
    score: rebase,
    /** The sitting minutes and institutions in one block of an order (it becomes the order kept). */
    measure: (order: ArrayLike<number>) => {
      rebase(order);
      return { sitting, contiguous: k - broken };
    },
    evaluations: () => evaluations,
  };
}
