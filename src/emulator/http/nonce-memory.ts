/**
 * Signature nonces seen per access key, so a replayed request gets `SignatureNonceUsed`.
 * Invariants: a nonce is refused until `max(now, requestTime) + window` (as long as its timestamp
 * could pass the 15-minute check); at most `maxEntries` are kept, the least recently stored
 * forgotten first (docs/emulator.md#nonce-memory says what that bound costs).
 */
import { LRUCache } from 'lru-cache';

export const NONCE_WINDOW_MS = 15 * 60 * 1000;

export class NonceMemory {
  private readonly seen: LRUCache<string, true>;
  private nextPurge: number;

  constructor(
    private readonly now: () => number,
    maxEntries = 100_000,
    private readonly windowMs = NONCE_WINDOW_MS,
  ) {
    // ttlResolution 0: staleness reads the injected clock every time (no cached time, no timer).
    this.seen = new LRUCache({ max: maxEntries, ttlResolution: 0, perf: { now } });
    this.nextPurge = now() + windowMs;
  }

  /** Records the nonce; false when this access key already used it within the window. */
  remember(accessKeyId: string, nonce: string, requestTimeMs: number): boolean {
    const now = this.now();
    if (now >= this.nextPurge) {
      // Expired entries are already ignored; dropping them once a window keeps memory near the live set.
      this.seen.purgeStale();
      this.nextPurge = now + this.windowMs;
    }
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, true, { ttl: Math.max(0, requestTimeMs - now) + this.windowMs });
    return true;
  }

  clear(): void {
    this.seen.clear();
  }

  get size(): number {
    return this.seen.size;
  }
}
