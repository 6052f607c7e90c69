import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BoundedLabel, GatewayMetrics, shippedOperationNames } from '../../../src/server/metrics';
import { newRequestState } from '../../../src/server/plugins/request-state';

describe('BoundedLabel', () => {
  it('keeps the first N distinct values and folds later ones into other', () => {
    const label = new BoundedLabel(2);
    expect(['a', 'b', 'a', 'c', 'b', 'd'].map((v) => label.value(v))).toEqual(['a', 'b', 'a', 'other', 'b', 'other']);
    expect(new BoundedLabel(5).value('x'.repeat(100))).toHaveLength(64);
  });

  it('always keeps the reserved values, outside the bound', () => {
    const label = new BoundedLabel(2, ['Regions']);
    expect(['a', 'b', 'c', 'Regions'].map((v) => label.value(v))).toEqual(['a', 'b', 'other', 'Regions']);
  });
});

describe('shippedOperationNames', () => {
  it('reads the operation names of operations/*.graphql', () => {
    // Every operation file names one operation, and the names are the ones a dashboard would filter on.
    const files = readdirSync(join(__dirname, '..', '..', '..', 'operations')).filter((file) => file.endsWith('.graphql'));
    const names = shippedOperationNames();
    expect(names).toHaveLength(files.length);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['ConsoleList', 'TerminatePhysicalConnection', 'CreateCircuit', 'DeleteVbr', 'DisassociateMacsecKey']));
    expect(shippedOperationNames('/nonexistent/operations')).toEqual([]);
  });
});

describe('GatewayMetrics', () => {
  const metrics = new GatewayMetrics({ defaultMetrics: false });

  it('counts upstream calls, latency, retries and unexpected values from the backend hooks', async () => {
    const hooks = metrics.backendHooks();
    hooks.onUpstreamCall({ action: 'DescribeRegions', regionId: '', outcome: 'success', httpStatus: 200, durationMs: 12, attempt: 1 });
    hooks.onUpstreamCall({ action: 'DescribeRegions', regionId: '', outcome: 'Throttling.User', httpStatus: 400, durationMs: 5, attempt: 1 });
    hooks.onRetry({ action: 'DescribeRegions', attempt: 2, code: 'Throttling.User', delayMs: 100 });
    hooks.onUnexpectedValue({ action: 'DescribeVirtualBorderRouters', resourceId: 'vbr-1', field: 'Status', value: 'x', consequence: 'null' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('gateway_upstream_calls_total{action="DescribeRegions",outcome="success"} 1');
    expect(text).toContain('gateway_upstream_calls_total{action="DescribeRegions",outcome="Throttling.User"} 1');
    expect(text).toContain('gateway_upstream_call_duration_seconds_count{action="DescribeRegions"} 2');
    expect(text).toContain('gateway_upstream_call_duration_seconds_sum{action="DescribeRegions"} 0.017');
    expect(text).toContain('gateway_upstream_retries_total{action="DescribeRegions",code="Throttling.User"} 1');
    expect(text).toContain('gateway_upstream_unexpected_values_total{action="DescribeVirtualBorderRouters",field="Status"} 1');
  });

  it('records GraphQL requests by operation and outcome; refusals as rejected with their code, hang-ups as disconnected', async () => {
    const ok = newRequestState('r1', 0);
    ok.operationName = 'List';
    ok.operationType = 'query';
    ok.outcome = 'success';
    metrics.recordGraphQLRequest(ok, 200, 0.02);
    const refused = newRequestState('r2', 0);
    refused.rejectedWith = 'UNAUTHENTICATED';
    metrics.recordGraphQLRequest(refused, 401, 0.001);
    const hungUp = newRequestState('r3', 0);
    hungUp.operationName = 'List';
    hungUp.operationType = 'query';
    metrics.recordGraphQLRequest(hungUp, null, 0.5);
    const text = await metrics.registry.metrics();
    expect(text).toContain('gateway_graphql_requests_total{operation="List",operation_type="query",outcome="success"} 1');
    expect(text).toContain('gateway_graphql_requests_total{operation="anonymous",operation_type="unknown",outcome="rejected"} 1');
    expect(text).toContain('gateway_graphql_errors_total{code="UNAUTHENTICATED"} 1');
    expect(text).toContain('gateway_graphql_requests_total{operation="List",operation_type="query",outcome="disconnected"} 1');
    expect(text).toContain('gateway_graphql_request_duration_seconds_bucket{le="0.025",operation="List",operation_type="query"} 1');
  });

  it('counts a request the shutdown cut apart from a client hang-up (444 and cut-by-shutdown, not 499 and disconnected)', async () => {
    const cut = newRequestState('r4', 0);
    cut.operationName = 'Held';
    cut.operationType = 'query';
    cut.cutByShutdown = true;
    metrics.recordGraphQLRequest(cut, null, 0.3);
    metrics.recordHttpRequest('/graphql', 'POST', null, true);
    metrics.recordHttpRequest('/graphql', 'POST', null);
    const text = await metrics.registry.metrics();
    expect(text).toContain('gateway_graphql_requests_total{operation="Held",operation_type="query",outcome="cut-by-shutdown"} 1');
    expect(text).toContain('gateway_http_requests_total{route="/graphql",method="POST",status_code="444"} 1');
    expect(text).toContain('gateway_http_requests_total{route="/graphql",method="POST",status_code="499"} 1');
  });

  it('keeps a series for the shipped operations and anonymous requests after clients used up the operation slots', async () => {
    const flooded = new GatewayMetrics({ defaultMetrics: false, reservedOperations: ['ConsoleList'] });
    const request = (operationName: string | null) => {
      const state = newRequestState('r', 0);
      state.operationName = operationName;
      state.operationType = 'query';
      state.outcome = 'success';
      flooded.recordGraphQLRequest(state, 200, 0.01);
    };
    for (let i = 0; i < 100; i += 1) request(`Made${i}`);
    request('ConsoleList');
    request(null);
    request('Made100');
    const text = await flooded.registry.metrics();
    expect(text).toContain('gateway_graphql_requests_total{operation="ConsoleList",operation_type="query",outcome="success"} 1');
    expect(text).toContain('gateway_graphql_requests_total{operation="anonymous",operation_type="query",outcome="success"} 1');
    expect(text).toContain('gateway_graphql_requests_total{operation="other",operation_type="query",outcome="success"} 1');
  });

  it('counts failed key-set fetches by reason', async () => {
    metrics.countJwksFailure('timeout');
    expect(await metrics.registry.metrics()).toContain('gateway_jwks_fetch_failures_total{reason="timeout"} 1');
  });

  it('reports readiness as a gauge', async () => {
    metrics.setReady(true);
    expect(await metrics.registry.metrics()).toContain('gateway_ready 1');
    metrics.setReady(false);
    expect(await metrics.registry.metrics()).toContain('gateway_ready 0');
  });
});
