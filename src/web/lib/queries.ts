import { type QueryKey, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { getJson, type QueryParams, query } from './http';

/**
 * The query options of a list endpoint for the list helper (`ui/list`): one page for the given
 * filters, under the key its domain's key factory gives, typed by the contract of the page.
 */
export const pageQuery =
  <S extends z.ZodType, K extends QueryKey = QueryKey>(key: (params: QueryParams) => K, path: string) =>
  (params: QueryParams) =>
    queryOptions({ queryKey: key(params), queryFn: () => getJson<S>(`${path}${query(params)}`) });
