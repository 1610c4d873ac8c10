import { Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { QueryParams } from '../lib/http';
import { ErrorAlert } from './errors';
import { enumOptions } from './labels';

/** What every list endpoint answers: one page of items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

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
    /** Puts these values in the address in place of all others (e.g. a saved filter). */
    replace: (values: URLSearchParams) => setParams(values, { replace: true }),
    page,
    setPage: (n: number) => set('page', String(n)),
  };
}

export type ListParams = ReturnType<typeof useListParams>;

/**
 * Every list page runs on this: the search term (debounced) and the filters live in the address;
 * the domain's query options fetch one page; `ListTable` shows it with its error, its empty state
 * and its pages. It is the one place where lists change shape (e.g. cards on small screens).
 */
export function useList<P extends Page<unknown>, F extends QueryParams, K extends QueryKey>(options: {
  /** The page of the API for these parameters: the domain's query options. */
  query(params: QueryParams): UseQueryOptions<P, Error, P, K>;
  /** The API's filters from the address. */
  filters?(get: (key: string) => string | null): F;
  pageSize?: number;
  /** Searching starts at this many letters (one letter matches nearly everyone in a long list). */
  minSearch?: number;
}) {
  const { t } = useTranslation();
  const pageSize = options.pageSize ?? 25;
  const lp = useListParams();
  const [search, setSearch] = useState(lp.get('q') ?? '');
  const [q] = useDebouncedValue(search, 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced term goes to the address
  useEffect(() => {
    if ((lp.get('q') ?? '') !== q) lp.set('q', q || null);
  }, [q]);
  const term = q.trim().length >= (options.minSearch ?? 1) ? q.trim() : '';
  const filters = options.filters?.(lp.get) ?? ({} as F);
  const list = useQuery({
    ...options.query({ q: term, ...filters, limit: pageSize, offset: (lp.page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });

  const searchBox = (placeholder: string, p: { label?: string; testId?: string } = {}) => (
    <TextInput
      leftSection={<IconSearch size={16} />}
      label={p.label}
      placeholder={placeholder}
      aria-label={p.label ? undefined : placeholder}
      value={search}
      onChange={(e) => setSearch(e.currentTarget.value)}
      w={{ base: '100%', sm: 280 }}
      data-testid={p.testId}
    />
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
  return {
    params: lp,
    /** The filters as the API takes them (e.g. for an export of the same list). */
    filters: { q: term, ...filters },
    data: list.data,
    error: list.error,
    items: (list.data?.items ?? []) as P['items'],
    pages: list.data ? Math.ceil(list.data.total / pageSize) : 0,
    searchBox,
    enumFilter,
    /** A saved set of filters replaces the address and the search box. */
    apply(values: URLSearchParams) {
      setSearch(values.get('q') ?? '');
      lp.replace(values);
    },
  };
}

type List = Pick<ReturnType<typeof useList>, 'data' | 'error' | 'pages' | 'params'>;

/** The table of a list page: its error, column heads, rows, the empty state and the pages. */
export function ListTable(p: {
  list: List;
  testId?: string;
  minWidth: number;
  /** Column heads; an empty string is a column without a head, a number a narrow one of that width. */
  heads: (string | number)[];
  children: ReactNode;
  /** Rows of a log are read, not picked: no highlight under the pointer. */
  highlightOnHover?: boolean;
  striped?: boolean;
  verticalSpacing?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const { data, error, pages, params } = p.list;
  return (
    <>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={p.minWidth}>
        <Table
          striped={p.striped ?? true}
          highlightOnHover={p.highlightOnHover ?? true}
          verticalSpacing={p.verticalSpacing ?? 'xs'}
          data-testid={p.testId}
        >
          <Table.Thead>
            <Table.Tr>
              {p.heads.map((h, i) =>
                typeof h === 'number' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: heads are positional
                  <Table.Th key={i} w={h} />
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: heads are positional (some are empty)
                  <Table.Th key={i}>{h}</Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{p.children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {pages > 1 && (
        // Named controls: the arrows and page numbers are read out as what they do (WCAG 4.1.2).
        <Pagination
          total={pages}
          value={params.page}
          onChange={params.setPage}
          getItemProps={(page) => ({ 'aria-label': t('common.page', { page }) })}
          getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
          aria-label={t('common.pages')}
        />
      )}
    </>
  );
}
