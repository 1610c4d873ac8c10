import { consentPurposes, consentScopes, dataCategories } from '../../contracts/consent';
import { type FieldSpec, specField } from '../ui/fields';

/** A consent as recorded; labels are i18n keys under "case.fields". */
const f = specField('casefile:case.fields');

export const consentSpecs: FieldSpec[] = [
  f('purposes', 'multiselect', { enumGroup: 'purpose', values: consentPurposes, required: true, wide: true }),
  f('institutionIds', 'institutions', { wide: true, help: 'consent:consent.directoryHelp' }),
  f('dataCategories', 'multiselect', { enumGroup: 'dataCategory', values: dataCategories, wide: true }),
  f('scope', 'select', { enumGroup: 'scope', values: consentScopes, required: true }),
  f('formLanguage', 'language', { required: true }),
  f('givenOn', 'date', { required: true, dates: 'event' }),
  f('validUntil', 'date', { dates: 'deadline' }),
  f('notes', 'textarea', { wide: true }),
];
