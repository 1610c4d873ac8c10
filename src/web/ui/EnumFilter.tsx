import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enumOptions } from './labels';
import type { ListParams } from './list';

/**
 * A filter of a list by one value of an enum (its options translated), kept in the address like
 * the list's other filters. Apart from `ui/list` so that a page using the list without filters
 * (the start page's dashboard) does not fetch the select.
 */
export function EnumFilter({
  list,
  name,
  group,
  values,
  placeholder,
  width = 220,
}: {
  list: Pick<ListParams, 'get' | 'set'>;
  /** The key in the address. */
  name: string;
  /** The labels' group (enums.<group>). */
  group: string;
  values: readonly string[];
  placeholder: string;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      clearable
      searchable={values.length > 8}
      data={enumOptions(t, group, values)}
      value={list.get(name)}
      onChange={(v) => list.set(name, v)}
      w={{ base: '100%', sm: width }}
    />
  );
}
