import { Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { get, query } from '../app/api';
import { ErrorAlert } from './errors';
import { enumOptions } from './labels';

const PAGE = 25;

/** Filters and page of a list kept in the address, so a filtered list can be bookmarked and shared. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  return {
    params,
    get: (key: string) => params.get(key),
    set,
    page,
    setPage: (n: number) => set('page', String(n)),
  };
}

/**
 * A searchable, filtered, paged list of the API: the search term (debounced) and the filters
 * live in the address; the result renders with a search box and a footer (nothing found, pages).
 */
export function usePagedList<T>(
  key: string,
  path: string,
  filters: (get: (k: string) => string | null) => object,
) {
  const { t } = useTranslation();
  const lp = useListParams();
  const [search, setSearch] = useState(lp.get('q') ?? '');
  const [q] = useDebouncedValue(search, 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced term goes to the address
  useEffect(() => {
    if ((lp.get('q') ?? '') !== q) lp.set('q', q || null);
  }, [q]);
  const f = filters(lp.get);
  const list = useQuery({
    queryKey: [key, q, f, lp.page],
    queryFn: () =>
      get<{ items: T[]; total: number }>(
        `${path}${query({ q, ...f, limit: PAGE, offset: (lp.page - 1) * PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const searchBox = (placeholder: string) => (
    <TextInput
      leftSection={<IconSearch size={16} />}
      placeholder={placeholder}
      aria-label={placeholder}
      value={search}
      onChange={(e) => setSearch(e.currentTarget.value)}
      w={{ base: '100%', sm: 280 }}
    />
  );
  const footer = (
    <>
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {list.data && list.data.total > PAGE && (
        <Pagination total={Math.ceil(list.data.total / PAGE)} value={lp.page} onChange={lp.setPage} />
      )}
    </>
  );
  /** A filter of the list by one value of an enum (its options translated). */
  const enumFilter = (
    key: string,
    group: string,
    values: readonly string[],
    placeholder: string,
    width = 220,
  ) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      clearable
      searchable={values.length > 8}
      data={enumOptions(t, group, values)}
      value={lp.get(key)}
      onChange={(v) => lp.set(key, v)}
      w={{ base: '100%', sm: width }}
    />
  );
  return { lp, items: list.data?.items ?? [], searchBox, enumFilter, footer };
}

/** The table of a list page: its column heads and rows. */
export function ListTable(p: { testId: string; minWidth: number; heads: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={p.minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={p.testId}>
        <Table.Thead>
          <Table.Tr>
            {p.heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{p.children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
