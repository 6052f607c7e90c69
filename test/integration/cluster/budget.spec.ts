/**
 * The cluster-wide upstream budget with a real Redis and the real emulator (its flow control on,
 * a small quota): two backends sharing one Redis, as two replicas would, never exceed the quota
 * together; a critical call is not starved by a flood of reads of the same action; Redis stopped
 * mid-test turns each backend to its own share (calls still answered), and Redis back turns the
 * shared budget on again by itself.
 */
import { Redis } from 'ioredis';
import { createClusterBudget, type ClusterBudget } from '../../../src/cluster/cluster-budget';
import { RedisConnection } from '../../../src/cluster/redis-connection';
import { createVpcBackend, type UpstreamBudget, type VpcBackend } from '../../../src/datasources';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator';
import { useEmulator } from '../../support/emulator';
import { useRedisServer } from '../../support/redis-server';

jest.setTimeout(60_000);

const REGION = 'cn-hangzhou';
/** 40 calls per 2 s: the cluster budget lets 10 per 1 s window through (8 for shared reads). */
const QUOTA = { calls: 40, windowMs: 2_000 };
const redis = useRedisServer();
const emu = useEmulator({ flowControl: QUOTA });

interface Replica {
  backend: VpcBackend;
  cluster: ClusterBudget;
  connection: RedisConnection;
  logs: { level: string; message: string; object: Record<string, unknown> }[];
}

const replicas: Replica[] = [];
const others: (() => Promise<void>)[] = [];

function backendWith(budget: UpstreamBudget | 'off'): VpcBackend {
  const backend = createVpcBackend({
    endpoint: emu.url,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret },
    // Identical concurrent reads would share one call: every read here must be a call of its own.
    readSharing: { coalesce: false },
    retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100, budgetMs: 20_000 },
    budget,
  });
  others.push(() => backend.close());
  return backend;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function replica(): Promise<Replica> {
  const logs: Replica['logs'] = [];
  const logger = {
    info: (object: Record<string, unknown>, message: string) => logs.push({ level: 'info', message, object }),
    warn: (object: Record<string, unknown>, message: string) => logs.push({ level: 'warn', message, object }),
  };
  const connection = new RedisConnection({ url: redis.url, logger });
  const cluster = createClusterBudget({ quota: QUOTA, redis: connection, logger });
  const created = { backend: backendWith(cluster.budget), cluster, connection, logs };
  replicas.push(created);
  await until(() => connection.ready && !cluster.degraded, 'the replica to reach Redis');
  return created;
}

beforeEach(async () => {
  await emu.control.reset();
  const admin = new Redis(redis.url, { lazyConnect: true });
  await admin.connect();
  await admin.flushall();
  admin.disconnect();
});

afterEach(async () => {
  for (const close of others.splice(0)) await close();
  for (const r of replicas.splice(0)) {
    await r.cluster.close();
    await r.connection.close();
  }
  if (!redis.server.running) await redis.server.start();
});

const read = (backend: VpcBackend, options: { fresh?: boolean } = {}) =>
  backend.api.describePhysicalConnections({ regionId: REGION, pageSize: 10 }, options);

describe('two replicas sharing one Redis', () => {
  it('the emulator throttles a flood sent without a budget (the quota bites in this set-up)', async () => {
    const backend = backendWith('off');
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => read(backend)));
    expect((await emu.control.flowControl()).throttled.total).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
  });

  it('never send more than the quota together: every read answered, none throttled', async () => {
    const [a, b] = [await replica(), await replica()];
    const reads = [...Array.from({ length: 25 }, () => read(a.backend)), ...Array.from({ length: 25 }, () => read(b.backend))];
    const results = await Promise.all(reads);
    expect(results).toHaveLength(50);
    expect((await emu.control.flowControl()).throttled).toEqual({ total: 0, byAction: {} });
    expect((await emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 50 });
  });

  it('a critical call (a fresh read of the same action) passes while a flood of shared reads still waits', async () => {
    const [a, b] = [await replica(), await replica()];
    let floodDone = 0;
    const flood = Array.from({ length: 40 }, () => read(a.backend).then(() => (floodDone += 1)));
    // The flood has filled the shared part of the current window.
    await until(async () => ((await emu.control.calls()).total >= 8), 'the first window of the flood');
    await read(b.backend, { fresh: true });
    expect(floodDone).toBeLessThan(40);
    await Promise.all(flood);
    expect((await emu.control.flowControl()).throttled.total).toBe(0);
  });

  it('Redis stopped: each replica counts its own share and still answers; Redis back: shared again by itself', async () => {
    const [a, b] = [await replica(), await replica()];
    await until(() => a.cluster.replicas === 2 && b.cluster.replicas === 2, 'both replicas to see each other');
    await Promise.all([read(a.backend), read(b.backend)]);

    await redis.server.stop();
    await until(() => a.cluster.degraded && b.cluster.degraded, 'both replicas to notice the outage');
    // Each replica alone lets through half the quota (20 per window): 40 reads together, none throttled.
    const during = await Promise.all([...Array.from({ length: 20 }, () => read(a.backend)), ...Array.from({ length: 20 }, () => read(b.backend))]);
    expect(during).toHaveLength(40);
    expect((await emu.control.flowControl()).throttled.total).toBe(0);
    for (const r of [a, b]) {
      expect(r.logs.filter((l) => l.message.startsWith('upstream budget degraded'))).toEqual([
        expect.objectContaining({ level: 'warn', object: expect.objectContaining({ replicas: 2, callsPerWindow: 20 }) }),
      ]);
    }

    await redis.server.start();
    await until(() => !a.cluster.degraded && !b.cluster.degraded, 'both replicas to use Redis again');
    await Promise.all([read(a.backend), read(b.backend)]);
    const admin = new Redis(redis.url, { lazyConnect: true });
    await admin.connect();
    try {
      // Counted in Redis again (the restarted server started empty).
      expect(Number(await admin.get(`vpcgw:budget:all:${REGION}:DescribePhysicalConnections`))).toBeGreaterThanOrEqual(1);
    } finally {
      admin.disconnect();
    }
    expect(a.logs.filter((l) => l.message === 'upstream budget shared through Redis again')).toHaveLength(1);
  });
});
