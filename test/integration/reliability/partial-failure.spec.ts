/**
 * Issue 7, item 3: a list query whose VBR lookup fails still returns the circuits, with a field
 * error (path and mapped code) on each `vbrs` and `terminationCheck` instead of a failed request.
 * Through the gateway's HTTP endpoint, with both GraphQL-over-HTTP media types.
 */
import type { FaultSpec } from '../../../src/emulator';
import type { TestGateway } from '../server/support';
import { gql, metricValue, scrape, startReliabilityGateway, UPSTREAM } from './support';

const CONSOLE_LIST = `query ConsoleList {
  physicalConnections(first: 10) {
    totalCount
    nodes { id name status vbrs { id status } terminationCheck { terminable } }
  }
}`;

interface ConsoleList {
  physicalConnections: {
    totalCount: number;
    nodes: { id: string; name: string | null; status: string; vbrs: unknown[] | null; terminationCheck: unknown }[];
  };
}

const FAULTS: { name: string; spec: Omit<FaultSpec, 'action'>; code: string; upstreamCode: string }[] = [
  { name: 'throttled', spec: { type: 'error', code: 'Throttling.User' }, code: 'UPSTREAM_THROTTLED', upstreamCode: 'Throttling.User' },
  { name: 'connection dropped', spec: { type: 'drop' }, code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'Transport.Error' },
];

describe('partial failure: the VBR lookup of a list fails', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startReliabilityGateway();
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.reset());

  it.each(FAULTS)('$name: circuits returned, each vbrs and terminationCheck a located field error', async ({ spec, code, upstreamCode }) => {
    const healthy = await gql<ConsoleList>(t, CONSOLE_LIST);
    expect(healthy.body.errors).toBeUndefined();
    const expectedIds = healthy.body.data?.physicalConnections.nodes.map((n) => n.id) ?? [];
    expect(expectedIds.length).toBeGreaterThan(1);

    await t.control.addFault({ action: 'DescribeVirtualBorderRouters', ...spec });
    await t.control.clearCalls();
    const before = await scrape(t);
    const res = await gql<ConsoleList>(t, CONSOLE_LIST, undefined, { accept: 'application/graphql-response+json' });

    // Not a failed request: 200, the circuits and their own fields all there.
    expect(res.status).toBe(200);
    const nodes = res.body.data?.physicalConnections.nodes ?? [];
    expect(nodes.map((n) => n.id)).toEqual(expectedIds);
    expect(nodes.every((n) => n.status.length > 0 && n.vbrs === null && n.terminationCheck === null)).toBe(true);
    expect(res.body.data?.physicalConnections.totalCount).toBe(healthy.body.data?.physicalConnections.totalCount);

    // One error per failed field, located, with the mapped code and the upstream's.
    const errors = res.body.errors ?? [];
    const expectedPaths = nodes.flatMap((_, i) => [
      ['physicalConnections', 'nodes', i, 'vbrs'],
      ['physicalConnections', 'nodes', i, 'terminationCheck'],
    ]);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(expectedPaths));
    expect(errors).toHaveLength(expectedPaths.length);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code, retryable: true, upstream: { code: upstreamCode } });
    }

    // One batched walk for every circuit, retried as configured; the request counts as partial.
    expect((await t.control.calls()).byAction['DescribeVirtualBorderRouters']).toBe(UPSTREAM.maxAttempts);
    const after = await scrape(t);
    const labels = { operation: 'ConsoleList', outcome: 'partial' };
    expect(metricValue(after, 'gateway_graphql_requests_total', labels) - metricValue(before, 'gateway_graphql_requests_total', labels)).toBe(1);
  });
});
