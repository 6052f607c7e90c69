/**
 * Cross-request read sharing, process-wide (DataLoaders only batch within one GraphQL request):
 *
 * - Coalescing (on by default): identical reads in flight at the same time, e.g. many consoles
 *   polling the same list, become ONE upstream call whose result every caller gets. A caller that
 *   goes away stops waiting at once; the shared call is cancelled only when no caller is left.
 *   Failures are shared with the callers of that call and then forgotten (never cached).
 * - A short TTL cache (off by default): a successful read is reused for `cacheTtlMs`.
 * - Writes invalidate their region: cached reads are dropped, and reads already in flight are
 *   neither cached nor joined any more (they may predate the write).
 *
 * Decisions before a destructive call must not see shared data: callers pass `fresh` reads around
 * this class entirely (vpc-api.ts). Keys are exact (action, region, every wire parameter), and the
 * backend has one identity (one credential chain), so sharing never crosses accounts.
 *
 * Shared results are handed to several requests: they are read-only by contract (the mappers build
 * them, nothing downstream mutates models).
 */

export interface ReadSharingSettings {
  coalesce: boolean;
  /** 0 disables the cache. */
  cacheTtlMs: number;
  /** Oldest entries are evicted beyond this. */
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
  expiresAt: number;
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
  private readonly cache = new Map<string, CacheEntry<T>>();
  /** Every call in flight, joinable or not (with coalescing off, `flights` holds none). */
  private readonly pending = new Set<Flight<T>>();

  constructor(
    private readonly settings: ReadSharingSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.settings.coalesce || this.settings.cacheTtlMs > 0;
  }

  read(req: SharedReadRequest<T>): Promise<T> {
    if (req.signal?.aborted) return Promise.reject(req.cancelled());
    const cached = this.cached(req.key);
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
    for (const [key, entry] of this.cache) if (entry.scope === scope) this.cache.delete(key);
    for (const [key, flight] of this.flights) if (flight.scope === scope) this.flights.delete(key);
    for (const flight of this.pending) if (flight.scope === scope) flight.invalidated = true;
  }

  /** What it holds: joinable calls in flight, all calls in flight, cache entries (all bounded). */
  get size(): { flights: number; pending: number; cached: number } {
    return { flights: this.flights.size, pending: this.pending.size, cached: this.cache.size };
  }

  private cached(key: string): CacheEntry<T> | undefined {
    if (this.settings.cacheTtlMs <= 0) return undefined;
    const entry = this.cache.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.cache.delete(key);
    return undefined;
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
        if (this.settings.cacheTtlMs > 0 && !flight.invalidated) this.store(req.key, req.scope, value);
      },
      settled,
    );
    return flight;
  }

  private forget(key: string, flight: Flight<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  private store(key: string, scope: string, value: T): void {
    this.cache.delete(key);
    this.cache.set(key, { value, expiresAt: this.now() + this.settings.cacheTtlMs, scope });
    while (this.cache.size > this.settings.cacheMaxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done) break;
      this.cache.delete(oldest.value);
    }
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
