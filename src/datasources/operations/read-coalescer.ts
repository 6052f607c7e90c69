/**
 * Cross-request read sharing: identical reads in flight share one upstream call, and successes may
 * be reused from a bounded TTL cache (`lru-cache`); a write drops its region's cache and keeps the
 * reads in flight at that moment out of the cache. See docs/datasource.md#sharing-reads-across-requests.
 *
 * Coalescing is hand-written: no library we know cancels a shared call only once its last waiter
 * has left, or keeps an answer a write overtook out of the cache.
 *
 * Invariants: keys are exact (action, region, every wire parameter); shared results are read-only
 * by contract; fresh reads never come here (read-operations.ts).
 */
import { LRUCache } from 'lru-cache';

export interface ReadSharingSettings {
  coalesce: boolean;
  /** 0 disables the cache. */
  cacheTtlMs: number;
  /** The least recently used entries are evicted beyond this. */
  cacheMaxEntries: number;
}

export type SharedSource = 'coalesced' | 'cache';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
  scope: string;
  /** A write in its scope happened while it was in flight: what it read may be outdated. */
  invalidated: boolean;
}

interface CacheEntry<T> {
  value: T;
  scope: string;
}

export interface SharedReadRequest<T> {
  /** Identity of the read: equal keys are interchangeable. */
  key: string;
  /** What a write invalidates (the region). */
  scope: string;
  /** Starts the upstream read; the signal aborts it when nobody waits any more. */
  fetch: (signal: AbortSignal) => Promise<T>;
  /** The caller's signal (its GraphQL request). */
  signal?: AbortSignal;
  /** The error a caller gets when its own signal aborts while waiting. */
  cancelled: () => Error;
  /** Told when the caller is served without an upstream call of its own. */
  onShared?: (source: SharedSource) => void;
}

export class ReadCoalescer<T> {
  private readonly flights = new Map<string, Flight<T>>();
  /** Null when the cache is off (`cacheTtlMs` 0). */
  private readonly cache: LRUCache<string, CacheEntry<T>> | null;
  /** Every call in flight, joinable or not (with coalescing off, `flights` holds none). */
  private readonly pending = new Set<Flight<T>>();

  constructor(
    private readonly settings: ReadSharingSettings,
    now: () => number = Date.now,
  ) {
    this.cache =
      settings.cacheTtlMs > 0
        ? new LRUCache<string, CacheEntry<T>>({
            max: settings.cacheMaxEntries,
            ttl: settings.cacheTtlMs,
            // The injected clock, read on every lookup (no 1 ms reuse of an earlier reading).
            perf: { now },
            ttlResolution: 0,
          })
        : null;
  }

  get enabled(): boolean {
    return this.settings.coalesce || this.settings.cacheTtlMs > 0;
  }

  read(req: SharedReadRequest<T>): Promise<T> {
    if (req.signal?.aborted) return Promise.reject(req.cancelled());
    const cached = this.cache?.get(req.key);
    if (cached !== undefined) {
      req.onShared?.('cache');
      return Promise.resolve(cached.value);
    }
    const joined = this.settings.coalesce ? this.flights.get(req.key) : undefined;
    if (joined !== undefined) req.onShared?.('coalesced');
    return this.wait(joined ?? this.start(req), req);
  }

  /** After a write in `scope`: nothing read before it is reused. */
  invalidate(scope: string): void {
    if (this.cache) {
      const dropped = [...this.cache.entries()].filter(([, entry]) => entry.scope === scope);
      for (const [key] of dropped) this.cache.delete(key);
    }
    for (const [key, flight] of this.flights) if (flight.scope === scope) this.flights.delete(key);
    for (const flight of this.pending) if (flight.scope === scope) flight.invalidated = true;
  }

  /** What it holds: joinable calls in flight, all calls in flight, cache entries (all bounded). */
  get size(): { flights: number; pending: number; cached: number } {
    return { flights: this.flights.size, pending: this.pending.size, cached: this.cache?.size ?? 0 };
  }

  private start(req: SharedReadRequest<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { promise: req.fetch(controller.signal), controller, waiters: 0, scope: req.scope, invalidated: false };
    if (this.settings.coalesce) this.flights.set(req.key, flight);
    this.pending.add(flight);
    // Settled, not cancelled, ends `pending`: a cancelled call may still answer, and a write
    // meanwhile must still keep that answer out of the cache.
    const settled = () => {
      this.forget(req.key, flight);
      this.pending.delete(flight);
    };
    flight.promise.then(
      (value) => {
        settled();
        if (!flight.invalidated) this.cache?.set(req.key, { value, scope: req.scope });
      },
      settled,
    );
    return flight;
  }

  private forget(key: string, flight: Flight<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  /** The caller's view of a flight: its own cancellation, the shared outcome otherwise. */
  private wait(flight: Flight<T>, req: SharedReadRequest<T>): Promise<T> {
    flight.waiters++;
    const { signal } = req;
    if (signal === undefined) return flight.promise;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        flight.waiters--;
        if (flight.waiters === 0) {
          // Nobody wants the answer: stop the call, and let no later caller join a cancelled one.
          this.forget(req.key, flight);
          flight.controller.abort();
        }
        reject(req.cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
