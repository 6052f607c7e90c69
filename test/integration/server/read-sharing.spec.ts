/**
 * Cross-request read sharing through the whole gateway (HTTP in, signed HTTP out, the emulator's
 * call counters as the witness): coalescing of concurrent identical reads (default), the optional
 * TTL cache, its invalidation by a terminate, and terminate preconditions that read fresh even
 * when the cache is stale.
 */
import { SignedClient } from '../../support/signed-client';
import { startTestGateway, type TestGateway } from './support';

const REGION = 'cn-hangzhou';
const LIST = '{ physicalConnections(first: 10) { nodes { id status vbrs { id } terminationCheck { terminable } } } }';
const TERMINATE =
  'mutation T($id: ID!) { terminatePhysicalConnection(input: { physicalConnectionId: $id }) { physicalConnection { id status } } }';

type ListData = { data: { physicalConnections: { nodes: { id: string; status: string; vbrs: { id: string }[]; terminationCheck: { terminable: boolean } }[] } } };

const running: TestGateway[] = [];
async function gateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const t = await startTestGateway({ LOG_LEVEL: 'warn', ...env });
  running.push(t);
  // 2 circuits without VBRs (terminable), 4 with one VBR each.
  await t.control.reset({ generate: { connections: 6, vbrsPerConnection: [1, 1], enabledWithoutVbrs: 2 } });
  return t;
}
afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

async function list(t: TestGateway): Promise<ListData['data']['physicalConnections']['nodes']> {
  const res = await t.graphql({ query: LIST });
  expect(res.status).toBe(200);
  const body = res.json<ListData & { errors?: unknown }>();
  expect(body.errors).toBeUndefined();
  return body.data.physicalConnections.nodes;
}

async function byAction(t: TestGateway): Promise<Record<string, number>> {
  return (await t.control.calls()).byAction;
}

describe('read coalescing (default on)', () => {
  it('sends a list that 20 consoles poll at the same moment once, and every console gets it', async () => {
    const t = await gateway();
    // Every upstream call takes 2 s, so all 20 requests overlap even on a loaded CI machine.
    await t.control.addFault({ action: '*', type: 'latency', latencyMs: 2000 });
    await t.control.clearCalls();
    const pages = await Promise.all(Array.from({ length: 20 }, () => list(t)));
    expect(await byAction(t)).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRouters: 1 });
    expect(pages[0]).toHaveLength(6);
    for (const page of pages) expect(page).toEqual(pages[0]);
    const metrics = (await t.http('GET', '/metrics')).text;
    expect(metrics).toMatch(/gateway_upstream_reads_shared_total\{action="DescribePhysicalConnections",source="coalesced"\} 19/);
    expect(metrics).toMatch(/gateway_upstream_reads_shared_total\{action="DescribeVirtualBorderRouters",source="coalesced"\} 19/);
    // Two sequential 2 s upstream calls: the default 5 s left too little for 20 requests on a loaded machine.
  }, 20_000);

  it('with VPC_READ_COALESCING=false every request reaches the upstream', async () => {
    const t = await gateway({ VPC_READ_COALESCING: 'false' });
    await t.control.addFault({ action: '*', type: 'latency', latencyMs: 150 });
    await t.control.clearCalls();
    await Promise.all(Array.from({ length: 20 }, () => list(t)));
    expect(await byAction(t)).toEqual({ DescribePhysicalConnections: 20, DescribeVirtualBorderRouters: 20 });
  });
});

describe('read cache (VPC_READ_CACHE_TTL_MS)', () => {
  it('serves repeated reads from the cache, yet a terminate decides on fresh reads and then drops the cache', async () => {
    const t = await gateway({ VPC_READ_CACHE_TTL_MS: '60000' });
    const before = await list(t);
    const [blocked, free] = before.filter((pc) => pc.terminationCheck.terminable).map((pc) => pc.id);
    if (blocked === undefined || free === undefined) throw new Error('the generated seed has two terminable circuits');
    await t.control.clearCalls();
    expect(await list(t)).toEqual(before);
    expect(await byAction(t)).toEqual({});

    // A VBR appears behind the gateway's back: the cached list cannot know (that is what the TTL bounds)...
    const client = new SignedClient({ url: t.gateway.emulatorUrl ?? '' });
    try {
      const created = await client.call('CreateVirtualBorderRouter', {
        RegionId: REGION,
        PhysicalConnectionId: blocked,
        VlanId: '2001',
        LocalGatewayIp: '172.16.0.1',
        PeerGatewayIp: '172.16.0.2',
        PeeringSubnetMask: '255.255.255.252',
      });
      expect(created.status).toBe(200);
    } finally {
      await client.close();
    }
    await t.control.clearCalls();
    expect((await list(t)).find((pc) => pc.id === blocked)?.terminationCheck.terminable).toBe(true);

    // ...but the terminate reads fresh, sees the VBR and refuses without calling Terminate.
    const refused = (await t.graphql({ query: TERMINATE, variables: { id: blocked } })).json<{ errors: { extensions: { code: string } }[] }>();
    expect(refused.errors[0]?.extensions.code).toBe('VBRS_ATTACHED');
    expect(await byAction(t)).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRoutersForPhysicalConnection: 1 });

    // A terminate that reaches the upstream drops the region's cache: the next list is read anew.
    const done = (await t.graphql({ query: TERMINATE, variables: { id: free } })).json<{ data: unknown; errors?: unknown }>();
    expect(done.errors).toBeUndefined();
    await t.control.clearCalls();
    const after = await list(t);
    expect(await byAction(t)).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRouters: 1 });
    expect(after.find((pc) => pc.id === free)?.status).toBe('TERMINATING');
    expect(after.find((pc) => pc.id === blocked)).toMatchObject({ vbrs: [{ id: expect.stringMatching(/^vbr-/) }], terminationCheck: { terminable: false } });
  });

  it('a terminate re-reads the circuit itself even when the very same read is cached', async () => {
    const t = await gateway({ VPC_READ_CACHE_TTL_MS: '60000' });
    const id = (await list(t)).find((pc) => pc.terminationCheck.terminable)?.id ?? '';
    const detail = { query: 'query D($id: ID!) { physicalConnection(id: $id) { id status } }', variables: { id } };
    // The by-id loader's read has the same wire parameters as the terminate's fresh circuit read.
    expect((await t.graphql(detail)).json()).toEqual({ data: { physicalConnection: { id, status: 'ENABLED' } } });
    const client = new SignedClient({ url: t.gateway.emulatorUrl ?? '' });
    try {
      expect((await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: id })).status).toBe(200);
    } finally {
      await client.close();
    }
    await t.control.clearCalls();
    expect((await t.graphql(detail)).json()).toEqual({ data: { physicalConnection: { id, status: 'ENABLED' } } });
    expect(await byAction(t)).toEqual({});

    const refused = (await t.graphql({ query: TERMINATE, variables: { id } })).json<{ errors: { extensions: { code: string; currentStatus: string } }[] }>();
    expect(refused.errors[0]?.extensions).toMatchObject({ code: 'PHYSICAL_CONNECTION_NOT_ENABLED', currentStatus: 'TERMINATING' });
    // Refused from the fresh read: no TerminatePhysicalConnection was sent.
    expect(await byAction(t)).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRoutersForPhysicalConnection: 1 });
  });
});
