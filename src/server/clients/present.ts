import type { ClientDetail, ClientListItem, DuplicateCandidate, UserRef } from '../../contracts/clients';
import { todayInGermany } from '../../contracts/common';
import type { clients } from '../db/schema';
import { canReassignCase } from '../lib/access';
import type { Actor } from '../lib/actor';

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
    employmentStatusAtEntry: row.employmentStatusAtEntry as ClientDetail['employmentStatusAtEntry'],
    jobcentreCustomerNumber: row.jobcentreCustomerNumber,
    currentEmployer: row.currentEmployer,
    currentHoursPerWeek: row.currentHoursPerWeek,
    currentJobBelowQualification: row.currentJobBelowQualification,
    intakeDate: row.intakeDate,
    notes: row.notes,
    closedOn: row.closedAt ? todayInGermany(row.closedAt) : null,
    exitRecordedOn: row.exitRecordedOn,
    exitLabour: row.exitLabour as ClientDetail['exitLabour'],
    exitInEducation: row.exitInEducation,
    exitQualificationGained: row.exitQualificationGained,
    followUpRecordedOn: row.followUpRecordedOn,
    followUpEmployment: row.followUpEmployment as ClientDetail['followUpEmployment'],
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
  restrictedSince: Date | null;
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
    restricted: row.restrictedSince !== null,
  };
}

/**
 * A possible duplicate as the one who checks may see it: a case they can open in full, any other
 * only as "exists, ask its owner", without name, birth date, case code or id.
 */
export function presentDuplicate(
  row: {
    id: string;
    caseCode: string;
    givenNames: string;
    familyName: string;
    birthDate: string | null;
    owner: string;
    visible: boolean;
  },
  reason: DuplicateCandidate['reason'],
): DuplicateCandidate {
  if (!row.visible) {
    return {
      visible: false,
      id: null,
      caseCode: null,
      name: null,
      birthDate: null,
      owner: row.owner,
      reason,
    };
  }
  return {
    visible: true,
    id: row.id,
    caseCode: row.caseCode,
    name: `${row.givenNames} ${row.familyName}`,
    birthDate: row.birthDate,
    owner: row.owner,
    reason,
  };
}
