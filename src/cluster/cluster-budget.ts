/**
 * The cluster-wide upstream budget (docs/runtime.md#upstream-budget): every replica of one account
 * counts its calls in the same Redis, through rate-limiter-flexible's fixed windows, and waits in
 * the data source's queue (WaitingBudget) like the in-process budget does.
 *
 * Fixed windows under a sliding quota: the library counts per fixed window of d whole seconds (its
 * expiry unit), and windows are disjoint, so any span of L ms meets at most ceil(L / d) + 1 of them.
 * With L the quota's window plus the guard, `points = floor(calls / (ceil(L / d) + 1))` per window
 * can never exceed the quota in any sliding window; `planWindows` picks the d that allows the most
 * (300/60: 9 calls per 2 s, 270 a minute, 90% of the quota). Shared reads count in a second key of
 * their own, limited to the points minus the reserve, and in the first one too.
 *
 * Degraded mode: when Redis cannot answer, each replica lets through its share of the quota alone
 * (the quota divided by the replicas last seen), and keeps that local limit for one more window
 * after Redis returns, since the calls of the outage were counted nowhere else. Every call is
 * recorded locally in every mode, so the local count is right whenever it is needed.
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import {
  countedWindowMs,
  LocalLimiter,
  WaitingBudget,
  sharedCalls,
  systemClock,
  type BudgetClock,
  type BudgetCount,
  type BudgetKey,
  type BudgetObserver,
  type BudgetPriority,
  type Limiter,
  type Quota,
  type Take,
} from '../datasources/budget';
import type { ClusterLogger, RedisConnection } from './redis-connection';
import { ReplicaHeartbeat } from './replicas';

const KEY_PREFIX = 'vpcgw:budget';

export interface WindowPlan {
  /** One fixed window, in whole seconds. */
  windowSeconds: number;
  /** Calls per fixed window, all priorities. */
  points: number;
  /** Of which `shared` calls may use this many. */
  sharedPoints: number;
  /** What that allows per quota window at most (the effective quota). */
  callsPerQuotaWindow: number;
}

/** The fixed windows that allow the most calls without exceeding `quota`; null when none allows one. */
export function planWindows(quota: Quota): WindowPlan | null {
  const spanMs = countedWindowMs(quota.windowMs);
  let best: WindowPlan | null = null;
  for (let seconds = 1; seconds * 1000 <= quota.windowMs; seconds++) {
    const points = Math.floor(quota.calls / (Math.ceil(spanMs / (seconds * 1000)) + 1));
    // More calls per second wins; on a tie the shorter window (smaller bursts).
    if (points < 1 || (best !== null && points * best.windowSeconds <= best.points * seconds)) continue;
    best = {
      windowSeconds: seconds,
      points,
      sharedPoints: sharedCalls(points),
      callsPerQuotaWindow: Math.floor((points * quota.windowMs) / (seconds * 1000)),
    };
  }
  return best;
}

function redisKey(key: BudgetKey): string {
  return `${key.regionId === '' ? '-' : key.regionId}:${key.action}`;
}

/** Null when consumed; the library's wait when the window is full; throws when Redis fails. */
async function consume(limiter: RateLimiterRedis, key: string): Promise<Take | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return { granted: false, retryInMs: Math.max(1, error.msBeforeNext) };
    throw error;
  }
}

interface ClusterLimiterOptions {
  quota: Quota;
  plan: WindowPlan;
  redis: RedisConnection;
  logger: ClusterLogger;
  now: () => number;
  onDegradedChange: (degraded: boolean) => void;
}

class ClusterLimiter implements Limiter {
  private readonly all: RateLimiterRedis;
  private readonly shared: RateLimiterRedis;
  private readonly local: LocalLimiter;
  /** `starting`: Redis has not answered yet (nothing to recover from). */
  private mode: 'starting' | 'shared' | 'degraded' = 'starting';
  /** Until then every call also needs the local share (see the module comment). */
  private localUntil = 0;
  private replicas = 1;

  constructor(private readonly options: ClusterLimiterOptions) {
    const { plan, redis } = options;
    const common = { storeClient: redis.client, duration: plan.windowSeconds, rejectIfRedisNotReady: true };
    this.all = new RateLimiterRedis({ ...common, points: plan.points, keyPrefix: `${KEY_PREFIX}:all` });
    this.shared = new RateLimiterRedis({ ...common, points: plan.sharedPoints, keyPrefix: `${KEY_PREFIX}:shared` });
    this.local = new LocalLimiter(options.quota, options.now);
  }

  get degraded(): boolean {
    return this.mode !== 'shared';
  }

  /** The replicas last seen: a degraded replica's share is the quota divided by them. */
  setReplicas(replicas: number): void {
    this.replicas = replicas;
    this.local.setCalls(this.share());
  }

  async take(key: BudgetKey, priority: BudgetPriority): Promise<Take> {
    const { redis } = this.options;
    if (!redis.ready) {
      // Still connecting at start-up is not an outage yet: decide alone, quietly.
      if (redis.state !== 'connecting') this.degrade();
      return this.local.take(key, priority);
    }
    if (this.options.now() < this.localUntil || this.mode === 'degraded') {
      const local = this.local.check(key, priority);
      if (!local.granted) return local;
    }
    let answer: Take;
    try {
      answer = await this.sharedTake(redisKey(key), priority);
    } catch {
      redis.countError();
      this.degrade();
      return this.local.take(key, priority);
    }
    this.resumeShared();
    if (answer.granted) this.local.record(key);
    return answer;
  }

  used(): BudgetCount[] {
    return this.local.used();
  }

  /** Redis answers (again): the shared budget, with the local share kept one more window after an outage. */
  resumeShared(): void {
    if (this.mode === 'shared') return;
    const recovering = this.mode === 'degraded';
    this.mode = 'shared';
    if (recovering) {
      this.localUntil = this.options.now() + countedWindowMs(this.options.quota.windowMs);
      this.options.logger.info({ component: 'budget' }, 'upstream budget shared through Redis again');
    }
    this.options.onDegradedChange(false);
  }

  /** Redis cannot answer: this replica decides alone, within its share, until it does. */
  degrade(): void {
    if (this.mode === 'degraded') return;
    this.mode = 'degraded';
    const { quota } = this.options;
    this.options.logger.warn(
      { component: 'budget', replicas: this.replicas, callsPerWindow: this.share(), windowMs: quota.windowMs },
      'upstream budget degraded: this replica counts its own share of the quota until Redis returns',
    );
    this.options.onDegradedChange(true);
  }

  private share(): number {
    return Math.max(1, Math.floor(this.options.quota.calls / this.replicas));
  }

  private async sharedTake(key: string, priority: BudgetPriority): Promise<Take> {
    if (priority === 'shared') {
      const refused = await consume(this.shared, key);
      if (refused !== null) return refused;
    }
    const refused = await consume(this.all, key);
    if (refused !== null && priority === 'shared') {
      // Not sent after all: give the shared point back (best effort; the window ends soon anyway).
      await this.shared.reward(key, 1).catch(() => this.options.redis.countError());
    }
    return refused ?? { granted: true };
  }
}

export interface ClusterBudgetOptions {
  quota: Quota;
  redis: RedisConnection;
  logger: ClusterLogger;
  clock?: BudgetClock;
  observer?: BudgetObserver;
  /** Told when the budget turns per-process (true) or shared again (false). */
  onDegradedChange?: (degraded: boolean) => void;
  onReplicas?: (replicas: number) => void;
}

export interface ClusterBudget {
  budget: WaitingBudget;
  plan: WindowPlan;
  /** True while Redis cannot answer (and before it first did). */
  readonly degraded: boolean;
  readonly replicas: number;
  /** Stops the heartbeat and removes this replica from the count; the connection stays open. */
  close(): Promise<void>;
}

export function createClusterBudget(options: ClusterBudgetOptions): ClusterBudget {
  const plan = planWindows(options.quota);
  if (plan === null) throw new RangeError(`quota ${options.quota.calls}/${options.quota.windowMs / 1000} is too small to share through Redis`);
  const clock = options.clock ?? systemClock;
  const onDegradedChange = options.onDegradedChange ?? (() => undefined);
  const limiter = new ClusterLimiter({ quota: options.quota, plan, redis: options.redis, logger: options.logger, now: clock.now, onDegradedChange });
  const heartbeat = new ReplicaHeartbeat(options.redis, (replicas) => {
    limiter.setReplicas(replicas);
    options.onReplicas?.(replicas);
  });
  const unsubscribe = options.redis.subscribe((state) => {
    if (state === 'ready') {
      void heartbeat.beat();
      limiter.resumeShared();
    } else {
      limiter.degrade();
    }
  });
  if (options.redis.ready) limiter.resumeShared();
  heartbeat.start();
  return {
    budget: new WaitingBudget(limiter, clock, options.observer),
    plan,
    get degraded() {
      return limiter.degraded;
    },
    get replicas() {
      return heartbeat.replicas;
    },
    close: async () => {
      unsubscribe();
      await heartbeat.stop();
    },
  };
}
