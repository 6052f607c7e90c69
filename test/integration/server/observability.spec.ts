/**
 * What operators see: request ids, the one log line per request, the audit line, /metrics, health
 * and readiness, and client disconnects cancelling upstream work. Real gateway, real emulator.
 */
import { connect } from 'node:net';
import { Agent, request } from 'undici';
import { eventually } from '../../support/eventually';
import { startTestGateway, terminableConnectionId, type LogLine, type TestGateway } from './support';

const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;

function metricValue(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('observability', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset();
  });

  it('echoes a well-formed x-request-id and replaces a hostile one', async () => {
    const kept = await t.graphql({ query: '{ regions { regionId } }' }, { 'x-request-id': 'req-123.abc:7' });
    expect(kept.headers['x-request-id']).toBe('req-123.abc:7');
    const hostile = await t.graphql({ query: '{ regions { regionId } }' }, { 'x-request-id': 'evil"\\value with spaces' });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await t.graphql({ query: '{ regions { regionId } }' }, { 'x-request-id': 'a'.repeat(300) });
    expect(tooLong.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.raw.some((line) => line.includes('evil'))).toBe(false);
  });

  it('writes exactly one request line per request, with the request id and operation', async () => {
    const res = await t.graphql({ query: 'query Regions { regions { regionId } }' }, { 'x-request-id': 'one-line-test' });
    expect(res.status).toBe(200);
    const lines = t.logs.find((l) => l['requestId'] === 'one-line-test' && l.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      path: '/graphql',
      statusCode: 200,
      operationName: 'Regions',
      operationType: 'query',
      level: 'info',
    });
    expect(typeof lines[0]?.['durationMs']).toBe('number');
  });

  it('bounds the operation name in the request line', async () => {
    const name = `Q${'x'.repeat(5_000)}`;
    const res = await t.graphql({ query: `query ${name} { regions { regionId } }` }, { 'x-request-id': 'long-operation-name' });
    expect(res.status).toBe(200);
    const [line] = t.logs.find((l) => l['requestId'] === 'long-operation-name' && l.msg === 'request');
    expect(line?.['operationName']).toBe(name.slice(0, 128));
  });

  it('bounds the operation name in the audit line the same way', async () => {
    const name = `M${'x'.repeat(5_000)}`;
    const query = `mutation ${name} { terminatePhysicalConnection(input: { physicalConnectionId: "not-an-id" }) { clientToken } }`;
    const res = await t.graphql({ query }, { 'x-request-id': 'long-mutation-name' });
    expect(res.status).toBe(200);
    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === 'long-mutation-name');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operationName: name.slice(0, 128), outcome: 'BAD_USER_INPUT' });
  });

  it('audits a terminate with the upstream RequestId and the generated clientToken', async () => {
    const id = await terminableConnectionId(t);
    const res = await t.graphql({ query: TERMINATE, variables: { input: { physicalConnectionId: id } } });
    const payload = res.json<{ data: { terminatePhysicalConnection: { requestId: string; clientToken: string } } }>().data
      .terminatePhysicalConnection;
    expect(payload.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subject: null,
      outcome: 'OK',
      upstreamRequestId: payload.requestId,
      clientToken: payload.clientToken,
      writes: [
        {
          method: 'terminatePhysicalConnection',
          resourceId: id,
          regionId: 'cn-hangzhou',
          outcome: 'success',
          upstreamRequestId: payload.requestId,
          clientToken: payload.clientToken,
        },
      ],
    });
  });

  it('audits a refused terminate with its error code and the upstream RequestId of the refusal', async () => {
    const id = await terminableConnectionId(t);
    await t.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', httpStatus: 400, code: 'Forbidden.VbrAttached', times: 1 });
    const res = await t.graphql({ query: TERMINATE, variables: { input: { physicalConnectionId: id, clientToken: 'race-1' } } });
    const error = res.json<{ errors: { extensions: { code: string; upstream: { requestId: string } } }[] }>().errors[0];
    expect(error?.extensions.code).toBe('VBRS_ATTACHED');
    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id'])[0];
    expect(audit).toMatchObject({
      outcome: 'VBRS_ATTACHED',
      clientToken: 'race-1',
      upstreamRequestId: error?.extensions.upstream.requestId,
    });
  });

  it('exposes Prometheus metrics: requests, durations, errors by code, upstream calls and latency, retries', async () => {
    await t.graphql({ query: 'query Regions { regions { regionId } }' });
    await t.graphql({ query: '{ physicalConnection(id: "not-an-id") { id } }' });
    await t.control.addFault({ action: 'DescribeRegions', type: 'error', httpStatus: 503, times: 1 });
    await t.graphql({ query: 'query RegionsAfterFault { regions { regionId } }' });

    const res = await t.http('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(metricValue(text, 'gateway_graphql_requests_total', { operation: 'Regions', operation_type: 'query', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'gateway_graphql_request_duration_seconds_count', { operation: 'Regions' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'gateway_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'gateway_upstream_calls_total', { action: 'DescribeRegions', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'gateway_upstream_calls_total', { action: 'DescribeRegions', outcome: 'ServiceUnavailable' })).toBe(1);
    expect(metricValue(text, 'gateway_upstream_retries_total', { action: 'DescribeRegions', code: 'ServiceUnavailable' })).toBe(1);
    expect(metricValue(text, 'gateway_upstream_call_duration_seconds_count', { action: 'DescribeRegions' })).toBeGreaterThanOrEqual(2);
    expect(metricValue(text, 'gateway_http_requests_total', { route: '/graphql', method: 'POST', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'gateway_ready', {})).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers /healthz and /readyz', async () => {
    const health = await t.http('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.http('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { schema: true, credentials: 'ok', draining: false } });
  });

  it('cancels the upstream call when the client disconnects', async () => {
    await t.control.clearCalls();
    await t.control.addFault({ action: 'DescribeRegions', type: 'latency', latencyMs: 3000, times: 1 });
    const agent = new Agent();
    const controller = new AbortController();
    const pending = request(`${t.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      signal: controller.signal,
      headers: { 'content-type': 'application/json', 'x-request-id': 'disconnect-test' },
      body: JSON.stringify({ query: '{ regions { regionId } }' }),
    }).catch((error: unknown) => error);
    await eventually(async () => ((await t.control.calls()).byAction['DescribeRegions'] === 1 ? true : undefined), 'the upstream call');
    controller.abort();
    expect((await pending as { name?: string }).name).toBe('AbortError');
    await agent.close();

    // Cancelled, not answered: had the gateway waited out the emulator's hold, the outcome would be `success`.
    const cancelled = await eventually(async () => {
      const value = metricValue((await t.http('GET', '/metrics')).text, 'gateway_upstream_calls_total', {
        action: 'DescribeRegions',
        outcome: 'Request.Cancelled',
      });
      return value > 0 ? value : undefined;
    }, 'the cancelled upstream call');
    expect(cancelled).toBe(1);
  });

  it('writes one request line for a client that hung up, and counts the request', async () => {
    const requestLines = (): LogLine[] => t.logs.find((l) => l['requestId'] === 'hung-up' && l.msg === 'request');
    const before = await t.http('GET', '/metrics');
    const counted = (text: string) => ({
      http: metricValue(text, 'gateway_http_requests_total', { route: '/graphql', method: 'POST', status_code: '499' }),
      graphql: metricValue(text, 'gateway_graphql_requests_total', { operation: 'HungUp', operation_type: 'query', outcome: 'disconnected' }),
    });
    const start = counted(before.text);
    const cancelled = (text: string) => metricValue(text, 'gateway_upstream_calls_total', { action: 'DescribeRegions', outcome: 'Request.Cancelled' });
    const cancelledBefore = cancelled(before.text);
    await t.control.clearCalls();
    await t.control.addFault({ action: 'DescribeRegions', type: 'latency', latencyMs: 1500, times: 1 });
    const agent = new Agent();
    const controller = new AbortController();
    const pending = request(`${t.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      signal: controller.signal,
      headers: { 'content-type': 'application/json', 'x-request-id': 'hung-up' },
      body: JSON.stringify({ query: 'query HungUp { regions { regionId } }' }),
    }).catch((error: unknown) => error);
    await eventually(async () => ((await t.control.calls()).byAction['DescribeRegions'] === 1 ? true : undefined), 'the upstream call');
    controller.abort();
    expect(((await pending) as { name?: string }).name).toBe('AbortError');
    await agent.close();

    const [line] = await eventually(() => (requestLines().length > 0 ? requestLines() : undefined), 'the request line');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', statusCode: null, clientDisconnected: true, operationName: 'HungUp', level: 'info' });
    expect(typeof line?.['durationMs']).toBe('number');
    expect(counted((await t.http('GET', '/metrics')).text)).toEqual({ http: start.http + 1, graphql: start.graphql + 1 });
    // The operation ends without its client (its upstream call cancelled): still one line.
    await eventually(async () => cancelled((await t.http('GET', '/metrics')).text) > cancelledBefore || undefined, 'the cancelled upstream call');
    await t.http('GET', '/healthz');
    expect(requestLines()).toHaveLength(1);
  }, 15_000);

  it('writes one request line for a client that hung up before its body was in', async () => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(t.url).port) });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\nx-request-id: half-a-body\r\n\r\n{"query":',
    );
    await eventually(async () => (metricValue((await t.http('GET', '/metrics')).text, 'gateway_inflight_requests', {}) >= 2 ? true : undefined), 'the request to arrive');
    socket.destroy();
    const lines = await eventually(() => {
      const found = t.logs.find((l) => l['requestId'] === 'half-a-body');
      return found.length > 0 ? found : undefined;
    }, 'the request line');
    await t.http('GET', '/healthz');
    expect(t.logs.find((l) => l['requestId'] === 'half-a-body')).toEqual([expect.objectContaining({ msg: 'request', statusCode: null, clientDisconnected: true })]);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/graphql' });
  });
});

describe('a request the shutdown deadline cuts', () => {
  it('is logged and counted as cut by the shutdown, not as a client hang-up', async () => {
    const t = await startTestGateway({ GATEWAY_SHUTDOWN_TIMEOUT_MS: '300' });
    const agent = new Agent();
    try {
      await t.control.clearCalls();
      await t.control.addFault({ action: 'DescribeRegions', type: 'latency', latencyMs: 10_000, times: 1 });
      const pending = request(`${t.url}/graphql`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'x-request-id': 'cut-by-shutdown' },
        body: JSON.stringify({ query: 'query Held { regions { regionId } }' }),
      }).then(
        () => 'answered',
        () => 'connection closed',
      );
      await eventually(async () => ((await t.control.calls()).byAction['DescribeRegions'] === 1 ? true : undefined), 'the upstream call');

      await expect(t.gateway.close()).resolves.toEqual({ forced: true });
      expect(await pending).toBe('connection closed');
      const lines = t.logs.find((l) => l['requestId'] === 'cut-by-shutdown' && l.msg === 'request');
      expect(lines).toEqual([expect.objectContaining({ statusCode: null, cutByShutdown: true, operationName: 'Held' })]);
      expect(lines[0]).not.toHaveProperty('clientDisconnected');
      const text = await t.gateway.metrics.registry.metrics();
      const http = (status: string) => metricValue(text, 'gateway_http_requests_total', { route: '/graphql', method: 'POST', status_code: status });
      expect({ cut: http('444'), hungUp: http('499') }).toEqual({ cut: 1, hungUp: 0 });
      const graphql = (outcome: string) => metricValue(text, 'gateway_graphql_requests_total', { operation: 'Held', operation_type: 'query', outcome });
      expect({ cut: graphql('cut-by-shutdown'), hungUp: graphql('disconnected') }).toEqual({ cut: 1, hungUp: 0 });
    } finally {
      await agent.close();
      await t.close();
    }
  }, 15_000);
});
