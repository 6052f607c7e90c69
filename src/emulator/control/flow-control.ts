/**
 * Alibaba's API flow control as the emulator enforces it (docs/emulator.md#flow-control): at most
 * `calls` requests per sliding window of `windowMs`, per main account, region and action; beyond
 * it HTTP 400 `Throttling.User`, exactly as the real API answers.
 *
 * What counts: every authenticated request to a known action, whatever its outcome (a business
 * refusal still reached the API). A request refused as throttled is not counted (it does not push
 * the window further out), nor is one refused before authentication or cut by a fault that fires
 * before the operation runs.
 *
 * Invariants: no window ever holds more than `calls` admitted requests; memory is bounded
 * (`MAX_KEYS` windows, the least recently used dropped first, each at most `calls` timestamps).
 */
import { LRUCache } from 'lru-cache';
import { ApiError } from '../api-error';
import type { Rate } from '../../shared/settings';
import { CallCounters, type CallCountsSnapshot } from './counters';

export type FlowControlSetting = Rate | 'off';

/** Distinct (account, region, action) windows kept; a region id is the client's text, so this bounds it. */
const MAX_KEYS = 10_000;
const MAX_REGION_LENGTH = 64;

export interface FlowControlCall {
  accountId: string;
  /** `''` for a call without `RegionId` (DescribeRegions). */
  regionId: string;
  action: string;
}

export interface FlowControlWindow extends FlowControlCall {
  /** Requests admitted within the window ending now. */
  calls: number;
}

export interface FlowControlSnapshot {
  /** `{ calls, windowMs }`, or `off`. */
  limit: FlowControlSetting;
  /** Requests answered `Throttling.User`, by action. */
  throttled: CallCountsSnapshot;
  /** The non-empty windows, busiest first (then by action, region, account). */
  windows: FlowControlWindow[];
}

export const throttledError = (): ApiError => new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.');

interface Window {
  call: FlowControlCall;
  /** Admission times, oldest first. */
  times: number[];
}

export class FlowControl {
  private readonly windows = new LRUCache<string, Window>({ max: MAX_KEYS });
  private readonly throttled = new CallCounters();

  constructor(
    readonly limit: FlowControlSetting,
    private readonly now: () => number,
  ) {}

  /** Admits and counts the call, or throws `Throttling.User` (counted as throttled, not as a call). */
  admit(call: FlowControlCall): void {
    if (this.limit === 'off') return;
    const bounded = { ...call, regionId: call.regionId.slice(0, MAX_REGION_LENGTH) };
    const key = JSON.stringify([bounded.accountId, bounded.regionId, bounded.action]);
    let window = this.windows.get(key);
    if (window === undefined) {
      window = { call: bounded, times: [] };
      this.windows.set(key, window);
    }
    const now = this.now();
    this.expire(window, now);
    if (window.times.length >= this.limit.calls) {
      this.throttled.record(call.action);
      throw throttledError();
    }
    window.times.push(now);
  }

  snapshot(): FlowControlSnapshot {
    const now = this.now();
    const windows: FlowControlWindow[] = [];
    for (const window of this.windows.values()) {
      this.expire(window, now);
      if (window.times.length > 0) windows.push({ ...window.call, calls: window.times.length });
    }
    const order = (w: FlowControlWindow) => `${w.action}\n${w.regionId}\n${w.accountId}`;
    windows.sort((a, b) => b.calls - a.calls || (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    return { limit: this.limit, throttled: this.throttled.snapshot(), windows };
  }

  /** Every window emptied and the throttled counts zeroed (a reset). */
  clear(): void {
    this.windows.clear();
    this.throttled.clear();
  }

  private expire(window: Window, now: number): void {
    if (this.limit === 'off') return;
    const start = now - this.limit.windowMs;
    let expired = 0;
    while (expired < window.times.length && (window.times[expired] ?? now) <= start) expired += 1;
    if (expired > 0) window.times.splice(0, expired);
  }
}
