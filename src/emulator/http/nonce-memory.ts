/**
 * Remembers signature nonces per access key so a replayed request gets `SignatureNonceUsed`.
 *
 * A nonce only needs remembering while its request could still pass the 15-minute timestamp
 * check, so each entry lives until `max(now, requestTime) + window`. The memory is hard-bounded:
 * past `maxEntries` the oldest entries are forgotten first (a flood of fresh nonces can then make
 * an old one replayable, which is the documented price of not growing without bound).
 */
export const NONCE_WINDOW_MS = 15 * 60 * 1000;

export class NonceMemory {
  /** Insertion order = roughly expiry order, so pruning walks from the front. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly windowMs = NONCE_WINDOW_MS,
  ) {}

  /** Records the nonce; false when this access key already used it within the window. */
  remember(accessKeyId: string, nonce: string, requestTimeMs: number, nowMs: number): boolean {
    this.prune(nowMs);
    const key = `${accessKeyId}\n${nonce}`;
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > nowMs) return false;
    this.expiries.delete(key);
    this.expiries.set(key, Math.max(nowMs, requestTimeMs) + this.windowMs);
    while (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next();
      if (oldest.done) break;
      this.expiries.delete(oldest.value);
    }
    return true;
  }

  clear(): void {
    this.expiries.clear();
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(nowMs: number): void {
    // Stops at the first live entry: a later-inserted entry may expire earlier when a client sent
    // a future timestamp, which only delays its removal; `remember` checks expiry anyway.
    for (const [key, expiry] of this.expiries) {
      if (expiry > nowMs) break;
      this.expiries.delete(key);
    }
  }
}
