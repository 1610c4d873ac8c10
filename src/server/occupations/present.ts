import type { Occupation } from '../../contracts/profile';
import type { occupations } from '../db/schema';

/**
 * A reference occupation as every list and case file shows it. A row always gives one; only a
 * missing row (a left join's null) gives null, so callers with a row need no check.
 */
export function presentOccupation(o: typeof occupations.$inferSelect): Occupation;
export function presentOccupation(o: typeof occupations.$inferSelect | null): Occupation | null;
export function presentOccupation(o: typeof occupations.$inferSelect | null): Occupation | null {
  if (!o) return null;
  return {
    id: o.id,
    scheme: o.scheme as Occupation['scheme'],
    code: o.code,
    title: o.title,
    level: o.level,
    iscoGroup: o.iscoGroup,
    regulated: o.regulated,
  };
}
