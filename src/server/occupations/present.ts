import type { Occupation } from '../../contracts/profile';
import type { occupations } from '../db/schema';

/** A reference occupation as every list and case file shows it. */
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
