import { fundingTypes, type Measure, measureTypes } from '../../contracts/measures';
import { compensationMeasures } from '../../contracts/recognition';
import { cefrLevels } from '../../contracts/reference';
import { districts } from '../network/specs';
import { type FieldSpec, formValues, specField } from '../ui/fields';

/** The form fields of a measure; labels are i18n keys under "network.fields". */
const f = specField('network:network.fields');

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

export const measureSpecs: FieldSpec<Measure>[] = [
  f('title', 'text', { required: true, wide: true }),
  f('type', 'select', { enumGroup: 'measureType', values: measureTypes, required: true }),
  f('providerId', 'institution', {
    values: providerTypes,
    known: (m) => (m.provider ? [{ value: m.provider.id, label: m.provider.name }] : []),
  }),
  f('sectorIds', 'sectors'),
  f('occupationIds', 'occupations', {
    known: (m) => m.occupations.map((o) => ({ value: o.id, label: o.title })),
  }),
  f('compensates', 'multiselect', {
    enumGroup: 'compensation',
    values: compensationMeasures,
    help: 'network:network.help.compensates',
  }),
  f('online', 'switch'),
  f('place', 'text'),
  f('district', 'select', { enumGroup: 'district', values: districts }),
  f('startDates', 'dates', { dates: 'event' }),
  f('durationWeeks', 'number', { min: 0, max: 260 }),
  f('teachingUnits', 'number', { min: 0, max: 10000 }),
  f('capacity', 'number', { min: 0, max: 10000 }),
  f('cost', 'number', { min: 0, max: 1_000_000, help: 'network:network.help.cost' }),
  f('funders', 'multiselect', { enumGroup: 'fundingType', values: fundingTypes, wide: true }),
  f('minLanguageLevel', 'select', {
    enumGroup: 'level',
    values: cefrLevels,
    help: 'network:network.help.minLevel',
  }),
  f('entryLevel', 'select', {
    enumGroup: 'level',
    values: cefrLevels,
    help: 'network:network.help.entryLevel',
  }),
  f('targetLevel', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('active', 'switch'),
  f('description', 'textarea', { wide: true }),
];

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
