/**
 * The in-process upstream budget through the whole gateway (GraphQL over HTTP, the embedded
 * emulator with its flow control at the same small quota): a burst of console queries waits for
 * capacity instead of being throttled, and a call whose deadline cannot fit the wait fails as
 * UPSTREAM_THROTTLED without having been sent.
 */
import { metricValue, scrape } from '../reliability/support';
import { startTestGateway, type TestGateway } from './support';

jest.setTimeout(60_000);

const CONSOLE_LIST = '{ physicalConnections(first: 10) { nodes { id status vbrs { id status } } } }';
/** 10 calls per 2 s on both sides; every console request is a call of its own (no coalescing). */
const QUOTA_ENV = { VPC_EMULATOR_FLOW_CONTROL: '10/2', VPC_READ_COALESCING: 'false', LOG_LEVEL: 'warn' };

const running: TestGateway[] = [];
async function gateway(env: Record<string, string>): Promise<TestGateway> {
  const t = await startTestGateway({ ...QUOTA_ENV, ...env });
  running.push(t);
  await t.control.reset({ generate: { connections: 6, vbrsPerConnection: [1, 2] } });
  return t;
}
afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

interface Answer {
  errors?: { extensions?: { code?: string; upstream?: { code: string; httpStatus: number } } }[];
}

async function burst(t: TestGateway, consoles: number): Promise<Answer[]> {
  const answers = await Promise.all(Array.from({ length: consoles }, () => t.graphql({ query: CONSOLE_LIST })));
  return answers.map((res) => res.json<Answer>());
}

it('without a budget, a burst of 20 consoles goes beyond the quota and is throttled', async () => {
  const t = await gateway({ VPC_UPSTREAM_QUOTA: 'off', VPC_RETRY_MAX_ATTEMPTS: '1' });
  const answers = await burst(t, 20);
  expect((await t.control.flowControl()).throttled.total).toBeGreaterThan(0);
  expect(answers.flatMap((a) => a.errors ?? []).map((e) => e.extensions?.code)).toContain('UPSTREAM_THROTTLED');
});

it('with the budget at the same quota, the same burst waits instead: no error, nothing throttled', async () => {
  const t = await gateway({ VPC_UPSTREAM_QUOTA: '10/2' });
  const answers = await burst(t, 20);
  expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
  expect((await t.control.flowControl()).throttled).toEqual({ total: 0, byAction: {} });
  expect((await t.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 20, DescribeVirtualBorderRouters: 20 });
  const metrics = await scrape(t);
  expect(metricValue(metrics, 'gateway_upstream_budget_wait_seconds_count', { action: 'DescribePhysicalConnections', priority: 'shared' })).toBe(20);
  // Some of them waited for a later window.
  expect(metricValue(metrics, 'gateway_upstream_budget_wait_seconds_bucket', { action: 'DescribePhysicalConnections', le: '0.5' })).toBeLessThan(20);
  expect(metricValue(metrics, 'gateway_upstream_budget_exhausted_total')).toBe(0);
});

it('a call whose deadline cannot fit the wait fails as UPSTREAM_THROTTLED, unsent', async () => {
  const t = await gateway({ VPC_UPSTREAM_QUOTA: '10/2', VPC_RETRY_BUDGET_MS: '300' });
  const answers = await burst(t, 12);
  const codes = answers.flatMap((a) => a.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.upstream]);
  // 8 shared calls per window: the others cannot wait 2 s with a 300 ms deadline (a very slow
  // machine may spread the burst over two windows, hence no exact count).
  const sent = (await t.control.calls()).byAction.DescribePhysicalConnections ?? 0;
  expect(sent).toBeGreaterThanOrEqual(8);
  expect(codes).toHaveLength(12 - sent);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(code).toEqual(['UPSTREAM_THROTTLED', { code: 'Gateway.BudgetExhausted', httpStatus: 0, requestId: null }]);
  expect((await t.control.flowControl()).throttled.total).toBe(0);
  expect(metricValue(await scrape(t), 'gateway_upstream_budget_exhausted_total', { action: 'DescribePhysicalConnections', priority: 'shared' })).toBe(12 - sent);
});
