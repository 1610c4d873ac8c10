/**
 * Deadlines of recognition procedures (BQFG §6 and the Land laws; DOMAIN.md): the decision is due
 * 3 months (accelerated procedure §81a AufenthG: 2) after the documents are complete, plus a
 * reasoned extension, plus the time the clock stood still; a deadline that ends on a weekend or a
 * public holiday in Saarland moves to the next working day (§193 BGB).
 */
import { addDays, addMonths, nextWorkingDay } from '../lib/calendar';

function daysBetweenInclusive(from: string, to: string): number {
  const ms = new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime();
  return ms < 0 ? 0 : Math.round(ms / 86_400_000) + 1;
}

export function decisionDueOn(p: {
  documentsCompleteOn: string | null;
  accelerated: boolean;
  extensionMonths: number;
  suspensions: { from: string; to: string }[];
}): string | null {
  if (!p.documentsCompleteOn) return null;
  const months = (p.accelerated ? 2 : 3) + p.extensionMonths;
  const paused = p.suspensions.reduce((sum, s) => sum + daysBetweenInclusive(s.from, s.to), 0);
  return nextWorkingDay(addDays(addMonths(p.documentsCompleteOn, months), paused));
}

export function isOverdue(dueOn: string | null, decidedOn: string | null, today: string): boolean {
  return Boolean(dueOn && !decidedOn && dueOn < today);
}
