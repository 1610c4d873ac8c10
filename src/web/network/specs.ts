import {
  type Institution,
  institutionTypes,
  type Opportunity,
  opportunityKinds,
  opportunityStatuses,
} from '../../contracts/network';
import { cefrLevels } from '../../contracts/reference';
import { type FieldSpec, formValues, specField } from '../ui/fields';

/** The form fields of the network's records; labels are i18n keys under "network.fields". */
const f = specField('network:network.fields');

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
  f('active', 'switch', { wide: true, help: 'network:network.help.active' }),
];

export const contactPersonSpecs: FieldSpec[] = [
  f('name', 'text', { required: true }),
  f('function', 'text'),
  f('email', 'text'),
  f('phone', 'text'),
  f('language', 'language'),
  f('consentDate', 'date', { dates: 'event' }),
  f('consentToContact', 'switch', { wide: true, help: 'network:network.help.consentToContact' }),
];

/** What the offer form shows of the offer being edited, or of the employer a new one starts from. */
interface OfferEntry {
  employer?: { id: string; name: string };
  occupation?: Opportunity['occupation'];
}

export const offerSpecs: FieldSpec<OfferEntry>[] = [
  f('employerId', 'institution', {
    required: true,
    wide: true,
    values: ['company', 'training_provider', 'other'],
    known: (o) => (o.employer ? [{ value: o.employer.id, label: o.employer.name }] : []),
  }),
  f('kind', 'select', { enumGroup: 'opportunityKind', values: opportunityKinds, required: true }),
  f('status', 'select', { enumGroup: 'opportunityStatus', values: opportunityStatuses, required: true }),
  f('title', 'text', { required: true, wide: true }),
  f('sectorId', 'sector'),
  f('occupationId', 'occupation', {
    known: (o) => (o.occupation ? [{ value: o.occupation.id, label: o.occupation.title }] : []),
  }),
  f('district', 'select', { enumGroup: 'district', values: districts }),
  f('minLanguageLevel', 'select', { enumGroup: 'level', values: cefrLevels }),
  f('startDate', 'date', { dates: 'event' }),
  f('endDate', 'date', { dates: 'event' }),
  f('places', 'number', { min: 1, max: 1000 }),
  f('description', 'textarea', { wide: true }),
];

/** Form values of an institution (ids of its sectors). */
export const institutionForm = (i: Institution | null) =>
  formValues(institutionSpecs, i ? { ...i, sectorIds: i.sectors.map((s) => s.id) } : null, { active: true });

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
