import { exitLabourStatuses, followUpEmployments } from '../../contracts/clients';
import type { InstitutionListItem } from '../../contracts/network';
import {
  type Contact,
  channels,
  contactKinds,
  type Objective,
  objectiveStatuses,
  type Step,
  sessionTypes,
} from '../../contracts/plan';
import {
  anabinStatuses,
  commonLegalBases,
  type Experience,
  employmentPermissions,
  type LanguageSkill,
  languageEvidence,
  lawTypes,
  type Occupation,
  type Qualification,
  qualificationKinds,
  type ResidenceEntry,
} from '../../contracts/profile';
import {
  compensationMeasures,
  type Procedure,
  procedureOutcomes,
  procedureTypes,
} from '../../contracts/recognition';
import { cefrLevels, languageLevels } from '../../contracts/reference';
import { type Carried, type FieldSpec, specField } from '../ui/fields';
import { occupationLabel } from '../ui/pickers';

/** The form fields of each part of the case file; labels are i18n keys under "case.fields". */
const f = specField('casefile:case.fields');

/** The picker of a reference occupation shows the entry's current one. */
const knownOccupation = (e: { referenceOccupation: Occupation | null }) =>
  e.referenceOccupation
    ? [{ value: e.referenceOccupation.id, label: occupationLabel(e.referenceOccupation) }]
    : [];

/** Picking a reference occupation carries whether it is regulated (the user may still change it). */
const carryRegulated = (_: unknown, picked?: unknown): Carried => {
  const o = picked as Occupation | undefined;
  return o && o.regulated !== null ? { values: { regulated: o.regulated } } : {};
};

/**
 * Picking an institution of the directory shows its name at once (the entry keeps it); clearing
 * the pick empties it.
 */
const carryName =
  (nameField: string) =>
  (value: unknown, picked?: unknown): Carried => {
    if (value === null) return { values: { [nameField]: '' } };
    const name = (picked as InstitutionListItem | undefined)?.name;
    return name ? { values: { [nameField]: name } } : {};
  };

const qualificationLabel = (q: Qualification) =>
  q.titleTranslation ? `${q.titleOriginal} (${q.titleTranslation})` : q.titleOriginal;

/** A procedure for a qualification takes what the qualification knows: its reference occupation. */
const carryQualification =
  (qualifications: Qualification[]) =>
  (value: unknown): Carried => {
    const o = qualifications.find((q) => q.id === value)?.referenceOccupation;
    return o
      ? {
          values: { referenceOccupationId: o.id },
          known: { referenceOccupationId: { value: o.id, label: occupationLabel(o) } },
        }
      : {};
  };

export const residenceSpecs: FieldSpec<ResidenceEntry>[] = [
  f('legalBasis', 'suggest', {
    values: commonLegalBases,
    required: true,
    help: 'casefile:case.help.legalBasis',
  }),
  f('validFrom', 'date', { dates: 'history' }),
  f('validUntil', 'date', { dates: 'deadline' }),
  f('employmentPermission', 'select', { enumGroup: 'employmentPermission', values: employmentPermissions }),
  f('weeklyHoursLimit', 'number', { min: 0, max: 60 }),
  f('residenceObligation', 'text'),
  f('notes', 'textarea', { wide: true }),
];

export const qualificationSpecs: FieldSpec<Qualification>[] = [
  f('titleOriginal', 'text', { required: true }),
  f('titleTranslation', 'text'),
  f('kind', 'select', { enumGroup: 'qualificationKind', values: qualificationKinds, required: true }),
  f('country', 'country', { required: true }),
  f('institution', 'text'),
  f('anabinStatus', 'select', { enumGroup: 'anabin', values: anabinStatuses }),
  f('year', 'number', { min: 1930, max: 2100 }),
  f('iscedLevel', 'number', { min: 0, max: 8 }),
  f('field', 'text'),
  f('referenceOccupationId', 'occupation', { wide: true, known: knownOccupation, carry: carryRegulated }),
  f('regulated', 'switch'),
  f('law', 'select', { enumGroup: 'law', values: lawTypes }),
];

export const experienceSpecs: FieldSpec<Experience>[] = [
  f('role', 'text', { required: true }),
  f('employer', 'text'),
  f('country', 'country'),
  f('fromDate', 'date', { dates: 'history' }),
  f('toDate', 'date', { dates: 'history' }),
  f('description', 'textarea', { wide: true }),
];

export const languageSpecs: FieldSpec<LanguageSkill>[] = [
  f('language', 'language', { required: true }),
  f('level', 'select', { enumGroup: 'level', values: languageLevels, required: true }),
  f('listening', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('reading', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('writing', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('speaking', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('evidence', 'select', { enumGroup: 'evidence', values: languageEvidence }),
  f('assessedOn', 'date', { dates: 'history' }),
];

/** The fields of a procedure; the qualification it is for comes first, as it fills in others. */
export const procedureSpecs = (qualifications: Qualification[]): FieldSpec<Procedure>[] => [
  f('qualificationId', 'select', {
    wide: true,
    options: qualifications.map((q) => ({ value: q.id, label: qualificationLabel(q) })),
    carry: carryQualification(qualifications),
  }),
  f('type', 'select', { enumGroup: 'procedureType', values: procedureTypes, required: true }),
  f('referenceOccupationId', 'occupation', { known: knownOccupation }),
  f('authorityInstitutionId', 'institution', {
    wide: true,
    values: ['recognition_authority', 'chamber_ihk', 'chamber_hwk', 'chamber_professional'],
    known: (e) =>
      e.authorityInstitutionId ? [{ value: e.authorityInstitutionId, label: e.authorityName ?? '' }] : [],
    help: 'casefile:case.help.authorityDirectory',
    carry: carryName('authorityName'),
  }),
  f('authorityName', 'text', { wide: true, help: 'casefile:case.help.authority' }),
  f('submittedOn', 'date', { dates: 'event' }),
  f('receiptConfirmedOn', 'date', { dates: 'event' }),
  f('documentsCompleteOn', 'date', { dates: 'event', help: 'casefile:case.help.documentsComplete' }),
  f('accelerated', 'switch', { help: 'casefile:case.help.accelerated' }),
  f('extensionMonths', 'number', { min: 0, max: 4 }),
  f('extensionReason', 'text'),
  f('decidedOn', 'date', { dates: 'event' }),
  f('outcome', 'select', { enumGroup: 'outcome', values: procedureOutcomes, required: true }),
  f('compensationMeasure', 'select', { enumGroup: 'compensation', values: compensationMeasures }),
  f('substantialDifferences', 'textarea', { wide: true }),
  f('notes', 'textarea', { wide: true }),
];

export const objectiveSpecs: FieldSpec<Objective>[] = [
  f('text', 'textarea', { required: true, wide: true }),
  f('targetDate', 'date', { dates: 'deadline' }),
  f('status', 'select', { enumGroup: 'objectiveStatus', values: objectiveStatuses, required: true }),
];

export const stepSpecs: FieldSpec<Step>[] = [
  f('text', 'textarea', { required: true, wide: true }),
  f('ownerUserId', 'colleague'),
  f('ownerNote', 'text', { help: 'casefile:case.help.ownerNote' }),
  f('dueDate', 'date', { dates: 'deadline' }),
  f('done', 'switch'),
];

export const contactSpecs: FieldSpec<Contact>[] = [
  f('kind', 'select', { enumGroup: 'contactKind', values: contactKinds, required: true }),
  f('occurredOn', 'date', { required: true, dates: 'event' }),
  f('sessionType', 'select', { enumGroup: 'sessionType', values: sessionTypes }),
  f('channel', 'select', { enumGroup: 'channel', values: channels }),
  f('durationMinutes', 'number', { min: 0, max: 600 }),
  f('interpreter', 'switch'),
  f('institutionId', 'institution', {
    wide: true,
    known: (e) => (e.institutionId ? [{ value: e.institutionId, label: e.institutionName ?? '' }] : []),
    carry: carryName('institutionName'),
  }),
  f('institutionName', 'text', { help: 'casefile:case.help.institutionName' }),
  f('topic', 'text'),
  f('summary', 'textarea', { wide: true }),
  f('result', 'textarea', { wide: true }),
];

/** The results within four weeks of leaving (ESF Plus); the dates are checked against the closing. */
export const exitSpecs: FieldSpec[] = [
  f('exitRecordedOn', 'date'),
  f('exitLabour', 'select', { enumGroup: 'exitLabour', values: exitLabourStatuses }),
  f('exitInEducation', 'switch'),
  f('exitQualificationGained', 'switch'),
];

/** Employment six months after leaving. */
export const followUpSpecs: FieldSpec[] = [
  f('followUpRecordedOn', 'date'),
  f('followUpEmployment', 'select', { enumGroup: 'followUpEmployment', values: followUpEmployments }),
];
