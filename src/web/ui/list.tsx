import { Box, Button, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import type { QueryParams } from '../lib/http';
import { DataTable, type DataTableProps, useWideScreen } from './DataTable';
import { ErrorAlert } from './errors';

/** What every list endpoint answers: one page of items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
  /** Where the page starts (the API says it with the page, so the range shown is that of the items shown). */
  offset?: number;
}

/**
 * The address each list was last seen at, by path: a record's "back to the list" link returns to
 * the list as the user left it. Kept in memory only (it holds search terms, i.e. names).
 */
const lastSeen = new Map<string, string>();

/** The list at `path` with the search, filters, sort and page it was last shown with in this tab. */
export const listHref = (path: string) => {
  const search = lastSeen.get(path);
  return search ? `${path}?${search}` : path;
};

/** Search, filters, sort and page of a list kept in the address: Back, reload and a shared link show the same list. */
export function useListParams() {
  const [inAddress, setParams] = useSearchParams();
  const { pathname } = useLocation();
  // The router applies a new address in a transition, a moment later: until it has, the controls
  // show what was just chosen (a checkbox does not flick back), and a second change builds on the first.
  const [pending, setPending] = useState<URLSearchParams | null>(null);
  const address = inAddress.toString();
  useEffect(() => {
    setPending(null);
    lastSeen.set(pathname, address);
  }, [pathname, address]);
  const params = pending ?? inAddress;
  // Replaced, not pushed: Back leaves the list instead of undoing one filter (or one letter) at a time.
  const go = (next: URLSearchParams) => {
    setPending(next);
    setParams(next, { replace: true });
  };
  const change = (edit: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    edit(next);
    next.delete('page');
    go(next);
  };
  const set = (key: string, value: string | null) =>
    change((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });
  const page = Number(params.get('page') ?? '1') || 1;
  return {
    params,
    get: (key: string) => params.get(key),
    set,
    /** Puts these values in the address in place of all others (e.g. a saved filter). */
    replace: go,
    /** Takes these keys out of the address at once. */
    clear: (keys: Iterable<string>) =>
      change((next) => {
        for (const k of keys) next.delete(k);
      }),
    page,
    setPage: (n: number) => {
      const next = new URLSearchParams(params);
      if (n > 1) next.set('page', String(n));
      else next.delete('page');
      go(next);
    },
  };
}

export type ListParams = ReturnType<typeof useListParams>;

/** Keys of the address that order a list rather than narrow it: not counted as filters. */
const notFilters = new Set(['q', 'page', 'sort']);

/**
 * Every list page runs on this: the search term (debounced) and the filters live in the address;
 * the domain's query options fetch one page; `ListFilters` and `ListTable` show it the same way
 * everywhere (on a phone: filters behind one button, rows as cards).
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
  const pageSize = options.pageSize ?? 25;
  const lp = useListParams();
  const inAddress = lp.get('q') ?? '';
  const [search, setSearch] = useState(inAddress);
  const [q] = useDebouncedValue(search, 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced term goes to the address
  useEffect(() => {
    if (inAddress !== q) lp.set('q', q || null);
  }, [q]);
  // The address changed from outside (Back, a link, a saved filter): the box follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the address counts
  useEffect(() => {
    if (inAddress !== q) setSearch(inAddress);
  }, [inAddress]);
  const term = q.trim().length >= (options.minSearch ?? 1) ? q.trim() : '';
  // The keys the filters read are the list's filters: counted on the phone's "Filter (n)" button.
  const keys = new Set<string>();
  const filters =
    options.filters?.((key) => {
      keys.add(key);
      return lp.get(key);
    }) ?? ({} as F);
  const active = [...keys].filter((k) => !notFilters.has(k) && lp.get(k)).length;
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
  return {
    params: lp,
    /** The filters as the API takes them (e.g. for an export of the same list). */
    filters: { q: term, ...filters },
    /** How many filters narrow the list now (search and sort not counted). */
    activeFilters: active,
    clearFilters: () => lp.clear([...keys].filter((k) => !notFilters.has(k))),
    data: list.data,
    error: list.error,
    items: (list.data?.items ?? []) as P['items'],
    pageSize,
    pages: list.data ? Math.ceil(list.data.total / pageSize) : 0,
    searchBox,
    /** A saved set of filters replaces the address and the search box. */
    apply(values: URLSearchParams) {
      setSearch(values.get('q') ?? '');
      lp.replace(values);
    },
  };
}

type List = Pick<
  ReturnType<typeof useList>,
  'data' | 'error' | 'pages' | 'params' | 'pageSize' | 'activeFilters' | 'clearFilters'
>;

/**
 * The search box and the filters of a list. On a wide screen they stand in a row; on a phone the
 * search stays and the filters wait behind one "Filter (n)" button, so the first result is in view.
 */
export function ListFilters(p: { list: List; search?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const wide = useWideScreen();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  const n = p.list.activeFilters;
  const reset = n > 0 && (
    <Button variant="subtle" onClick={p.list.clearFilters}>
      {t('common.resetFilters')}
    </Button>
  );
  if (wide)
    return (
      <Group gap="sm" align="flex-end" wrap="wrap">
        {p.search}
        {p.children}
        {reset}
      </Group>
    );
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Box style={{ flex: 1, minWidth: 0 }}>{p.search}</Box>
        {p.children && (
          <Button
            variant={n ? 'light' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={id}
            style={{ flexShrink: 0 }}
            data-testid="filter-toggle"
          >
            {n ? t('common.filtersActive', { n }) : t('common.filters')}
          </Button>
        )}
      </Group>
      {opened && (
        <Stack id={id} gap="sm" data-testid="filters">
          {p.children}
          {reset}
        </Stack>
      )}
    </Stack>
  );
}

/** The table of a list page (cards on a phone): its error, rows, the empty state and the pages. */
export function ListTable<T>({
  list,
  ...table
}: Omit<DataTableProps<T>, 'items'> & { list: List & { items: T[] } }) {
  const { t } = useTranslation();
  const { data, error } = list;
  return (
    <>
      <ErrorAlert error={error} />
      <DataTable items={list.items} {...table} />
      {data && data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      <Pager list={list} />
    </>
  );
}

/** Which items of how many are shown, and the pages, each control named for what it does (WCAG 4.1.2). */
export function Pager({ list }: { list: List }) {
  const { t } = useTranslation();
  const wide = useWideScreen();
  const { data, pages, params, pageSize } = list;
  if (!data || pages <= 1) return null;
  const from = (data.offset ?? (params.page - 1) * pageSize) + 1;
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="list-range">
        {t('common.range', { from, to: from + data.items.length - 1, total: data.total })}
      </Text>
      <Box component="nav" aria-label={t('common.pages')}>
        <Pagination
          total={pages}
          value={params.page}
          onChange={params.setPage}
          siblings={wide ? 1 : 0}
          getItemProps={(page) => ({
            'aria-label': t('common.page', { page }),
            'aria-current': page === params.page ? 'page' : undefined,
          })}
          getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
        />
      </Box>
    </Group>
  );
}
