/**
 * The in-process budget (the default, and what every replica falls back to without Redis): an
 * exact sliding window per (region, action) over the quota's window plus the guard; `shared`
 * calls may fill it up to the quota minus the reserve, `critical` ones to the whole quota.
 */
import { countedWindowMs, sharedCalls, type BudgetKey, type BudgetPriority, type Quota } from './budget';
import { SlidingWindow, type Take } from './sliding-window';
import { WaitingBudget, systemClock, type BudgetClock, type BudgetCount, type BudgetObserver, type Limiter } from './waiting-budget';

/** How often keys with nothing in their window are dropped (memory stays near the live keys). */
const SWEEP_EVERY_TAKES = 1_000;

export function keyId(key: BudgetKey): string {
  return `${key.regionId}\n${key.action}`;
}

function keyOf(id: string): BudgetKey {
  const [regionId = '', action = ''] = id.split('\n');
  return { regionId, action };
}

export class LocalLimiter implements Limiter {
  private readonly window: SlidingWindow;
  private limits: Record<BudgetPriority, number>;
  private takes = 0;

  constructor(
    quota: Quota,
    private readonly now: () => number,
  ) {
    this.window = new SlidingWindow(countedWindowMs(quota.windowMs));
    this.limits = { critical: quota.calls, shared: sharedCalls(quota.calls) };
  }

  /** A new number of calls per window (a degraded replica's share); calls already counted stay. */
  setCalls(calls: number): void {
    this.limits = { critical: calls, shared: sharedCalls(calls) };
  }

  take(key: BudgetKey, priority: BudgetPriority): Take {
    const now = this.now();
    if (++this.takes % SWEEP_EVERY_TAKES === 0) this.window.sweep(now);
    return this.window.take(keyId(key), this.limits[priority], now);
  }

  /** What `take` would answer, without counting the call. */
  check(key: BudgetKey, priority: BudgetPriority): Take {
    return this.window.check(keyId(key), this.limits[priority], this.now());
  }

  /** Counts a call another limiter let through (the cluster budget keeps this log for degraded mode). */
  record(key: BudgetKey): void {
    this.window.record(keyId(key), this.now());
  }

  used(): BudgetCount[] {
    const now = this.now();
    this.window.sweep(now);
    return [...this.window.keys()].map((id) => ({ ...keyOf(id), calls: this.window.count(id, now) }));
  }
}

export interface LocalBudgetOptions {
  clock?: BudgetClock;
  observer?: BudgetObserver;
}

export function createLocalBudget(quota: Quota, options: LocalBudgetOptions = {}): WaitingBudget {
  const clock = options.clock ?? systemClock;
  return new WaitingBudget(new LocalLimiter(quota, clock.now), clock, options.observer);
}
