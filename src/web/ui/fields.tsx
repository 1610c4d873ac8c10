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
import { DateInput } from '@mantine/dates';
import { schemaResolver, type UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Occupation } from '../../contracts/profile';
import { commonLanguages, countryCodes } from '../../contracts/reference';
import { get, query } from '../app/api';
import { countryName, enumOptions, languageName } from './labels';

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
  /** Free text with suggestions (values shown as they are). */
  | 'suggest';

export interface FieldSpec {
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
}

export const dateFormat = (language: string) => (language === 'de' ? 'DD.MM.YYYY' : 'D MMM YYYY');

const countryOptions = () =>
  countryCodes
    .map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
const languageOptions = () =>
  commonLanguages
    .map((c) => ({ value: c, label: `${languageName(c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

/** Picks a reference occupation by searching the built-in list, KldB and ESCO. */
export function OccupationSelect({
  value,
  onChange,
  initial,
  label,
  error,
}: {
  value: string | null;
  onChange(id: string | null, occupation: Occupation | null): void;
  initial?: Occupation | null;
  label: string;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const results = useQuery({
    queryKey: ['occupations', search],
    queryFn: () => get<Occupation[]>(`/api/occupations${query({ q: search, limit: 30 })}`),
    enabled: search.trim().length >= 2,
    staleTime: 60_000,
  });
  const items = [...(initial ? [initial] : []), ...(results.data ?? []).filter((o) => o.id !== initial?.id)];
  const optionLabel = (o: Occupation) =>
    `${o.title} · ${o.scheme === 'esco' ? `ESCO ${o.iscoGroup ?? ''}` : `KldB ${o.code}`}`;
  return (
    <Select
      label={label}
      placeholder={t('fields.occupationSearch')}
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={search.length >= 2 ? t('common.nothingFound') : t('fields.typeToSearch')}
      data={items.map((o) => ({ value: o.id, label: optionLabel(o) }))}
      value={value}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, items.find((o) => o.id === id) ?? null)}
      error={error}
    />
  );
}

export function ColleagueSelect(props: {
  label: string;
  value: string | null;
  onChange(v: string | null): void;
  error?: React.ReactNode;
  clearable?: boolean;
}) {
  const colleagues = useQuery({
    queryKey: ['colleagues'],
    queryFn: () => get<{ id: string; name: string }[]>('/api/colleagues'),
    staleTime: 60_000,
  });
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

/** Renders form inputs from field specs; values are the API's (dates as YYYY-MM-DD, codes). */
export function Fields({
  form,
  specs,
  initial,
}: {
  form: AnyForm;
  specs: FieldSpec[];
  initial?: Record<string, unknown>;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {specs.map((f) => (
        <FieldInput key={f.name} form={form} f={f} initial={initial} />
      ))}
    </SimpleGrid>
  );
}

function FieldInput({
  form,
  f,
  initial,
}: {
  form: AnyForm;
  f: FieldSpec;
  initial?: Record<string, unknown> | undefined;
}) {
  const { t, i18n } = useTranslation();
  {
    const common = {
      label: t(f.label),
      description: f.help ? t(f.help) : undefined,
      required: f.required,
      style: f.wide ? { gridColumn: '1 / -1' } : undefined,
    };
    const props = form.getInputProps(f.name);
    switch (f.kind) {
      case 'textarea':
        return <Textarea {...common} {...props} value={props.value ?? ''} autosize minRows={2} maxRows={8} />;
      case 'date':
        return (
          <DateInput
            {...common}
            {...props}
            value={props.value || null}
            valueFormat={dateFormat(i18n.language)}
            clearable
            placeholder={dateFormat(i18n.language)}
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
            clearable={!f.required}
            data={enumOptions(t, f.enumGroup!, f.values!)}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            {...common}
            {...props}
            value={props.value ?? []}
            data={enumOptions(t, f.enumGroup!, f.values!)}
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
              initial={(initial?.referenceOccupation as Occupation | null) ?? null}
              onChange={(id) => form.setFieldValue(f.name, id)}
              error={props.error}
            />
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

/** Empty strings from inputs become null, as the API expects for cleared optional fields. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === '' ? null : v;
  return out;
}

/** Validates the cleaned values with a contract schema, as the server will. */
export function resolver(schema: z.ZodType) {
  const validate = schemaResolver(schema, { sync: true });
  return (values: Record<string, unknown>) => validate(cleanValues(values));
}

/** The empty value of an input of a kind. */
export function emptyValue(kind: FieldKind): unknown {
  if (kind === 'countries' || kind === 'languages' || kind === 'multiselect') return [];
  if (kind === 'switch' || kind === 'checkbox') return false;
  if (
    kind === 'date' ||
    kind === 'number' ||
    kind === 'select' ||
    kind === 'country' ||
    kind === 'occupation' ||
    kind === 'colleague'
  )
    return null;
  return '';
}

/** Form values from an entry (or empty ones for a new entry). */
export function formValues(
  specs: FieldSpec[],
  item: Record<string, unknown> | null,
  defaults: Record<string, unknown> = {},
) {
  return Object.fromEntries(
    specs.map((s) => [s.name, item?.[s.name] ?? defaults[s.name] ?? emptyValue(s.kind)]),
  );
}
