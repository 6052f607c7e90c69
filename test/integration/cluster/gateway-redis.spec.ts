/**
 * A whole gateway with `GATEWAY_REDIS_URL` (a real, password-protected Redis): the budget shared
 * through it, a Redis outage seen in `/readyz` (200, degraded, a reason code), `/metrics` and the
 * log (once per state change, never the password), requests still answered, and the recovery by
 * itself when Redis returns.
 */
import { metricValue, scrape } from '../reliability/support';
import { startTestGateway, type TestGateway } from '../server/support';
import { useRedisServer } from '../../support/redis-server';

jest.setTimeout(60_000);

const PASSWORD = 'Redis-pa55word-for-the-leak-scan';
const redis = useRedisServer({ password: PASSWORD });
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({
    GATEWAY_REDIS_URL: redis.url,
    VPC_UPSTREAM_QUOTA: '40/2',
    VPC_EMULATOR_FLOW_CONTROL: '40/2',
    LOG_LEVEL: 'info',
  });
});

afterAll(async () => {
  await t.close();
});

interface Ready {
  status: string;
  degraded: boolean;
  degradedReason?: string;
}

async function readyz(): Promise<{ status: number; body: Ready }> {
  const res = await t.http('GET', '/readyz');
  return { status: res.status, body: res.json<Ready>() };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function consoleList(): Promise<void> {
  const res = await t.graphql({ query: '{ physicalConnections(first: 5) { nodes { id vbrs { id } } } }' });
  expect(res.status).toBe(200);
  expect(res.json<{ errors?: unknown }>().errors).toBeUndefined();
}

const logged = (message: string) => t.logs.find((line) => line.msg === message)[0];

it('shares the budget through Redis: ready, not degraded, one replica seen, the URL shown without its password', async () => {
  await until(async () => (await readyz()).body.degraded === false, 'the gateway to reach Redis');
  expect(await readyz()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', degraded: false }) });
  await consoleList();
  expect(t.gateway.budget).toMatch(/^40\/2 per region and action, shared through redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(10 calls per 1 s window: at most 20 per 2 s\)$/);
  const metrics = await scrape(t);
  expect(metricValue(metrics, 'gateway_redis_connected')).toBe(1);
  expect(metricValue(metrics, 'gateway_upstream_budget_degraded')).toBe(0);
  expect(metricValue(metrics, 'gateway_upstream_budget_replicas')).toBe(1);
  expect(metricValue(metrics, 'gateway_upstream_budget_used_calls', { region: 'cn-hangzhou', action: 'DescribePhysicalConnections' })).toBeGreaterThanOrEqual(1);
});

it('Redis down: still ready (200) but degraded with a reason code, requests answered, logged once, counted', async () => {
  await redis.server.stop();
  await until(async () => (await readyz()).body.degraded, '/readyz to say degraded');
  expect(await readyz()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', degraded: true, degradedReason: 'REDIS_UNAVAILABLE' }) });
  await consoleList();
  // Several reconnect attempts fail meanwhile: each one counted, the state change logged once.
  await until(async () => metricValue(await scrape(t), 'gateway_redis_errors_total') >= 3, 'reconnect attempts to fail');
  const metrics = await scrape(t);
  expect(metricValue(metrics, 'gateway_upstream_budget_degraded')).toBe(1);
  expect(metricValue(metrics, 'gateway_redis_connected')).toBe(0);
  expect(t.logs.find((line) => String(line.msg).startsWith('Redis unavailable'))[0]).toMatchObject({
    level: 'warn',
    component: 'redis',
    url: expect.stringMatching(/^redis:\/\/:\*\*\*@127\.0\.0\.1:\d+$/) as unknown as string,
  });
  expect(t.logs.find((line) => String(line.msg).startsWith('Redis unavailable'))).toHaveLength(1);
  expect(t.logs.find((line) => String(line.msg).startsWith('upstream budget degraded'))).toHaveLength(1);
});

it('Redis back: shared again by itself, /readyz no longer degraded, the recovery logged once', async () => {
  await redis.server.start();
  await until(async () => !(await readyz()).body.degraded, '/readyz to say not degraded');
  await consoleList();
  expect(metricValue(await scrape(t), 'gateway_upstream_budget_degraded')).toBe(0);
  expect(logged('upstream budget shared through Redis again')).toMatchObject({ level: 'info', component: 'budget' });
  expect(t.logs.find((line) => line.msg === 'Redis connected')).toHaveLength(2);
  // Never the password, in any line (the run's leak scan checks every captured text too).
  expect(t.logs.raw.join('\n')).not.toContain(PASSWORD);
  expect((await readyz()).body).not.toHaveProperty('degradedReason');
});
