/**
 * Issue 7, item 1: every emulator fault on each of the three actions the gateway depends on, through
 * the gateway's real HTTP endpoint. Each cell must give the mapped error code with the right
 * `retryable` and upstream details, finish within the configured deadline, count its retries in
 * /metrics (and spend exactly `maxAttempts` upstream calls), and leave the gateway serving.
 */
import type { FaultSpec } from '../../../src/emulator';
import { DEMO_IDS } from '../../../src/emulator/domain';
import type { TestGateway } from '../server/support';
import { CALL_DEADLINE_MS, expectServing, gql, metricValue, scrape, startReliabilityGateway, UPSTREAM, type GraphQLAnswer } from './support';

/** Loaded machines and CI runners stall; the bound is about "no hang", not about speed. */
const SLACK_MS = 1_500;
const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;

interface Operation {
  action: string;
  /** The top-level field that fails. */
  field: string;
  run(t: TestGateway): Promise<GraphQLAnswer>;
}

const OPERATIONS: Operation[] = [
  {
    action: 'DescribePhysicalConnections',
    field: 'physicalConnections',
    run: (t) => gql(t, 'query Circuits { physicalConnections(first: 5) { nodes { id status } } }'),
  },
  {
    action: 'DescribeVirtualBorderRouters',
    field: 'vbrs',
    run: (t) => gql(t, 'query Vbrs { vbrs(first: 5) { nodes { id status } } }'),
  },
  {
    action: 'TerminatePhysicalConnection',
    field: 'terminatePhysicalConnection',
    run: (t) =>
      gql(t, TERMINATE, {
        input: { physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0], clientToken: 'fault-matrix-token' },
      }),
  },
];

interface Fault {
  name: string;
  spec: Omit<FaultSpec, 'action'>;
  code: 'UPSTREAM_THROTTLED' | 'UPSTREAM_UNAVAILABLE';
  upstream: { code: string; httpStatus: number };
  /** Each attempt waits for the attempt deadline. */
  timesOut?: boolean;
}

const FAULTS: Fault[] = [
  { name: 'throttling', spec: { type: 'error', code: 'Throttling.User' }, code: 'UPSTREAM_THROTTLED', upstream: { code: 'Throttling.User', httpStatus: 400 } },
  { name: 'HTTP 500', spec: { type: 'error', httpStatus: 500, code: 'InternalError' }, code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 'InternalError', httpStatus: 500 } },
  { name: 'HTTP 503', spec: { type: 'error', httpStatus: 503 }, code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 'ServiceUnavailable', httpStatus: 503 } },
  {
    name: 'latency beyond the deadline',
    spec: { type: 'latency', latencyMs: UPSTREAM.totalTimeoutMs * 6 },
    code: 'UPSTREAM_UNAVAILABLE',
    upstream: { code: 'Transport.Timeout', httpStatus: 0 },
    timesOut: true,
  },
  { name: 'dropped connection', spec: { type: 'drop' }, code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 'Transport.Error', httpStatus: 0 } },
  { name: 'malformed JSON body', spec: { type: 'malformed' }, code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 'Response.Malformed', httpStatus: 200 } },
  // The status line arrived but the response did not: no complete response, so httpStatus 0.
  { name: 'truncated body', spec: { type: 'truncated' }, code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 'Transport.Error', httpStatus: 0 } },
];

const CASES = OPERATIONS.flatMap((operation) => FAULTS.map((fault) => ({ operation, fault })));

describe('fault matrix through the gateway (DescribePhysicalConnections, DescribeVirtualBorderRouters, TerminatePhysicalConnection)', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startReliabilityGateway();
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.reset());

  it.each(CASES.map((c) => [c.operation.action, c.fault.name, c] as const))('%s / %s', async (_action, _fault, { operation, fault }) => {
    const before = await scrape(t);
    await t.control.addFault({ action: operation.action, ...fault.spec });

    const res = await operation.run(t);

    // The mapped error, on the failing field, with the upstream details a support ticket needs.
    expect(res.status).toBe(200);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    const error = res.body.errors?.[0];
    expect(error?.path).toEqual([operation.field]);
    expect(error?.extensions).toMatchObject({
      code: fault.code,
      retryable: true,
      upstream: { code: fault.upstream.code, httpStatus: fault.upstream.httpStatus },
    });
    expect(error?.extensions?.['stacktrace']).toBeUndefined();

    // Within the configured deadline; a timing-out fault really waited for its attempts.
    expect(res.elapsedMs).toBeLessThan(CALL_DEADLINE_MS + SLACK_MS);
    if (fault.timesOut) expect(res.elapsedMs).toBeGreaterThanOrEqual(UPSTREAM.maxAttempts * UPSTREAM.totalTimeoutMs * 0.9);

    // Every attempt was spent, and each retry is counted in /metrics.
    const retries = UPSTREAM.maxAttempts - 1;
    expect((await t.control.calls()).byAction[operation.action]).toBe(UPSTREAM.maxAttempts);
    const after = await scrape(t);
    const delta = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(delta('gateway_upstream_retries_total', { action: operation.action, code: fault.upstream.code })).toBe(retries);
    expect(delta('gateway_upstream_calls_total', { action: operation.action, outcome: fault.upstream.code })).toBe(UPSTREAM.maxAttempts);
    expect(delta('gateway_graphql_errors_total', { code: fault.code })).toBe(1);

    // A faulted write changed nothing upstream.
    expect(await t.control.events()).toEqual([]);

    // The process keeps serving: the same operation succeeds once the fault is gone.
    await t.control.clearFaults();
    const next = await operation.run(t);
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.[operation.field]).toBeTruthy();
    await expectServing(t);
  });

  it('retries a transient fault transparently and counts the retry', async () => {
    const before = await scrape(t);
    await t.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', code: 'Throttling.User', times: 1 });
    const res = await OPERATIONS[0]!.run(t);
    expect(res.body.errors).toBeUndefined();
    expect((await t.control.calls()).byAction['DescribePhysicalConnections']).toBe(2);
    const after = await scrape(t);
    const labels = { action: 'DescribePhysicalConnections', code: 'Throttling.User' };
    expect(metricValue(after, 'gateway_upstream_retries_total', labels) - metricValue(before, 'gateway_upstream_retries_total', labels)).toBe(1);
  });
});
