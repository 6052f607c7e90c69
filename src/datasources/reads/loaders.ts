/**
 * Per-GraphQL-request DataLoaders: every `physicalConnection(id)`, `vbrsOfPhysicalConnection(id)`
 * and `vbr(id)` asked for in one tick becomes a handful of upstream calls instead of one each.
 *
 * - circuits by id: one DescribePhysicalConnections per region and per 50 ids
 *   (`Filter.1.Key=PhysicalConnectionId` with many values);
 * - VBRs by circuit: ONE DescribeVirtualBorderRouters walk per region and per 50 circuits
 *   (`PhysicalConnectionId` filter, cross-account VBRs included), page 1 first, then all the other
 *   pages concurrently;
 * - VBRs by id: the same with the `VbrId` filter.
 *
 * Whatever a call returns primes the by-id loaders, so `vbr.physicalConnection` after a list costs
 * nothing. A failed chunk fails only its own keys; an item the mappers rejected fails only the
 * key(s) it belongs to.
 */
import DataLoader from 'dataloader';
import { UpstreamError } from '../errors';
import type { PhysicalConnection, Vbr } from '../models';
import type { UnexpectedValueEvent } from '../options';
import { MAX_FILTER_VALUES, MAX_PAGE_SIZE } from '../operations/validation';
import type { VpcApi } from '../operations/vpc-api';
import type { ListResult, RejectedItem } from '../operations/requests';

/** Largest number of filter values the gateway puts into one upstream call (documented). */
const MAX_IDS_PER_CALL = MAX_FILTER_VALUES;
/**
 * A walk refuses a list longer than this many pages (10 000 items) rather than fan out without
 * bound. It fails instead of stopping there: a truncated VBR list would make a circuit look freer
 * of VBRs than it is.
 */
export const MAX_PAGES_PER_WALK = 200;
/** Pages of one walk fetched at the same time. */
const PAGE_CONCURRENCY = 8;

const SEP = '\u0000';
export const loaderKey = (regionId: string, id: string): string => `${regionId}${SEP}${id}`;

function splitKey(key: string): { regionId: string; id: string } {
  const at = key.indexOf(SEP);
  return { regionId: key.slice(0, at), id: key.slice(at + 1) };
}

/** Keys grouped by region, each group cut into chunks of at most `size` ids. */
function chunksByRegion(keys: readonly string[], size: number): { regionId: string; ids: string[] }[] {
  const byRegion = new Map<string, string[]>();
  for (const key of keys) {
    const { regionId, id } = splitKey(key);
    const ids = byRegion.get(regionId) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byRegion.set(regionId, ids);
  }
  const out: { regionId: string; ids: string[] }[] = [];
  for (const [regionId, ids] of byRegion) {
    for (let i = 0; i < ids.length; i += size) out.push({ regionId, ids: ids.slice(i, i + size) });
  }
  return out;
}

/**
 * `fn` over `items`, at most `limit` at a time. The first failure fails the whole and stops the
 * other workers from starting new items: the result is lost anyway, so more upstream calls
 * would only spend the rate limit (the ones already in flight are left to finish).
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

function tooLong(subject: WalkSubject, first: ListResult<unknown>, pageSize: number, pageCount: number | null): UpstreamError {
  subject.report({
    action: subject.action,
    resourceId: null,
    field: 'TotalCount',
    value: first.totalCountReported ? String(first.totalCount) : '',
    consequence: 'list-refused',
  });
  const size =
    pageCount === null
      ? `reports no TotalCount and still had full pages of ${pageSize} after ${MAX_PAGES_PER_WALK} pages`
      : `reports ${first.totalCount} items (${pageCount} pages of ${pageSize})`;
  return new UpstreamError({
    kind: 'UNKNOWN',
    code: 'Gateway.ListTooLong',
    httpStatus: 200,
    requestId: first.requestId,
    hostId: null,
    action: subject.action,
    message:
      `${subject.action} ${size}; the gateway reads at most ${MAX_PAGES_PER_WALK} pages per list and refuses to answer ` +
      `with an incomplete one`,
    retryable: false,
  });
}

/** Items the upstream put on a page, the ones the mappers rejected included. */
const itemsOn = (page: ListResult<unknown>): number => page.items.length + page.rejected.length;

/**
 * Without `TotalCount` the number of pages is unknown, so the pages are read one after the other
 * until one comes back short (as Terraform's provider walks these lists). Refusing the list
 * instead would make one missing field fail every console list; guessing "one page" would drop
 * VBRs silently.
 */
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

/**
 * Every page of a list: page 1 tells the total, then the rest concurrently (latency matters more
 * than the order). Items seen twice (the list shifted between pages) are kept once. A list of
 * more than MAX_PAGES_PER_WALK pages fails (`Gateway.ListTooLong`), after page 1 when its
 * `TotalCount` says so. A page 1 without `TotalCount` is followed by the next pages one by one
 * (`pagesUntilShort`).
 */
export async function walkAllPages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<ListResult<T>>,
  idOf: (item: T) => string,
  subject: WalkSubject,
): Promise<{ items: T[]; rejected: RejectedItem[] }> {
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

/** The circuits a VBR hangs off: its own, plus any in its associated-connection list. */
function circuitsOf(vbr: Vbr): string[] {
  const ids = new Set<string>();
  if (vbr.physicalConnectionId) ids.add(vbr.physicalConnectionId);
  for (const a of vbr.associatedPhysicalConnections) if (a.physicalConnectionId) ids.add(a.physicalConnectionId);
  return [...ids];
}

export class RequestLoaders {
  readonly physicalConnection: DataLoader<string, PhysicalConnection | null>;
  readonly vbrsOfPhysicalConnection: DataLoader<string, Vbr[]>;
  readonly vbr: DataLoader<string, Vbr | null>;

  constructor(
    private readonly api: VpcApi,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.physicalConnection = new DataLoader((keys) => this.loadPhysicalConnections(keys));
    this.vbrsOfPhysicalConnection = new DataLoader((keys) => this.loadVbrsOfCircuits(keys));
    this.vbr = new DataLoader((keys) => this.loadVbrs(keys));
  }

  private get options(): { signal?: AbortSignal } {
    return this.signal ? { signal: this.signal } : {};
  }

  primePhysicalConnections(regionId: string, items: readonly PhysicalConnection[], rejected: readonly RejectedItem[] = []): void {
    for (const pc of items) this.physicalConnection.prime(loaderKey(regionId, pc.id), pc);
    for (const r of rejected) if (r.id) this.physicalConnection.prime(loaderKey(regionId, r.id), r.error);
  }

  primeVbrs(regionId: string, items: readonly Vbr[], rejected: readonly RejectedItem[] = []): void {
    for (const vbr of items) this.vbr.prime(loaderKey(regionId, vbr.id), vbr);
    for (const r of rejected) if (r.id) this.vbr.prime(loaderKey(regionId, r.id), r.error);
  }

  private async loadPhysicalConnections(keys: readonly string[]): Promise<(PhysicalConnection | null | Error)[]> {
    const found = new Map<string, PhysicalConnection | Error>();
    await Promise.all(
      chunksByRegion(keys, MAX_IDS_PER_CALL).map(async ({ regionId, ids }) => {
        try {
          const { items, rejected } = await walkAllPages(
            (pageNumber, pageSize) =>
              this.api.describePhysicalConnections({ regionId, filter: { ids }, pageNumber, pageSize }, this.options),
            (pc) => pc.id,
            this.api.walkSubject('DescribePhysicalConnections'),
          );
          for (const pc of items) found.set(loaderKey(regionId, pc.id), pc);
          for (const r of rejected) if (r.id) found.set(loaderKey(regionId, r.id), r.error);
        } catch (error) {
          for (const id of ids) found.set(loaderKey(regionId, id), error as Error);
        }
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  }

  private async loadVbrsOfCircuits(keys: readonly string[]): Promise<(Vbr[] | Error)[]> {
    const result = new Map<string, Vbr[] | Error>();
    await Promise.all(
      chunksByRegion(keys, MAX_IDS_PER_CALL).map(async ({ regionId, ids }) => {
        const chunkKeys = ids.map((id) => loaderKey(regionId, id));
        try {
          const { items, rejected } = await walkAllPages(
            (pageNumber, pageSize) =>
              this.api.describeVirtualBorderRouters(
                { regionId, filter: { physicalConnectionIds: ids }, includeCrossAccountVbr: true, pageNumber, pageSize },
                this.options,
              ),
            (vbr) => vbr.id,
            this.api.walkSubject('DescribeVirtualBorderRouters'),
          );
          for (const key of chunkKeys) result.set(key, []);
          for (const vbr of items) {
            for (const circuit of circuitsOf(vbr)) {
              const list = result.get(loaderKey(regionId, circuit));
              if (Array.isArray(list)) list.push(vbr);
            }
          }
          this.primeVbrs(regionId, items, rejected);
          for (const r of rejected) failOwners(result, r, regionId, chunkKeys);
        } catch (error) {
          for (const key of chunkKeys) result.set(key, error as Error);
        }
      }),
    );
    return keys.map((k) => result.get(k) ?? []);
  }

  private async loadVbrs(keys: readonly string[]): Promise<(Vbr | null | Error)[]> {
    const found = new Map<string, Vbr | Error>();
    await Promise.all(
      chunksByRegion(keys, MAX_IDS_PER_CALL).map(async ({ regionId, ids }) => {
        try {
          const { items, rejected } = await walkAllPages(
            (pageNumber, pageSize) =>
              this.api.describeVirtualBorderRouters(
                { regionId, filter: { ids }, includeCrossAccountVbr: true, pageNumber, pageSize },
                this.options,
              ),
            (vbr) => vbr.id,
            this.api.walkSubject('DescribeVirtualBorderRouters'),
          );
          for (const vbr of items) found.set(loaderKey(regionId, vbr.id), vbr);
          for (const r of rejected) if (r.id) found.set(loaderKey(regionId, r.id), r.error);
        } catch (error) {
          for (const id of ids) found.set(loaderKey(regionId, id), error as Error);
        }
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  }
}

/**
 * A VBR the mappers rejected fails the list of the circuit it belongs to (hiding it could make a
 * circuit look free of VBRs); with no known circuit, every circuit of the chunk fails.
 */
function failOwners(result: Map<string, Vbr[] | Error>, rejected: RejectedItem, regionId: string, chunkKeys: readonly string[]): void {
  const error: UpstreamError = rejected.error;
  const ownerKey = rejected.ownerId ? loaderKey(regionId, rejected.ownerId) : null;
  const targets = ownerKey && chunkKeys.includes(ownerKey) ? [ownerKey] : chunkKeys;
  for (const key of targets) result.set(key, error);
}
