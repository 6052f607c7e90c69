/**
 * Cross-replica settings: the Redis every replica of one account shares (the upstream budget, read
 * sharing). Unset: each process on its own, nothing new needed.
 */
import { z } from 'zod';
import { planWindows } from '../../cluster/cluster-budget';
import { parseRedisUrl, REDIS_URL_RULE } from '../../cluster/redis-url';
import { setting } from '../../shared/settings';
import type { ConfigProblem } from './problems';
import type { Rate } from '../../shared/settings';

/** Checked, never echoed: the URL may carry a password. */
const redisUrl = z
  .string()
  .trim()
  .refine((value) => parseRedisUrl(value) !== null, REDIS_URL_RULE);

export const CLUSTER_SETTINGS = {
  GATEWAY_REDIS_URL: setting(redisUrl),
};

/** A quota shared through Redis must fit its fixed windows (cluster-budget.ts). */
export function clusterProblems(redis: string | undefined, quota: Rate | 'off'): ConfigProblem[] {
  if (redis === undefined || quota === 'off' || planWindows(quota) !== null) return [];
  return [{ variable: 'VPC_UPSTREAM_QUOTA', message: 'with GATEWAY_REDIS_URL the quota must allow at least 3 calls per window' }];
}
