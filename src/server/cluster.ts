/**
 * What the replicas of one account share, built from the config: the Redis connection (when
 * `GATEWAY_REDIS_URL` is set; one per process, for every cross-replica part) and the upstream
 * budget the backend gets: off, in-process, or cluster-wide (docs/runtime.md#upstream-budget).
 */
import type { Logger } from 'pino';
import { createClusterBudget, type ClusterBudget } from '../cluster/cluster-budget';
import { RedisConnection } from '../cluster/redis-connection';
import { createLocalBudget, type UpstreamBudget } from '../datasources/budget';
import { formatRate } from '../shared/settings';
import type { GatewayConfig } from './config';
import type { GatewayMetrics } from './metrics';
import type { DegradedReason } from './readiness';

export interface Cluster {
  /** Null without `GATEWAY_REDIS_URL`. */
  redis: RedisConnection | null;
  /** What the VPC backend asks before every upstream attempt. */
  budget: UpstreamBudget | 'off';
  /** One line for the start-up banner and log (never the Redis password). */
  description: string;
  /** Why the gateway serves degraded now (`/readyz`), or null. */
  degradedReason(): DegradedReason | null;
  /** Stops the heartbeat, then closes the connection; idempotent. */
  close(): Promise<void>;
}

export function startCluster(config: GatewayConfig, deps: { logger: Logger; metrics: GatewayMetrics }): Cluster {
  const { quota } = config.upstream;
  const metrics = deps.metrics.budget;
  const redis =
    config.cluster.redisUrl === null
      ? null
      : new RedisConnection({ url: config.cluster.redisUrl, logger: deps.logger.child({ component: 'redis' }), onError: () => metrics.countRedisError() });
  redis?.subscribe((state) => metrics.setRedisConnected(state === 'ready'));

  let shared: ClusterBudget | null = null;
  let budget: UpstreamBudget | 'off' = 'off';
  let description = 'off (VPC_UPSTREAM_QUOTA=off)';
  if (quota !== 'off') {
    if (redis === null) {
      const local = createLocalBudget(quota, { observer: metrics.observer() });
      metrics.watch(local);
      budget = local;
      description = `${formatRate(quota)} per region and action, in this process`;
    } else {
      shared = createClusterBudget({
        quota,
        redis,
        logger: deps.logger,
        observer: metrics.observer(),
        onDegradedChange: (degraded) => metrics.setDegraded(degraded),
        onReplicas: (replicas) => metrics.setReplicas(replicas),
      });
      metrics.watch(shared.budget);
      metrics.setDegraded(shared.degraded);
      budget = shared.budget;
      const { plan } = shared;
      description =
        `${formatRate(quota)} per region and action, shared through ${redis.displayUrl} ` +
        `(${plan.points} calls per ${plan.windowSeconds} s window: at most ${plan.callsPerQuotaWindow} per ${quota.windowMs / 1000} s)`;
    }
  }

  let closing: Promise<void> | null = null;
  return {
    redis,
    budget,
    description,
    degradedReason: () => (redis !== null && (!redis.ready || shared?.degraded === true) ? 'REDIS_UNAVAILABLE' : null),
    close: () =>
      (closing ??= (async () => {
        await shared?.close();
        await redis?.close();
      })()),
  };
}
