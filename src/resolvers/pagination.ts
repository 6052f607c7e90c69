/**
 * Relay pagination over upstream PageNumber/PageSize. A cursor is an opaque, versioned offset; a
 * window that is aligned to `first` (the normal case: same `first` on every page) costs one
 * upstream call, an unaligned one at most two.
 */
import type { Page } from '../datasources/models';
import type { PageRequest } from '../datasources/types';
import { BadUserInputError } from '../schema/errors';
import type { Connection } from '../schema/types/connections';

export const DEFAULT_PAGE_SIZE = 20;
/** The upstream PageSize maximum. */
export const MAX_PAGE_SIZE = 50;
/** Far beyond any account's circuit count; keeps PageNumber arithmetic small. */
const MAX_OFFSET = 100_000;
const CURSOR_PREFIX = 'v1:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): number {
  const invalid = () => new BadUserInputError(field, `${field} is not a cursor returned by this API.`);
  if (cursor.length === 0 || cursor.length > 32 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:(0|[1-9][0-9]{0,5})$/.exec(decoded);
  const offset = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!Number.isSafeInteger(offset) || offset > MAX_OFFSET) throw invalid();
  return offset;
}

export interface PageWindow {
  /** 0-based index of the first item to return. */
  offset: number;
  first: number;
}

export function pageWindow(first: number | null | undefined, after: string | null | undefined): PageWindow {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `first must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const offset = after === null || after === undefined ? 0 : decodeCursor(after) + 1;
  return { offset, first: size };
}

/** Fetches the window through `fetchPage` and shapes it as a Relay connection. */
export async function paginate<T>(
  window: PageWindow,
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
): Promise<Connection<T>> {
  const { offset, first } = window;
  const pageNumber = Math.floor(offset / first) + 1;
  const skip = offset % first;
  const head = await fetchPage({ pageNumber, pageSize: first });
  let items = head.items.slice(skip);
  let totalCount = head.totalCount;
  if (skip > 0 && items.length < first && pageNumber * first < totalCount) {
    const next = await fetchPage({ pageNumber: pageNumber + 1, pageSize: first });
    items = items.concat(next.items.slice(0, first - items.length));
    totalCount = next.totalCount;
  }
  items = items.slice(0, first);

  const edges = items.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
