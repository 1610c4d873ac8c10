import type { Procedure } from '../../contracts/recognition';
import type { occupations, recognitionProcedures } from '../db/schema';
import { presentOccupation } from '../occupations/service';
import { isOverdue } from './deadlines';

/** A recognition procedure with its deadline, and whether the decision is overdue today. */
export function presentProcedure(
  p: typeof recognitionProcedures.$inferSelect,
  occupation: typeof occupations.$inferSelect | null,
  qualificationTitle: string | null,
  today: string,
): Procedure {
  return {
    id: p.id,
    type: p.type as Procedure['type'],
    qualificationId: p.qualificationId,
    qualificationTitle,
    referenceOccupation: presentOccupation(occupation),
    authorityName: p.authorityName,
    authorityInstitutionId: p.authorityInstitutionId,
    accelerated: p.accelerated,
    submittedOn: p.submittedOn,
    receiptConfirmedOn: p.receiptConfirmedOn,
    documentsCompleteOn: p.documentsCompleteOn,
    extensionMonths: p.extensionMonths,
    extensionReason: p.extensionReason,
    suspensions: p.suspensions,
    decidedOn: p.decidedOn,
    outcome: p.outcome as Procedure['outcome'],
    substantialDifferences: p.substantialDifferences,
    compensationMeasure: p.compensationMeasure as Procedure['compensationMeasure'],
    checklist: p.checklist as Procedure['checklist'],
    notes: p.notes,
    decisionDueOn: p.decisionDueOn,
    overdue: isOverdue(p.decisionDueOn, p.decidedOn, today),
    version: p.version,
  };
}
