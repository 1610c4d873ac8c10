import { describe, expect, it } from 'vitest';
import { sittingMinutes } from './agenda';
import { defaultBudget, type OptimiserCase, proposeOrder } from './optimiser';
import { indexed, scorer } from './optimiser-score';

/** The default number of orders without the time limit: on a busy machine the result is the same. */
const budget = { ...defaultBudget, milliseconds: 60_000 };

/** A deterministic generator for the instances (not the optimiser's own). */
function rng(seed: number) {
  let s = seed;
  return (below: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * below);
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const byId = (cases: OptimiserCase[]) => new Map(cases.map((c) => [c.id, c]));
/** The sitting minutes of an order, computed the way the agenda does. */
const sittingOf = (cases: OptimiserCase[], order: string[]) => {
  const map = byId(cases);
  return sittingMinutes(order.map((id) => map.get(id) as OptimiserCase));
};
/** Every institution's own minutes: what it sits when its cases form one block. */
const ownMinutes = (cases: OptimiserCase[]) =>
  cases.reduce((sum, c) => sum + c.minutes * new Set(c.institutionIds).size, 0);

/** `institutions` institutions, each with its own cases (no case shared), dealt out in turns. */
function interleaved(institutions: number, each: number): OptimiserCase[] {
  const cases: OptimiserCase[] = [];
  for (let round = 0; round < each; round++)
    for (let i = 0; i < institutions; i++)
      cases.push({
        id: `c${i}-${round}`,
        minutes: 5 + ((i * 7 + round * 3) % 11),
        institutionIds: [`i${i}`],
      });
  return cases;
}

/**
 * Cases in a hidden order; every institution needs a stretch of it (consecutive ones), so the
 * hidden order lets every institution come for one block: the optimum is the own minutes.
 */
function stretches(n: number, institutions: number, seed: number): OptimiserCase[] {
  const r = rng(seed);
  const needs: string[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < institutions; i++) {
    const from = r(n);
    const to = Math.min(n - 1, from + r(5));
    for (let p = from; p <= to; p++) needs[p]?.push(`i${i}`);
  }
  const hidden = needs.map((institutionIds, p) => ({ id: `c${p}`, minutes: 5 + r(16), institutionIds }));
  return shuffled(hidden, seed + 1);
}

/** Cases needing one to four random institutions: no order lets everyone come once. */
function scattered(n: number, institutions: number, seed: number): OptimiserCase[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, p) => ({
    id: `c${p}`,
    minutes: 5 + r(16),
    institutionIds: Array.from({ length: 1 + r(4) }, () => `i${r(institutions)}`),
  }));
}

describe('the agenda optimiser', () => {
  it('groups institutions with their own cases dealt out in turns, reaching the known optimum', () => {
    const cases = interleaved(5, 6);
    const p = proposeOrder(cases, budget);
    expect(p.after.sittingMinutes).toBe(ownMinutes(cases));
    expect(p.after.contiguousInstitutions).toBe(5);
    expect(p.before.sittingMinutes).toBeGreaterThan(p.after.sittingMinutes);
    expect(sittingOf(cases, p.order)).toBe(p.after.sittingMinutes);
    expect([...p.order].sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it('finds an order in which 15 institutions each come once for 30 shuffled cases, where one exists', () => {
    for (const seed of [1, 2, 3]) {
      const cases = stretches(30, 15, seed);
      const p = proposeOrder(cases, budget);
      expect(p.after.contiguousInstitutions).toBe(p.institutions);
      expect(p.after.sittingMinutes).toBe(ownMinutes(cases));
    }
  });

  it('finds the optimum of small agendas by trying every order', () => {
    // Three institutions in a ring over three cases: one of them must wait through a case, and
    // the best order lets the one wait through the shortest case.
    const cases = [
      { id: 'long', minutes: 30, institutionIds: ['a', 'b'] },
      { id: 'short', minutes: 5, institutionIds: ['b', 'c'] },
      { id: 'mid', minutes: 15, institutionIds: ['c', 'a'] },
    ];
    const p = proposeOrder(cases);
    expect(p.after.sittingMinutes).toBe(ownMinutes(cases) + 5);
    expect(p.order[1]).toBe('short');
  });

  it('is never worse than the order it was given, and keeps that order when nothing is better', () => {
    for (const seed of [11, 12, 13, 14]) {
      const cases = scattered(30, 15, seed);
      const p = proposeOrder(cases, budget);
      // Worse would be fewer institutions in one block, or as many and more minutes.
      expect(p.after.contiguousInstitutions).toBeGreaterThanOrEqual(p.before.contiguousInstitutions);
      if (p.after.contiguousInstitutions === p.before.contiguousInstitutions)
        expect(p.after.sittingMinutes).toBeLessThanOrEqual(p.before.sittingMinutes);
      expect(p.before.sittingMinutes).toBe(
        sittingOf(
          cases,
          cases.map((c) => c.id),
        ),
      );
    }
    const grouped = interleaved(5, 6).sort((a, b) => a.id.localeCompare(b.id));
    expect(proposeOrder(grouped, budget).order).toEqual(grouped.map((c) => c.id));
  });

  it('gives the same proposal every time, and answers within a second', () => {
    const cases = scattered(30, 15, 42);
    // The number of orders tried fixes the result; the time limit is only a safety net.
    expect(proposeOrder(cases, budget)).toEqual(proposeOrder(cases, budget));
    const t0 = performance.now();
    proposeOrder(cases);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('scores a rearranged stretch of an order exactly as the whole new order, with more than 32 institutions too', () => {
    for (const [seed, institutions] of [
      [5, 15],
      [6, 45],
    ] as const) {
      const cases = scattered(30, institutions, seed);
      const s = scorer(indexed(cases));
      const r = rng(seed);
      const order = shuffled(
        cases.map((_, i) => i),
        seed,
      );
      for (let trial = 0; trial < 200; trial++) {
        s.rebase(order);
        const from = r(29);
        const len = 1 + r(30 - from);
        const seq = shuffled(order.slice(from, from + len), trial);
        const changed = [...order.slice(0, from), ...seq, ...order.slice(from + len)];
        expect(s.window(from, seq, len)).toBe(s.rebase(changed));
        expect(s.measure(changed).sitting).toBe(
          sittingOf(
            cases,
            changed.map((i) => cases[i]?.id as string),
          ),
        );
        order.splice(0, 30, ...changed);
      }
    }
  });

  it('handles an empty agenda, a single case and cases without institutions', () => {
    expect(proposeOrder([])).toEqual({
      order: [],
      before: { sittingMinutes: 0, contiguousInstitutions: 0 },
      after: { sittingMinutes: 0, contiguousInstitutions: 0 },
      institutions: 0,
    });
    const one = proposeOrder([{ id: 'x', minutes: 10, institutionIds: ['a', 'a'] }]);
    expect(one).toMatchObject({ order: ['x'], after: { sittingMinutes: 10, contiguousInstitutions: 1 } });
    const none = proposeOrder([
      { id: 'a1', minutes: 10, institutionIds: ['a'] },
      { id: 'free', minutes: 20, institutionIds: [] },
      { id: 'a2', minutes: 10, institutionIds: ['a'] },
    ]);
    expect(none.after.sittingMinutes).toBe(20);
  });
});
