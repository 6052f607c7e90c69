/**
 * The upstream budget's contract (docs/runtime.md#upstream-budget): every upstream attempt asks
 * for one call of its (region, action) before it is signed and sent. The data source defines it
 * and ships the in-process implementation; the cluster-wide one (src/cluster) implements the same
 * interface over Redis, so this layer never imports Redis.
 */
import type { Rate } from '../../shared/settings';

/**
 * `critical`: writes and fresh reads (a decision or a workflow's polling depends on them) may use
 * the whole quota. `shared`: every other read may use the quota minus the reserve, so reads
 * cannot starve a terminate.
 */
export type BudgetPriority = 'critical' | 'shared';

export interface BudgetKey {
  /** `''` for DescribeRegions, which is not regional. */
  regionId: string;
  action: string;
}

export interface BudgetRequest extends BudgetKey {
  priority: BudgetPriority;
  /** No grant after this (ms since the epoch, on the backend's clock): the logical call's retry budget. */
  deadline: number;
  /** The caller's cancellation: stops the wait at once. */
  signal?: AbortSignal;
}

/** `exhausted`: no capacity before the deadline; `cancelled`: the caller's signal aborted the wait. */
export type BudgetOutcome = 'granted' | 'exhausted' | 'cancelled';

export interface UpstreamBudget {
  /** Waits for capacity; never rejects. A `granted` call must then be sent (it is counted). */
  acquire(request: BudgetRequest): Promise<BudgetOutcome>;
}

/** A quota of upstream calls per window, per region and action (e.g. 300 per 60 s). */
export type Quota = Rate;

/** Alibaba's Express Connect quota per region, action and main account (reference 9.1). */
export const DEFAULT_UPSTREAM_QUOTA: Readonly<Quota> = Object.freeze({ calls: 300, windowMs: 60_000 });

/** The share of a quota only `critical` calls may use. */
export const RESERVE_SHARE = 0.2;

/**
 * Calls are counted over the quota's window plus this share of it (3 s of 60 s): a call counted
 * here reaches the upstream a little later, and by a varying delay (a new connection, a slower
 * route), so two calls one window apart here may be less than one window apart there.
 */
export const GUARD_SHARE = 0.05;

/** What `shared` calls may use of `calls`: 20% less, yet at least one call when there is one. */
export function sharedCalls(calls: number): number {
  return calls - Math.min(Math.ceil(calls * RESERVE_SHARE), calls - 1);
}

/** The window calls are counted over: the quota's own plus the guard. */
export function countedWindowMs(windowMs: number): number {
  return windowMs + Math.ceil(windowMs * GUARD_SHARE);
}
