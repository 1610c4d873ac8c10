import { MultiSelect, Select } from '@mantine/core';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionListItem, InstitutionType, Sector } from '../../contracts/network';
import type { Occupation } from '../../contracts/profile';
import { institutionSearchQuery, sectorsQuery } from '../network/api';
import { occupationSearchQuery } from '../occupations/api';
import { enumLabel } from './labels';

export interface Option {
  value: string;
  label: string;
}

interface SearchProps {
  label: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  error?: ReactNode;
  /** Labels of values chosen before (the search results may not hold them). */
  known?: Option[];
}

/** How a picker searches: the domain's query options for a term, and how a result reads. */
export interface Search<R, K extends QueryKey> {
  query(term: string): UseQueryOptions<R[], Error, R[], K>;
  option(result: R): Option;
}

/** Options found on the server for what the user types (two letters or more), plus those already chosen. */
function useSearchOptions<R, K extends QueryKey>(
  find: Search<R, K>,
  known: Option[] | undefined,
  minLength = 2,
) {
  const [search, setSearch] = useState('');
  // Every record found so far, by value: a chosen one stays labelled, and its record goes to onChange.
  const [seen, setSeen] = useState<Map<string, R>>(new Map());
  const term = search.trim();
  const results = useQuery({ ...find.query(term), enabled: term.length >= minLength, staleTime: 30_000 });
  const found = (results.data ?? []).map(find.option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: what was found is remembered once per answer
  useEffect(() => {
    if (results.data?.length)
      setSeen((s) => new Map([...s, ...results.data.map((r) => [find.option(r).value, r] as const)]));
  }, [results.data]);
  const options = (chosen: string[]) => {
    const byValue = new Map<string, Option>();
    for (const o of [...(known ?? []), ...[...seen.values()].map(find.option)])
      if (chosen.includes(o.value)) byValue.set(o.value, o);
    for (const o of found) byValue.set(o.value, o);
    return [...byValue.values()];
  };
  return {
    search,
    setSearch,
    options,
    record: (value: string | null) => (value ? seen.get(value) : undefined),
  };
}

/** A select whose options the server finds for what the user types; a pick comes with its record. */
export function SearchSelect<R, K extends QueryKey>(
  p: SearchProps & {
    find: Search<R, K>;
    value: string | null;
    onChange(value: string | null, picked?: R): void;
  },
) {
  const { t } = useTranslation();
  const s = useSearchOptions(p.find, p.known);
  return (
    <Select
      label={p.label}
      description={p.description}
      required={p.required}
      placeholder={p.placeholder ?? t('fields.typeToSearch')}
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={s.search.length >= 2 ? t('common.nothingFound') : t('fields.typeToSearch')}
      data={s.options(p.value ? [p.value] : [])}
      value={p.value}
      onSearchChange={s.setSearch}
      onChange={(v) => p.onChange(v, s.record(v))}
      error={p.error}
    />
  );
}

export function SearchMultiSelect<R, K extends QueryKey>(
  p: SearchProps & {
    find: Search<R, K>;
    value: string[];
    onChange(value: string[]): void;
    max?: number;
  },
) {
  const { t } = useTranslation();
  const s = useSearchOptions(p.find, p.known);
  return (
    <MultiSelect
      label={p.label}
      description={p.description}
      required={p.required}
      placeholder={p.placeholder ?? t('fields.typeToSearch')}
      searchable
      filter={({ options }) => options}
      nothingFoundMessage={s.search.length >= 2 ? t('common.nothingFound') : t('fields.typeToSearch')}
      data={s.options(p.value)}
      value={p.value}
      searchValue={s.search}
      onSearchChange={s.setSearch}
      onChange={(v) => {
        p.onChange(v);
        s.setSearch('');
      }}
      maxValues={p.max}
      error={p.error}
    />
  );
}

const institutionLabel = (t: TFunction, i: Pick<InstitutionListItem, 'name' | 'type' | 'city'>) =>
  `${i.name} · ${enumLabel(t, 'institutionType', i.type)}${i.city ? `, ${i.city}` : ''}`;

function useFindInstitutions(types: readonly InstitutionType[] = []) {
  const { t } = useTranslation();
  return {
    query: (term: string) => institutionSearchQuery(types, term),
    option: (i: InstitutionListItem) => ({ value: i.id, label: institutionLabel(t, i) }),
  };
}

type InstitutionProps = SearchProps & { types?: readonly InstitutionType[] };

/**
 * The label of the institution a list is filtered by, from the rows on screen (each names its
 * institution): the picker shows the name, not the id, when the page is opened from a link.
 */
export const knownInstitution = (items: { institution: { id: string; name: string } }[], id: string | null) =>
  items
    .filter((item) => item.institution.id === id)
    .slice(0, 1)
    .map((item) => ({ value: item.institution.id, label: item.institution.name }));

/** Picks an institution of the network directory by name, city or e-mail. */
export function InstitutionSelect(
  p: InstitutionProps & {
    value: string | null;
    onChange(value: string | null, picked?: InstitutionListItem): void;
  },
) {
  const find = useFindInstitutions(p.types);
  return <SearchSelect {...p} find={find} />;
}

export function InstitutionsSelect(
  p: InstitutionProps & { value: string[]; onChange(value: string[]): void; max?: number },
) {
  const find = useFindInstitutions(p.types);
  return <SearchMultiSelect {...p} find={find} />;
}

export const occupationLabel = (o: Pick<Occupation, 'title' | 'scheme' | 'code' | 'iscoGroup'>) =>
  `${o.title} · ${o.scheme === 'esco' ? `ESCO ${o.iscoGroup ?? ''}` : `KldB ${o.code}`}`;

/** Picks a reference occupation by searching the built-in list, KldB and ESCO. */
export function OccupationSelect(
  p: SearchProps & { value: string | null; onChange(value: string | null, picked?: Occupation): void },
) {
  const { t } = useTranslation();
  return <SearchSelect {...p} placeholder={t('fields.occupationSearch')} find={findOccupations} />;
}

const findOccupations = {
  query: (term: string) => occupationSearchQuery(term, 30),
  option: (o: Occupation) => ({ value: o.id, label: occupationLabel(o) }),
};

/** Picks several reference occupations (built-in list, KldB and ESCO). */
export function OccupationsSelect(p: SearchProps & { value: string[]; onChange(value: string[]): void }) {
  return <SearchMultiSelect {...p} find={findOccupations} max={30} />;
}

/** The sectors of the organisation (the default names are shown translated). */
export function useSectors() {
  return useQuery(sectorsQuery);
}

export function sectorLabel(t: TFunction, name: string): string {
  return t(`defaultSectors.${name}`, { defaultValue: name });
}

function sectorOptions(t: TFunction, sectors: Sector[] | undefined, chosen: string[]): Option[] {
  return (sectors ?? [])
    .filter((s) => s.active || chosen.includes(s.id))
    .map((s) => ({ value: s.id, label: sectorLabel(t, s.name) }));
}

export function SectorSelect(
  p: Omit<SearchProps, 'known'> & { value: string | null; onChange(value: string | null): void; w?: number },
) {
  const { t } = useTranslation();
  const sectors = useSectors();
  return (
    <Select
      label={p.label || undefined}
      aria-label={p.label || p.placeholder}
      placeholder={p.placeholder}
      description={p.description}
      required={p.required}
      clearable
      data={sectorOptions(t, sectors.data, p.value ? [p.value] : [])}
      value={p.value}
      onChange={p.onChange}
      error={p.error}
      w={p.w}
    />
  );
}

export function SectorsSelect(
  p: Omit<SearchProps, 'known'> & { value: string[]; onChange(value: string[]): void },
) {
  const { t } = useTranslation();
  const sectors = useSectors();
  return (
    <MultiSelect
      label={p.label}
      description={p.description}
      required={p.required}
      data={sectorOptions(t, sectors.data, p.value)}
      value={p.value}
      onChange={p.onChange}
      error={p.error}
    />
  );
}
