import {
  fundingTypes,
  type Institution,
  institutionTypes,
  type Measure,
  measureTypes,
  type Opportunity,
  opportunityKinds,
  opportunityStatuses,
} from '../../contracts/network';
import { compensationMeasures } from '../../contracts/recognition';
import { cefrLevels } from '../../contracts/reference';
import type { FieldSpec } from '../ui/fields';
import { formValues } from '../ui/fields';

/** The form fields of the network's records; labels are i18n keys under "network.fields". */
const f = (name: string, kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  label: `network.fields.${name}`,
  ...extra,
});

export const districts = ['10041', '10042', '10043', '10044', '10045', '10046'] as const;

export const institutionSpecs: FieldSpec[] = [
  f('name', 'text', { required: true, wide: true }),
  f('type', 'select', { enumGroup: 'institutionType', values: institutionTypes, required: true }),
  f('sectorIds', 'sectors'),
  f('street', 'text'),
  f('postcode', 'text'),
  f('city', 'text'),
  f('district', 'select', { enumGroup: 'district', values: districts }),
  f('website', 'text'),
  f('email', 'text'),
  f('phone', 'text'),
  f('notes', 'textarea', { wide: true }),
];

export const contactPersonSpecs: FieldSpec[] = [
  f('name', 'text', { required: true }),
  f('function', 'text'),
  f('email', 'text'),
  f('phone', 'text'),
  f('language', 'language'),
  f('consentDate', 'date'),
  f('consentToContact', 'switch', { wide: true, help: 'network.help.consentToContact' }),
];

export const providerTypes = [
  'training_provider',
  'language_school',
  'chamber_ihk',
  'chamber_hwk',
  'chamber_professional',
  'employment_agency',
  'company',
  'counselling_centre',
  'other',
] as const;

export const measureSpecs: FieldSpec[] = [
  f('title', 'text', { required: true, wide: true }),
  f('type', 'select', { enumGroup: 'measureType', values: measureTypes, required: true }),
  f('providerId', 'institution', {
    values: providerTypes,
    known: (m) => {
      const provider = (m as unknown as Measure).provider;
      return provider ? [{ value: provider.id, label: provider.name }] : [];
    },
  }),
  f('sectorIds', 'sectors'),
  f('occupationIds', 'occupations', {
    known: (m) => (m as unknown as Measure).occupations.map((o) => ({ value: o.id, label: o.title })),
  }),
  f('compensates', 'multiselect', {
    enumGroup: 'compensation',
    values: compensationMeasures,
    help: 'network.help.compensates',
  }),
  f('online', 'switch'),
  f('place', 'text'),
  f('district', 'select', { enumGroup: 'district', values: districts }),
  f('startDates', 'dates'),
  f('durationWeeks', 'number', { min: 0, max: 260 }),
  f('teachingUnits', 'number', { min: 0, max: 10000 }),
  f('capacity', 'number', { min: 0, max: 10000 }),
  f('cost', 'number', { min: 0, max: 1_000_000, help: 'network.help.cost' }),
  f('funders', 'multiselect', { enumGroup: 'fundingType', values: fundingTypes, wide: true }),
  f('minLanguageLevel', 'select', { enumGroup: 'level', values: cefrLevels, help: 'network.help.minLevel' }),
  f('entryLevel', 'select', { enumGroup: 'level', values: cefrLevels, help: 'network.help.entryLevel' }),
  f('targetLevel', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('active', 'switch'),
  f('description', 'textarea', { wide: true }),
];

export const offerSpecs: FieldSpec[] = [
  f('employerId', 'institution', {
    required: true,
    wide: true,
    values: ['company', 'training_provider', 'other'],
    known: (o) => {
      const employer = (o as unknown as Opportunity).employer;
      return employer ? [{ value: employer.id, label: employer.name }] : [];
    },
  }),
  f('kind', 'select', { enumGroup: 'opportunityKind', values: opportunityKinds, required: true }),
  f('status', 'select', { enumGroup: 'opportunityStatus', values: opportunityStatuses, required: true }),
  f('title', 'text', { required: true, wide: true }),
  f('sectorId', 'sector'),
  f('occupationId', 'occupation', {
    known: (o) => {
      const occupation = (o as unknown as Opportunity).occupation;
      return occupation ? [{ value: occupation.id, label: occupation.title }] : [];
    },
  }),
  f('district', 'select', { enumGroup: 'district', values: districts }),
  f('minLanguageLevel', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('startDate', 'date'),
  f('endDate', 'date'),
  f('places', 'number', { min: 1, max: 1000 }),
  f('description', 'textarea', { wide: true }),
];

/** Form values of an institution (ids of its sectors). */
export const institutionForm = (i: Institution | null) =>
  formValues(institutionSpecs, i ? { ...i, sectorIds: i.sectors.map((s) => s.id) } : null);

/** Form values of a measure: ids of what it points to, the cost in euros. */
export const measureForm = (m: Measure | null) =>
  formValues(
    measureSpecs,
    m
      ? {
          ...m,
          providerId: m.provider?.id ?? null,
          sectorIds: m.sectors.map((s) => s.id),
          occupationIds: m.occupations.map((o) => o.id),
          cost: m.costCents === null ? null : m.costCents / 100,
        }
      : null,
    { active: true },
  );

/** The measure as the API takes it (the cost in cents). */
export function measureBodyOf({ cost, ...values }: Record<string, unknown>) {
  return {
    ...values,
    costCents: cost === null || cost === undefined ? null : Math.round(Number(cost) * 100),
  };
}

export const offerForm = (o: Opportunity | null) =>
  formValues(
    offerSpecs,
    o
      ? {
          ...o,
          employerId: o.employer.id,
          sectorId: o.sector?.id ?? null,
          occupationId: o.occupation?.id ?? null,
        }
      : null,
    { status: 'open', kind: 'internship', places: 1 },
  );
