/**
 * How many replicas share the account's quota, as last seen through Redis: each replica stamps
 * itself into one sorted set every `HEARTBEAT_MS` and counts the stamps younger than
 * `REPLICA_TTL_MS`. A replica cut off from Redis keeps the last count it saw (1 if it never saw
 * one) to size its own share of the quota (docs/runtime.md#upstream-budget).
 *
 * Stamps are the replicas' own clocks: they need to agree within a few seconds (NTP), far less
 * than the TTL.
 */
import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redis-connection';

export const HEARTBEAT_MS = 5_000;
/** Three missed heartbeats: a replica that stopped is no longer counted after this. */
export const REPLICA_TTL_MS = 3 * HEARTBEAT_MS;
const REPLICAS_KEY = 'vpcgw:replicas';

export class ReplicaHeartbeat {
  readonly id = randomUUID();
  private seen = 1;
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;

  constructor(
    private readonly redis: RedisConnection,
    private readonly onCount: (replicas: number) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Replicas last seen (this one included); 1 until Redis answered once. */
  get replicas(): number {
    return this.seen;
  }

  start(): void {
    if (this.timer !== null) return;
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    // Heartbeats must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** One stamp and count now (the first one also runs when the connection becomes ready). */
  beat(): Promise<void> {
    this.beating ??= this.stamp().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  /** Stops the heartbeat and removes this replica's stamp (best effort). */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
    if (!this.redis.ready) return;
    await this.redis.client.zrem(REPLICAS_KEY, this.id).catch(() => this.redis.countError());
  }

  private async stamp(): Promise<void> {
    if (!this.redis.ready) return;
    const now = this.now();
    try {
      const results = await this.redis.client
        .multi()
        .zadd(REPLICAS_KEY, now, this.id)
        .zremrangebyscore(REPLICAS_KEY, '-inf', now - REPLICA_TTL_MS)
        .zcard(REPLICAS_KEY)
        .pexpire(REPLICAS_KEY, 4 * REPLICA_TTL_MS)
        .exec();
      const count = Number(results?.[2]?.[1]);
      if (Number.isInteger(count) && count >= 1 && count !== this.seen) {
        this.seen = count;
        this.onCount(count);
      }
    } catch {
      this.redis.countError();
    }
  }
}
