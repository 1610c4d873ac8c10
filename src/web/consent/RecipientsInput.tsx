import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../contracts/consent';
import { institutionSearchQuery } from '../network/api';
import { enumLabel } from '../ui/labels';

/** A recipient not in the directory is kept by its name, marked so it is never taken for an id. */
const TYPED = 'name:';
const typed = (name: string) => `${TYPED}${name}`;
const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/** The input's values from a consent's recipients. */
export const recipientValues = (recipients: Consent['recipients']) =>
  recipients.map((r) => r.institutionId ?? typed(r.name));

/** The input's values as the API takes them: directory ids, and names of the others. */
export function splitRecipients(values: string[]) {
  return {
    institutionIds: values.filter((v) => !v.startsWith(TYPED)),
    institutions: values.filter((v) => v.startsWith(TYPED)).map((v) => v.slice(TYPED.length)),
  };
}

/**
 * The one recipient field of a consent: an institution or employer picked from the network
 * directory (matched by id even after a rename or merge), or a name typed in for one that is not
 * in it yet. The signed form lists them all by name.
 */
export function RecipientsInput(p: {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  /** The names of the values chosen before (the search may not hold them). */
  known?: Consent['recipients'];
  /** Named when chosen: the values' names in words, for the printed form. */
  onNames?(names: string[]): void;
  disabled?: boolean;
  description?: ReactNode;
  error?: ReactNode;
}) {
  const { t } = useTranslation('consent');
  const [search, setSearch] = useState('');
  const [names, setNames] = useState(
    () => new Map((p.known ?? []).map((r) => [r.institutionId ?? typed(r.name), r.name])),
  );
  const term = search.trim();
  const found = useQuery({
    ...institutionSearchQuery([], term),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
  const nameOf = (v: string) => names.get(v) ?? (v.startsWith(TYPED) ? v.slice(TYPED.length) : v);
  const chosen = p.value.map((v) => ({ value: v, label: nameOf(v) }));
  const results = (found.data ?? [])
    .filter((i) => !p.value.includes(i.id))
    .map((i) => ({
      value: i.id,
      label: `${i.name} · ${enumLabel(t, 'institutionType', i.type)}${i.city ? `, ${i.city}` : ''}`,
    }));
  const known = [...chosen.map((c) => c.label), ...(found.data ?? []).map((i) => i.name)];
  const offerTyped = term.length >= 2 && !known.some((n) => sameName(n, term));
  const data = [
    ...chosen,
    ...results,
    ...(offerTyped ? [{ value: typed(term), label: t('consent.typedRecipient', { name: term }) }] : []),
  ];
  return (
    <MultiSelect
      label={p.label}
      description={p.description}
      error={p.error}
      disabled={p.disabled}
      placeholder={p.disabled ? undefined : t('consent.recipientsPlaceholder')}
      searchable
      filter={({ options }) => options}
      nothingFoundMessage={term.length >= 2 ? undefined : t('consent.recipientsPlaceholder')}
      data={data}
      value={p.value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(values) => {
        const next = new Map(names);
        for (const i of found.data ?? []) if (values.includes(i.id)) next.set(i.id, i.name);
        setNames(next);
        setSearch('');
        p.onChange(values);
        p.onNames?.(values.map((v) => next.get(v) ?? (v.startsWith(TYPED) ? v.slice(TYPED.length) : v)));
      }}
      maxValues={30}
      data-testid="recipients"
    />
  );
}
