import { benefitTypes, entryEmploymentStatuses, genders, referralSources } from '../../contracts/clients';
import { type FieldSpec, specField } from '../ui/fields';

/** The person of a case (intake and the case file); labels are i18n keys under "case.fields". */
const f = specField('casefile:case.fields');

export const personSpecs: FieldSpec[] = [
  f('givenNames', 'text', { required: true }),
  f('familyName', 'text', { required: true }),
  f('givenNamesOriginal', 'text', { help: 'casefile:case.help.originalScript' }),
  f('familyNameOriginal', 'text'),
  f('birthDate', 'date', { dates: 'birth' }),
  f('gender', 'select', { enumGroup: 'gender', values: genders }),
  f('citizenships', 'countries'),
  f('birthCountry', 'country'),
  f('languages', 'languages', { wide: true }),
  f('email', 'text'),
  f('phone', 'text'),
  f('street', 'text'),
  f('postcode', 'text'),
  f('city', 'text'),
  f('district', 'select', {
    enumGroup: 'district',
    values: ['10041', '10042', '10043', '10044', '10045', '10046'],
  }),
  f('arrivalDate', 'date', { dates: 'history' }),
  f('intakeDate', 'date', { required: true, dates: 'event' }),
  f('sectorId', 'sector', { help: 'casefile:case.help.sector' }),
  f('referralSource', 'select', { enumGroup: 'referralSource', values: referralSources }),
  f('benefits', 'select', { enumGroup: 'benefits', values: benefitTypes }),
  f('jobcentreCustomerNumber', 'text', { help: 'casefile:case.help.socialData' }),
  f('employmentStatusAtEntry', 'select', {
    enumGroup: 'employmentStatusAtEntry',
    values: entryEmploymentStatuses,
  }),
  f('currentEmployer', 'text'),
  f('currentHoursPerWeek', 'number', { min: 0, max: 80 }),
  f('currentJobBelowQualification', 'switch'),
  f('notes', 'textarea', { wide: true }),
];
