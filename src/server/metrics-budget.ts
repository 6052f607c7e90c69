/**
 * The upstream budget's and Redis's series in the gateway's registry (docs/runtime.md#metrics):
 * calls waiting and calls used (read from the budget at scrape time), waits, refusals, the
 * degraded state, the replicas seen, Redis errors.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BudgetObserver, BudgetStats } from '../datasources/budget';
import { BoundedLabel } from './bounded-label';

const WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30];

export class BudgetMetrics {
  private readonly regions = new BoundedLabel();
  private readonly actions = new BoundedLabel();
  private stats: BudgetStats | null = null;

  private readonly used: Gauge<'region' | 'action'>;
  private readonly waiting: Gauge<'region' | 'action' | 'priority'>;
  private readonly waits: Histogram<'action' | 'priority'>;
  private readonly exhausted: Counter<'region' | 'action' | 'priority'>;
  private readonly degraded: Gauge;
  private readonly replicas: Gauge;
  private readonly redisErrors: Counter;
  private readonly redisConnected: Gauge;

  constructor(registry: Registry) {
    const metrics = this;
    this.used = new Gauge({
      name: 'gateway_upstream_budget_used_calls',
      help: 'Upstream calls this replica let through within the counted window (the quota window plus 5%), by region and Action (sum the replicas for the account).',
      labelNames: ['region', 'action'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const c of metrics.stats?.used() ?? []) this.inc(metrics.labels(c), c.calls);
      },
    });
    this.waiting = new Gauge({
      name: 'gateway_upstream_budget_waiting_calls',
      help: 'Upstream calls waiting for budget now, by region, Action and priority (critical: writes and fresh reads; shared: other reads).',
      labelNames: ['region', 'action', 'priority'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const c of metrics.stats?.waiting() ?? []) this.inc({ ...metrics.labels(c), priority: c.priority }, c.calls);
      },
    });
    this.waits = new Histogram({
      name: 'gateway_upstream_budget_wait_seconds',
      help: 'How long upstream calls let through by the budget waited for it (0 when capacity was there), by Action and priority.',
      labelNames: ['action', 'priority'] as const,
      buckets: WAIT_BUCKETS,
      registers: [registry],
    });
    this.exhausted = new Counter({
      name: 'gateway_upstream_budget_exhausted_total',
      help: 'Upstream calls refused unsent because the budget had no capacity before their deadline (UPSTREAM_THROTTLED), by region, Action and priority.',
      labelNames: ['region', 'action', 'priority'] as const,
      registers: [registry],
    });
    this.degraded = new Gauge({
      name: 'gateway_upstream_budget_degraded',
      help: '1 while this replica counts only its own share of the quota because Redis cannot answer (GATEWAY_REDIS_URL set), else 0.',
      registers: [registry],
    });
    this.replicas = new Gauge({
      name: 'gateway_upstream_budget_replicas',
      help: 'Replicas sharing the quota, as last seen through Redis (1 without GATEWAY_REDIS_URL).',
      registers: [registry],
    });
    this.redisErrors = new Counter({
      name: 'gateway_redis_errors_total',
      help: 'Redis connection errors and failed Redis commands (each answered by falling back to this process).',
      registers: [registry],
    });
    this.redisConnected = new Gauge({
      name: 'gateway_redis_connected',
      help: '1 while the Redis connection is ready, else 0 (always 0 without GATEWAY_REDIS_URL).',
      registers: [registry],
    });
    this.replicas.set(1);
  }

  /** The budget whose waiting and used calls are read at scrape time. */
  watch(stats: BudgetStats): void {
    this.stats = stats;
  }

  observer(): BudgetObserver {
    return {
      onGranted: (e) => this.waits.observe({ action: this.actions.value(e.action), priority: e.priority }, e.waitedMs / 1000),
      onExhausted: (e) => this.exhausted.inc({ ...this.labels(e), priority: e.priority }),
    };
  }

  setDegraded(degraded: boolean): void {
    this.degraded.set(degraded ? 1 : 0);
  }

  setReplicas(replicas: number): void {
    this.replicas.set(replicas);
  }

  countRedisError(): void {
    this.redisErrors.inc();
  }

  setRedisConnected(connected: boolean): void {
    this.redisConnected.set(connected ? 1 : 0);
  }

  private labels(key: { regionId: string; action: string }): { region: string; action: string } {
    return { region: this.regions.value(key.regionId === '' ? 'global' : key.regionId), action: this.actions.value(key.action) };
  }
}
