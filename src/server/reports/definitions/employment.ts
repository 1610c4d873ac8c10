/**
 * Employment at exit and six months after: the cases closed in the period by their closing
 * outcome (work matching the qualification, work below it, training …), and the six-month answers
 * (the same table as the ESF result indicators, so both reports say the same).
 */
import { sql } from 'drizzle-orm';
import { closingOutcomes } from '../../../contracts/clients';
import { breakdowns } from '../../../contracts/reports';
import { personsColumn, type ReportDefinition } from '../definition';
import { closedCases, leavers, sixMonthsTable } from './esf';

export const employmentV1: ReportDefinition = {
  id: 'employment',
  version: 1,
  breakdowns,
  trend: { table: 'at_exit', column: 'total' },
  base: closedCases,
  tables: [
    {
      id: 'at_exit',
      rowsBy: 'breakdown',
      partition: true,
      columns: [...closingOutcomes, 'not_recorded'].map(personsColumn),
      facts: (p) => leavers(p, sql`coalesce(c.closing_outcome, 'not_recorded')`),
    },
    sixMonthsTable,
  ],
};
