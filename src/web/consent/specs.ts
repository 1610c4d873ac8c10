import { consentPurposes, consentScopes, dataCategories } from '../../contracts/consent';
import { type FieldSpec, specField } from '../ui/fields';

/** A consent as recorded; labels are i18n keys under "case.fields". */
const f = specField('casefile:case.fields');

/** The purposes come first: the recipients (ConsentForm) follow them, since one needs the other. */
export const purposeSpecs: FieldSpec[] = [
  f('purposes', 'multiselect', { enumGroup: 'purpose', values: consentPurposes, required: true, wide: true }),
];

export const termSpecs: FieldSpec[] = [
  f('dataCategories', 'multiselect', { enumGroup: 'dataCategory', values: dataCategories, wide: true }),
  f('scope', 'select', { enumGroup: 'scope', values: consentScopes, required: true }),
  f('givenOn', 'date', { required: true, dates: 'event' }),
  f('validUntil', 'date', { dates: 'deadline' }),
];

export const noteSpecs: FieldSpec[] = [f('notes', 'textarea', { wide: true })];
