import type { ClientDetail, ClientListItem, UserRef } from '../../contracts/clients';
import type { Procedure } from '../../contracts/recognition';
import type { clients, occupations, recognitionProcedures } from '../db/schema';
import { canReassignCase } from '../lib/access';
import type { Actor } from '../lib/actor';
import { isOverdue } from './deadlines';

type ClientRow = typeof clients.$inferSelect;

const dateOf = (d: string | null) => d;

/** The case as counsellors and leads see it; nobody else gets a case file. */
export function presentClient(
  row: ClientRow,
  actor: Actor,
  people: { owner: UserRef; counsellors: UserRef[]; updatedBy: string | null },
): ClientDetail {
  return {
    id: row.id,
    caseCode: row.caseCode,
    stage: row.stage as ClientDetail['stage'],
    closingOutcome: row.closingOutcome as ClientDetail['closingOutcome'],
    owner: people.owner,
    counsellors: people.counsellors,
    givenNames: row.givenNames,
    familyName: row.familyName,
    givenNamesOriginal: row.givenNamesOriginal,
    familyNameOriginal: row.familyNameOriginal,
    birthDate: dateOf(row.birthDate),
    gender: row.gender as ClientDetail['gender'],
    citizenships: row.citizenships,
    birthCountry: row.birthCountry,
    languages: row.languages,
    email: row.email,
    phone: row.phone,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    district: row.district,
    sectorId: row.sectorId,
    arrivalDate: dateOf(row.arrivalDate),
    referralSource: row.referralSource as ClientDetail['referralSource'],
    benefits: row.benefits as ClientDetail['benefits'],
    jobcentreCustomerNumber: row.jobcentreCustomerNumber,
    currentEmployer: row.currentEmployer,
    currentHoursPerWeek: row.currentHoursPerWeek,
    currentJobBelowQualification: row.currentJobBelowQualification,
    intakeDate: row.intakeDate,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: people.updatedBy,
    version: row.version,
    canEdit: true,
    canReassign: canReassignCase(actor, row),
  };
}

export function presentListItem(row: {
  id: string;
  caseCode: string;
  givenNames: string;
  familyName: string;
  givenNamesOriginal: string | null;
  familyNameOriginal: string | null;
  birthDate: string | null;
  stage: string;
  ownerId: string;
  ownerName: string;
  intakeDate: string;
  updatedAt: Date;
  occupation: string | null;
  overdueSteps: number;
}): ClientListItem {
  const original = [row.givenNamesOriginal, row.familyNameOriginal].filter(Boolean).join(' ');
  return {
    id: row.id,
    caseCode: row.caseCode,
    givenNames: row.givenNames,
    familyName: row.familyName,
    originalName: original || null,
    birthDate: row.birthDate,
    stage: row.stage as ClientListItem['stage'],
    owner: { id: row.ownerId, name: row.ownerName },
    intakeDate: row.intakeDate,
    updatedAt: new Date(row.updatedAt).toISOString(),
    referenceOccupation: row.occupation,
    overdueSteps: Number(row.overdueSteps),
  };
}

export function presentOccupation(o: typeof occupations.$inferSelect | null) {
  if (!o) return null;
  return {
    id: o.id,
    scheme: o.scheme as 'builtin' | 'kldb2010' | 'esco',
    code: o.code,
    title: o.title,
    level: o.level,
    iscoGroup: o.iscoGroup,
    regulated: o.regulated,
  };
}

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
