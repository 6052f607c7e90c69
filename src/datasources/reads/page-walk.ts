/**
 * Every page of one list: page 1, then the rest at most PAGE_CONCURRENCY at a time, items seen
 * twice kept once (docs/datasource.md#batching-per-graphql-request); a list paged by token, one page
 * after the other.
 *
 * Invariants: at most MAX_PAGES_PER_WALK pages, a longer list fails whole (`Gateway.ListTooLong`)
 * rather than answer with part of it; the first failed page fails the walk and starts no other.
 */
import { UpstreamError } from '../errors';
import type { UnexpectedValueEvent } from '../options';
import type { ListResult, RejectedItem, TokenPage } from '../operations/requests';
import { MAX_PAGE_SIZE } from '../operations/validation';

/** 10 000 items; a longer list fails rather than answer truncated (a circuit would look freer of VBRs). */
export const MAX_PAGES_PER_WALK = 200;
/** Pages of one walk fetched at the same time. */
const PAGE_CONCURRENCY = 8;

/**
 * `fn` over `items`, at most `limit` at a time. The first failure fails the whole and starts no
 * further item (the result is lost anyway); the ones in flight are left to finish.
 */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(workers);
  return results;
}

/** What a walk lists, for the error and the `onUnexpectedValue` report of a list too long to walk. */
export interface WalkSubject {
  action: string;
  report(e: UnexpectedValueEvent): void;
}

/** `Gateway.ListTooLong`, reported through `onUnexpectedValue` (field `TotalCount`, `list-refused`). */
function listTooLong(subject: WalkSubject, requestId: string, reportedTotal: string, size: string): UpstreamError {
  subject.report({ action: subject.action, resourceId: null, field: 'TotalCount', value: reportedTotal, consequence: 'list-refused' });
  return new UpstreamError({
    kind: 'UNKNOWN',
    code: 'Gateway.ListTooLong',
    httpStatus: 200,
    requestId,
    hostId: null,
    action: subject.action,
    message:
      `${subject.action} ${size}; the gateway reads at most ${MAX_PAGES_PER_WALK} pages per list and refuses to answer ` +
      `with an incomplete one`,
    retryable: false,
  });
}

function tooLong(subject: WalkSubject, first: ListResult<unknown>, pageSize: number, pageCount: number | null): UpstreamError {
  const size =
    pageCount === null
      ? `reports no TotalCount and still had full pages of ${pageSize} after ${MAX_PAGES_PER_WALK} pages`
      : `reports ${first.totalCount} items (${pageCount} pages of ${pageSize})`;
  return listTooLong(subject, first.requestId, first.totalCountReported ? String(first.totalCount) : '', size);
}

/** Items the upstream put on a page, the ones the mappers rejected included. */
const itemsOn = (page: ListResult<unknown>): number => page.items.length + page.rejected.length;

/** Without `TotalCount`: the next page, one at a time, until one comes back short. */
async function pagesUntilShort<T>(
  first: ListResult<T>,
  fetchPage: (pageNumber: number, pageSize: number) => Promise<ListResult<T>>,
  pageSize: number,
  subject: WalkSubject,
): Promise<ListResult<T>[]> {
  const pages = [first];
  if (itemsOn(first) < pageSize) return pages;
  subject.report({ action: subject.action, resourceId: null, field: 'TotalCount', value: '', consequence: 'walked-to-short-page' });
  for (let last = first; itemsOn(last) >= pageSize; ) {
    if (pages.length >= MAX_PAGES_PER_WALK) throw tooLong(subject, first, pageSize, null);
    last = await fetchPage(pages.length + 1, pageSize);
    pages.push(last);
  }
  return pages;
}

/** The items of every page (the list may shift between pages: an item seen twice is kept once). */
export interface WalkResult<T> {
  items: T[];
  rejected: RejectedItem[];
}

function collect<T>(pages: ReadonlyArray<{ items: T[]; rejected: RejectedItem[] }>, idOf: (item: T) => string): WalkResult<T> {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      const id = idOf(item);
      if (!seen.has(id)) {
        seen.add(id);
        items.push(item);
      }
    }
  }
  return { items, rejected: pages.flatMap((p) => p.rejected) };
}

/** Every page of a list: page 1 tells the total (or has none: `pagesUntilShort`), then the rest concurrently. */
export async function walkAllPages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<ListResult<T>>,
  idOf: (item: T) => string,
  subject: WalkSubject,
): Promise<WalkResult<T>> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  // Page numbers only line up with the size the upstream actually used.
  const pageSize = first.pageSize >= 1 && first.pageSize <= MAX_PAGE_SIZE ? first.pageSize : MAX_PAGE_SIZE;
  let pages: ListResult<T>[];
  if (first.totalCountReported) {
    const pageCount = Math.ceil(first.totalCount / pageSize);
    if (pageCount > MAX_PAGES_PER_WALK) throw tooLong(subject, first, pageSize, pageCount);
    const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
    pages = [first, ...(await mapLimit(rest, PAGE_CONCURRENCY, (n) => fetchPage(n, pageSize)))];
  } else {
    pages = await pagesUntilShort(first, fetchPage, pageSize, subject);
  }
  return collect(pages, idOf);
}

/**
 * Every page of a list paged by token (ListVirtualPhysicalConnections): one after the other, each
 * asking with the previous page's token, until a page has none. A list still going after
 * MAX_PAGES_PER_WALK pages fails whole (so does an upstream that hands out the same token again:
 * it never ends).
 */
export async function walkAllTokens<T>(
  fetchPage: (nextToken: string | undefined) => Promise<TokenPage<T>>,
  idOf: (item: T) => string,
  subject: WalkSubject,
): Promise<WalkResult<T>> {
  const pages: TokenPage<T>[] = [];
  let token: string | undefined;
  do {
    if (pages.length >= MAX_PAGES_PER_WALK) {
      const first = pages[0] as TokenPage<T>;
      const reportedTotal = first.totalCount === null ? '' : String(first.totalCount);
      throw listTooLong(subject, first.requestId, reportedTotal, `still had a NextToken after ${MAX_PAGES_PER_WALK} pages`);
    }
    const page = await fetchPage(token);
    pages.push(page);
    token = page.nextToken ?? undefined;
  } while (token !== undefined);
  return collect(pages, idOf);
}
