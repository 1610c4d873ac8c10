import {
  Autocomplete,
  Checkbox,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DatePickerInput } from '@mantine/dates';
import { schemaResolver, type UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type DateKind, dateBounds } from '../../contracts/common';
import type { InstitutionType } from '../../contracts/network';
import { commonLanguages, countryCodes } from '../../contracts/reference';
import { colleaguesQuery } from '../users/api';
import { dateFormat, typedDateProps } from './dates';
import { localiseContractMessage } from './errors';
import { countryName, enumOptions, languageName } from './labels';
import {
  InstitutionSelect,
  InstitutionsSelect,
  OccupationSelect,
  OccupationsSelect,
  type Option,
  SectorSelect,
  SectorsSelect,
} from './pickers';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'number'
  | 'switch'
  | 'checkbox'
  | 'select'
  | 'multiselect'
  | 'country'
  | 'countries'
  | 'language'
  | 'languages'
  | 'occupation'
  | 'colleague'
  /** An institution of the network directory (values: the institution types offered). */
  | 'institution'
  | 'institutions'
  | 'sector'
  | 'sectors'
  | 'occupations'
  /** Several dates (e.g. the start dates of a course). */
  | 'dates'
  /** Free text with suggestions (values shown as they are). */
  | 'suggest';

/** A form field; `E` is the record being edited, from which pickers take the labels of its values. */
export interface FieldSpec<E = unknown> {
  name: string;
  /** i18n key of the label. */
  label: string;
  kind: FieldKind;
  /** For select kinds: the enum group (labels from enums.<group>) and its values. */
  enumGroup?: string;
  values?: readonly string[];
  required?: boolean;
  /** i18n key of a help text. */
  help?: string;
  /** Spans both columns of the form grid. */
  wide?: boolean;
  min?: number;
  max?: number;
  /** For date kinds: the contract's kind of date, so that the picker offers only what the server takes. */
  dates?: DateKind;
  /** For directory pickers: the labels of the entry's current values (the search may not hold them). */
  known?(entry: E): Option[];
  /** For a select of values that are no enum (e.g. the case's qualifications): its options, labelled. */
  options?: Option[];
  /**
   * What the user's pick here carries into other fields (the occupation's "regulated", the
   * directory's name of an institution): their values, and labels for pickers among them.
   * `picked` is the directory's record of the value, where the field picks from the directory.
   */
  carry?(value: unknown, picked?: unknown): Carried;
}

/** Values a pick carries into other fields, and the labels of those that pick from a directory. */
export interface Carried {
  values?: Record<string, unknown>;
  known?: Record<string, Option>;
}

/** A maker of field specs whose labels are the i18n keys `<prefix>.<name>`. */
export const specField =
  (prefix: string) =>
  <E = unknown>(name: string, kind: FieldKind, extra: Partial<FieldSpec<E>> = {}): FieldSpec<E> => ({
    name,
    kind,
    label: `${prefix}.${name}`,
    ...extra,
  });

const countryOptions = () =>
  countryCodes
    .map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
const languageOptions = () =>
  commonLanguages
    .map((c) => ({ value: c, label: `${languageName(c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

export function ColleagueSelect(props: {
  label: string;
  value: string | null;
  onChange(v: string | null): void;
  error?: React.ReactNode;
  clearable?: boolean;
}) {
  const colleagues = useQuery(colleaguesQuery);
  return (
    <Select
      label={props.label}
      searchable
      clearable={props.clearable ?? true}
      data={(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

// biome-ignore lint/suspicious/noExplicitAny: the form's value shape is the entry's, which varies per section
type AnyForm = UseFormReturnType<any>;

/** Labels of values that a pick carried into other fields, by field name. */
type CarriedLabels = Record<string, Option>;

/** The labels of the edited record's current values, for a picker whose search may not hold them. */
const knownOf = <E,>(f: FieldSpec<E>, entry: E | undefined, carried: CarriedLabels): Option[] => [
  ...(entry !== undefined && f.known ? f.known(entry) : []),
  ...(carried[f.name] ? [carried[f.name] as Option] : []),
];

/** Sets a field to what the user picked, and the fields the pick carries into. */
function usePick<E>(form: AnyForm, f: FieldSpec<E>, onCarried: (labels: CarriedLabels) => void) {
  return (value: unknown, picked?: unknown) => {
    form.setFieldValue(f.name, value);
    const carried = f.carry?.(value, picked);
    for (const [name, v] of Object.entries(carried?.values ?? {})) form.setFieldValue(name, v);
    if (carried?.known) onCarried(carried.known);
  };
}

/** Renders form inputs from field specs; values are the API's (dates as YYYY-MM-DD, codes). */
export function Fields<E>({
  form,
  specs,
  entry,
}: {
  form: AnyForm;
  specs: FieldSpec<E>[];
  /** The record being edited, if any. */
  entry?: E;
}) {
  const [carried, setCarried] = useState<CarriedLabels>({});
  const onCarried = (labels: CarriedLabels) => setCarried((c) => ({ ...c, ...labels }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {specs.map((f) => (
        <FieldInput key={f.name} form={form} f={f} entry={entry} carried={carried} onCarried={onCarried} />
      ))}
    </SimpleGrid>
  );
}

interface FieldProps<E> {
  form: AnyForm;
  f: FieldSpec<E>;
  entry?: E;
  carried: CarriedLabels;
  onCarried(labels: CarriedLabels): void;
}

function FieldInput<E>({ form, f, entry, carried, onCarried }: FieldProps<E>) {
  const { t, i18n } = useTranslation();
  const pick = usePick(form, f, onCarried);
  {
    const common = {
      label: t(f.label),
      description: f.help ? t(f.help) : undefined,
      required: f.required,
      style: f.wide ? { gridColumn: '1 / -1' } : undefined,
    };
    const props = form.getInputProps(f.name);
    const range = f.dates ? dateBounds(f.dates) : undefined;
    switch (f.kind) {
      case 'textarea':
        return <Textarea {...common} {...props} value={props.value ?? ''} autosize minRows={2} maxRows={8} />;
      case 'date':
        return (
          <DateInput
            {...common}
            {...props}
            value={props.value || null}
            {...typedDateProps(i18n, f.dates, props.value)}
            clearable
            placeholder={dateFormat(i18n.language)}
          />
        );
      case 'dates':
        return (
          <DatePickerInput
            {...common}
            {...props}
            type="multiple"
            value={props.value ?? []}
            valueFormat={dateFormat(i18n.language)}
            minDate={range?.min}
            maxDate={range?.max}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clearDate') }}
          />
        );
      case 'number':
        return (
          <NumberInput
            {...common}
            {...props}
            value={props.value ?? ''}
            min={f.min}
            max={f.max}
            onChange={(v) => form.setFieldValue(f.name, v === '' ? null : Number(v))}
          />
        );
      case 'switch':
        return <Switch {...common} {...form.getInputProps(f.name, { type: 'checkbox' })} mt="lg" />;
      case 'checkbox':
        return <Checkbox {...common} {...form.getInputProps(f.name, { type: 'checkbox' })} mt="lg" />;
      case 'select':
        return (
          <Select
            {...common}
            {...props}
            onChange={pick}
            clearable={!f.required}
            data={f.options ?? enumOptions(t, f.enumGroup ?? '', f.values ?? [])}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            {...common}
            {...props}
            value={props.value ?? []}
            data={enumOptions(t, f.enumGroup ?? '', f.values ?? [])}
          />
        );
      case 'suggest':
        return <Autocomplete {...common} {...props} value={props.value ?? ''} data={[...(f.values ?? [])]} />;
      case 'country':
        return <Select {...common} {...props} searchable clearable={!f.required} data={countryOptions()} />;
      case 'countries':
        return (
          <MultiSelect
            {...common}
            {...props}
            value={props.value ?? []}
            searchable
            data={countryOptions()}
            maxValues={5}
          />
        );
      case 'language':
        return <Select {...common} {...props} searchable data={languageOptions()} />;
      case 'languages':
        return (
          <MultiSelect {...common} {...props} value={props.value ?? []} searchable data={languageOptions()} />
        );
      case 'occupation':
        return (
          <div style={common.style}>
            <OccupationSelect
              label={t(f.label)}
              value={props.value ?? null}
              known={knownOf(f, entry, carried)}
              onChange={pick}
              error={props.error}
            />
          </div>
        );
      case 'institution':
      case 'institutions':
      case 'sector':
      case 'sectors':
      case 'occupations':
        return (
          <div style={common.style}>
            <DirectoryInput form={form} f={f} entry={entry} carried={carried} onCarried={onCarried} />
          </div>
        );
      case 'colleague':
        return (
          <div style={common.style}>
            <ColleagueSelect
              label={t(f.label)}
              value={props.value ?? null}
              onChange={(v) => form.setFieldValue(f.name, v)}
              error={props.error}
            />
          </div>
        );
      default:
        return <TextInput {...common} {...props} value={props.value ?? ''} />;
    }
  }
}

/** The inputs that pick from the organisation's directory, sectors or occupations. */
function DirectoryInput<E>({ form, f, entry, carried, onCarried }: FieldProps<E>) {
  const { t } = useTranslation();
  const props = form.getInputProps(f.name);
  const common = {
    label: t(f.label),
    description: f.help ? t(f.help) : undefined,
    required: f.required,
    error: props.error,
  };
  const known = knownOf(f, entry, carried);
  const types = f.values as InstitutionType[] | undefined;
  const set = usePick(form, f, onCarried);
  switch (f.kind) {
    case 'institution':
      return (
        <InstitutionSelect
          {...common}
          known={known}
          types={types}
          value={props.value ?? null}
          onChange={set}
        />
      );
    case 'institutions':
      return (
        <InstitutionsSelect
          {...common}
          known={known}
          types={types}
          value={props.value ?? []}
          onChange={set}
        />
      );
    case 'sector':
      return <SectorSelect {...common} value={props.value ?? null} onChange={set} />;
    case 'sectors':
      return <SectorsSelect {...common} value={props.value ?? []} onChange={set} />;
    default:
      return <OccupationsSelect {...common} known={known} value={props.value ?? []} onChange={set} />;
  }
}

/** Empty strings from inputs become null, as the API expects for cleared optional fields. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === '' ? null : v;
  return out;
}

/** Validates the cleaned values with a contract schema, as the server will. */
export function resolver(schema: z.ZodType) {
  const validate = schemaResolver(schema, { sync: true });
  return (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(validate(cleanValues(values))).map(([path, message]) => [
        path,
        typeof message === 'string' ? localiseContractMessage(i18next.t.bind(i18next), message) : message,
      ]),
    );
}

/** The empty value of an input of a kind. */
export function emptyValue(kind: FieldKind): unknown {
  if (
    ['countries', 'languages', 'multiselect', 'institutions', 'sectors', 'occupations', 'dates'].includes(
      kind,
    )
  )
    return [];
  if (kind === 'switch' || kind === 'checkbox') return false;
  if (
    kind === 'date' ||
    kind === 'number' ||
    kind === 'select' ||
    kind === 'country' ||
    kind === 'occupation' ||
    kind === 'colleague' ||
    kind === 'institution' ||
    kind === 'sector'
  )
    return null;
  return '';
}

/** Form values from an entry (or empty ones for a new entry). */
export function formValues<E>(
  specs: FieldSpec<E>[],
  item: Record<string, unknown> | null,
  defaults: Record<string, unknown> = {},
) {
  return Object.fromEntries(
    specs.map((s) => [s.name, item?.[s.name] ?? defaults[s.name] ?? emptyValue(s.kind)]),
  );
}
