/**
 * `PageNumber` (>= 1, default 1) and `PageSize` (1..50, default 10), echoed with `TotalCount`.
 * Items come in creation order (the store's insertion order), so consecutive pages never overlap
 * or skip while nothing is created or deleted in between.
 */
import type { Params } from './params';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
const MAX_PAGE_NUMBER = 1_000_000_000;

export interface Page {
  pageNumber: number;
  pageSize: number;
}

export function parsePage(params: Params): Page {
  return {
    pageNumber: params.integer('PageNumber', 1, MAX_PAGE_NUMBER) ?? 1,
    pageSize: params.integer('PageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

export interface PagedBody {
  PageNumber: number;
  PageSize: number;
  TotalCount: number;
}

export function paginate<T>(items: readonly T[], page: Page): { slice: T[]; echo: PagedBody } {
  const start = (page.pageNumber - 1) * page.pageSize;
  return {
    slice: items.slice(start, start + page.pageSize),
    echo: { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: items.length },
  };
}
