/**
 * The waiting half of every budget: calls of one (region, action) queue in priority order
 * (`critical` before `shared`, first come first served within each), ask a `Limiter` for capacity
 * one at a time, and wait, abortably, for the time the limiter names. A call whose deadline comes
 * before that time fails at once as `exhausted`, and none waits past its deadline.
 *
 * Why queue here and not just retry the limiter: one question per (region, action) at a time keeps
 * a flood of waiting reads from hammering a shared store, and the order gives `critical` calls the
 * first capacity that frees.
 *
 * Invariants: every `acquire` settles exactly once (granted, exhausted or cancelled); a `critical`
 * grant never goes to a `shared` call (that would spend the reserve); no timer outlives the calls
 * that need it.
 */
import type { BudgetKey, BudgetOutcome, BudgetPriority, BudgetRequest, UpstreamBudget } from './budget';
import type { Take } from './sliding-window';

/** Decides whether one call of `key` may go now (and counts it when it may). */
export interface Limiter {
  take(key: BudgetKey, priority: BudgetPriority): Take | Promise<Take>;
  /** Calls this process let through per (region, action) within the current window. */
  used(): BudgetCount[];
}

export interface BudgetCount extends BudgetKey {
  calls: number;
}

export interface WaitingCount extends BudgetCount {
  priority: BudgetPriority;
}

export interface BudgetEvent extends BudgetKey {
  priority: BudgetPriority;
  /** 0 when capacity was there at once. */
  waitedMs: number;
}

export interface BudgetObserver {
  onGranted?(e: BudgetEvent): void;
  /** Refused without being sent: no capacity before the deadline. */
  onExhausted?(e: BudgetEvent): void;
}

/** What the metrics read at scrape time. */
export interface BudgetStats {
  waiting(): WaitingCount[];
  used(): BudgetCount[];
}

export interface BudgetClock {
  now(): number;
  /** Runs `fn` after `ms`; returns the cancel. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: BudgetClock = {
  now: Date.now,
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

interface Waiter {
  key: BudgetKey;
  priority: BudgetPriority;
  deadline: number;
  since: number;
  finish(outcome: BudgetOutcome): void;
}

interface Lane {
  key: BudgetKey;
  queues: Record<BudgetPriority, Waiter[]>;
  pumping: boolean;
  /** A call arrived or a wait ended while pumping: look again afterwards. */
  again: boolean;
  wake: { at: number; cancel: () => void } | null;
}

export class WaitingBudget implements UpstreamBudget, BudgetStats {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly limiter: Limiter,
    private readonly clock: BudgetClock = systemClock,
    private readonly observer: BudgetObserver = {},
  ) {}

  acquire(request: BudgetRequest): Promise<BudgetOutcome> {
    const { signal } = request;
    if (signal?.aborted) return Promise.resolve('cancelled');
    const lane = this.lane({ regionId: request.regionId, action: request.action });
    return new Promise<BudgetOutcome>((resolve) => {
      const since = this.clock.now();
      let done = false;
      let cancelDeadline = (): void => undefined;
      const onAbort = () => waiter.finish('cancelled');
      const waiter: Waiter = {
        key: lane.key,
        priority: request.priority,
        deadline: request.deadline,
        since,
        finish: (outcome) => {
          if (done) return;
          done = true;
          const queue = lane.queues[waiter.priority];
          queue.splice(queue.indexOf(waiter), 1);
          cancelDeadline();
          signal?.removeEventListener('abort', onAbort);
          this.report(waiter, outcome);
          resolve(outcome);
          this.settleLane(lane);
        },
      };
      lane.queues[request.priority].push(waiter);
      cancelDeadline = this.clock.setTimer(() => waiter.finish('exhausted'), Math.max(0, request.deadline - since));
      signal?.addEventListener('abort', onAbort, { once: true });
      void this.pump(lane);
    });
  }

  waiting(): WaitingCount[] {
    const counts: WaitingCount[] = [];
    for (const lane of this.lanes.values()) {
      for (const priority of ['critical', 'shared'] as const) {
        const calls = lane.queues[priority].length;
        if (calls > 0) counts.push({ ...lane.key, priority, calls });
      }
    }
    return counts;
  }

  used(): BudgetCount[] {
    return this.limiter.used();
  }

  private lane(key: BudgetKey): Lane {
    const id = `${key.regionId}\n${key.action}`;
    let lane = this.lanes.get(id);
    if (lane === undefined) {
      lane = { key, queues: { critical: [], shared: [] }, pumping: false, again: false, wake: null };
      this.lanes.set(id, lane);
    }
    return lane;
  }

  /** Asks the limiter for the first waiting call, and the next, until it says wait. */
  private async pump(lane: Lane): Promise<void> {
    if (lane.pumping) {
      lane.again = true;
      return;
    }
    lane.pumping = true;
    try {
      for (;;) {
        const head = lane.queues.critical[0] ?? lane.queues.shared[0];
        if (head === undefined) break;
        const priority = head.priority;
        let take: Take;
        try {
          take = await this.limiter.take(lane.key, priority);
        } catch {
          // A limiter must answer (the cluster one falls back by itself); if one throws, the call
          // is still never sent over budget.
          take = { granted: false, retryInMs: 1_000 };
        }
        if (take.granted) {
          // The head may have left meanwhile (aborted, deadline): the next eligible call gets it.
          const winner = lane.queues.critical[0] ?? (priority === 'shared' ? lane.queues.shared[0] : undefined);
          winner?.finish('granted');
          continue;
        }
        const at = this.clock.now() + take.retryInMs;
        // A refused `critical` call means nobody can go before `at`; a refused `shared` one, no shared call.
        const blocked = priority === 'critical' ? [...lane.queues.critical, ...lane.queues.shared] : [...lane.queues.shared];
        for (const waiter of blocked) if (waiter.deadline < at) waiter.finish('exhausted');
        this.wakeAt(lane, at);
        break;
      }
    } finally {
      lane.pumping = false;
    }
    if (lane.again) {
      lane.again = false;
      await this.pump(lane);
    } else {
      this.settleLane(lane);
    }
  }

  private wakeAt(lane: Lane, at: number): void {
    if (lane.queues.critical.length + lane.queues.shared.length === 0) return;
    if (lane.wake !== null && lane.wake.at <= at) return;
    lane.wake?.cancel();
    const cancel = this.clock.setTimer(
      () => {
        lane.wake = null;
        void this.pump(lane);
      },
      Math.max(1, at - this.clock.now()),
    );
    lane.wake = { at, cancel };
  }

  /** An empty lane holds no timer and is forgotten (lanes are per region and action). */
  private settleLane(lane: Lane): void {
    if (lane.queues.critical.length + lane.queues.shared.length > 0) return;
    lane.wake?.cancel();
    lane.wake = null;
    if (!lane.pumping) this.lanes.delete(`${lane.key.regionId}\n${lane.key.action}`);
  }

  private report(waiter: Waiter, outcome: BudgetOutcome): void {
    const event: BudgetEvent = { ...waiter.key, priority: waiter.priority, waitedMs: this.clock.now() - waiter.since };
    try {
      if (outcome === 'granted') this.observer.onGranted?.(event);
      else if (outcome === 'exhausted') this.observer.onExhausted?.(event);
    } catch {
      // Observers must not break the gate.
    }
  }
}
