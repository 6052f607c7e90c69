/**
 * Loading by id in batches: the keys of one DataLoader batch grouped by region and cut into chunks
 * of at most MAX_IDS_PER_CALL ids, each chunk one page walk of a list filtered by those ids.
 *
 * Invariants: a failed chunk fails only its own keys; an item the mappers rejected fails only its
 * own key; a key the upstream did not list is `null` (not found).
 */
import type { RegionId } from '../operations/validation';
import { MAX_FILTER_VALUES } from '../operations/validation';
import type { ListResult } from '../operations/requests';
import { walkAllPages, type WalkResult, type WalkSubject } from './page-walk';

/** Largest number of filter values the gateway puts into one upstream call (documented). */
const MAX_IDS_PER_CALL = MAX_FILTER_VALUES;

/** A region and an id, both validated at a public entry point. */
export interface ByIdKey {
  regionId: RegionId;
  id: string;
}

/** The DataLoader cache key of a `ByIdKey`. */
export const keyString = (key: ByIdKey): string => `${key.regionId}\u0000${key.id}`;

/** What to walk for a chunk of ids: one page of the list filtered by them, and how to read an item's id. */
export interface ByIdSource<T> {
  page(regionId: RegionId, ids: readonly string[], pageNumber: number, pageSize: number): Promise<ListResult<T>>;
  idOf(item: T): string;
  subject: WalkSubject;
}

export interface IdChunk {
  regionId: RegionId;
  ids: string[];
}

export type ChunkOutcome<T> = { chunk: IdChunk; walked: WalkResult<T> } | { chunk: IdChunk; error: Error };

function chunksByRegion(keys: readonly ByIdKey[]): IdChunk[] {
  const byRegion = new Map<RegionId, string[]>();
  for (const { regionId, id } of keys) {
    const ids = byRegion.get(regionId) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byRegion.set(regionId, ids);
  }
  const out: IdChunk[] = [];
  for (const [regionId, ids] of byRegion) {
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) out.push({ regionId, ids: ids.slice(i, i + MAX_IDS_PER_CALL) });
  }
  return out;
}

/** Every chunk of `keys` walked concurrently, each with its own outcome. */
export function walkChunks<T>(keys: readonly ByIdKey[], source: ByIdSource<T>): Promise<ChunkOutcome<T>[]> {
  return Promise.all(
    chunksByRegion(keys).map(async (chunk): Promise<ChunkOutcome<T>> => {
      try {
        const walked = await walkAllPages(
          (pageNumber, pageSize) => source.page(chunk.regionId, chunk.ids, pageNumber, pageSize),
          (item) => source.idOf(item),
          source.subject,
        );
        return { chunk, walked };
      } catch (error) {
        return { chunk, error: error as Error };
      }
    }),
  );
}

/** A DataLoader batch of by-id loads: each key gets its item, its item's or chunk's error, or null. */
export async function loadByIds<T>(keys: readonly ByIdKey[], source: ByIdSource<T>): Promise<(T | Error | null)[]> {
  const found = new Map<string, T | Error>();
  for (const outcome of await walkChunks(keys, source)) {
    const { regionId, ids } = outcome.chunk;
    if ('error' in outcome) {
      for (const id of ids) found.set(keyString({ regionId, id }), outcome.error);
      continue;
    }
    for (const item of outcome.walked.items) found.set(keyString({ regionId, id: source.idOf(item) }), item);
    for (const r of outcome.walked.rejected) if (r.id) found.set(keyString({ regionId, id: r.id }), r.error);
  }
  return keys.map((key) => found.get(keyString(key)) ?? null);
}
