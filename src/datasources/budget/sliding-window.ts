/**
 * An exact sliding-window count per key: the times of the calls let through, oldest first. A call
 * may pass while fewer than its limit lie within the window ending now; otherwise the answer says
 * when the oldest call that keeps it out leaves the window.
 *
 * Invariant: a key never holds more times than the largest limit asked with (memory is
 * keys x calls); keys whose calls all left the window are dropped by `sweep`.
 */

export type Take = { granted: true } | { granted: false; retryInMs: number };

export class SlidingWindow {
  private readonly logs = new Map<string, number[]>();

  constructor(readonly windowMs: number) {}

  /** Lets one call through now when fewer than `limit` are within the window. */
  take(key: string, limit: number, now: number): Take {
    const answer = this.check(key, limit, now);
    if (answer.granted) this.live(key, now).push(now);
    return answer;
  }

  /** What `take` would answer, without counting anything. */
  check(key: string, limit: number, now: number): Take {
    const log = this.live(key, now);
    if (log.length < limit) return { granted: true };
    // Below the limit once the entry at index length - limit has left the window.
    const blocker = log[log.length - limit] ?? now;
    return { granted: false, retryInMs: Math.max(1, blocker + this.windowMs - now) };
  }

  /** Counts a call let through elsewhere (e.g. by a shared budget), with no limit. */
  record(key: string, now: number): void {
    this.live(key, now).push(now);
  }

  /** Calls within the window ending now. */
  count(key: string, now: number): number {
    return this.logs.has(key) ? this.live(key, now).length : 0;
  }

  keys(): IterableIterator<string> {
    return this.logs.keys();
  }

  /** Drops every key with no call left in the window. */
  sweep(now: number): void {
    for (const key of [...this.logs.keys()]) if (this.live(key, now).length === 0) this.logs.delete(key);
  }

  private live(key: string, now: number): number[] {
    let log = this.logs.get(key);
    if (log === undefined) {
      log = [];
      this.logs.set(key, log);
    }
    const start = now - this.windowMs;
    let expired = 0;
    while (expired < log.length && (log[expired] ?? now) <= start) expired += 1;
    if (expired > 0) log.splice(0, expired);
    return log;
  }
}
