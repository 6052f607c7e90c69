/**
 * The per-request data source over MockAgent: DataLoader batching (one call per region and per 50
 * ids), VBR walks (page 1, then the rest concurrently), priming, fresh reads, cancellation.
 */
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../../src/datasources';
import { UpstreamError } from '../../../src/datasources/errors';
import type { UnexpectedValueEvent } from '../../../src/datasources/options';
import { ORIGIN, STATIC_CREDENTIALS, apiError, mockUpstream, type Handler, type MockUpstream } from './support/mock-upstream';
import { circuitIds, fakeVpc, type FakeAttachment, type FakeCircuit, type FakeVbr } from './support/fake-vpc';

const open: { backend: VpcBackend; upstream: MockUpstream }[] = [];
function setup(handler: Handler, options: Partial<VpcBackendOptions> = {}, delayMs?: number) {
  const upstream = mockUpstream(handler, delayMs ? { delayMs } : {});
  const backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: upstream.agent, retry: { maxAttempts: 1 }, ...options });
  open.push({ backend, upstream });
  return { upstream, backend, ds: backend.forRequest() };
}
afterEach(async () => {
  for (const { backend, upstream } of open.splice(0)) {
    await backend.close();
    await upstream.close();
  }
});

const circuit = (id: string, extra: Partial<FakeCircuit> = {}): FakeCircuit => ({ PhysicalConnectionId: id, Status: 'Enabled', Name: `name of ${id}`, ...extra });
const vbr = (id: string, pc: string, extra: Partial<FakeVbr> = {}): FakeVbr => ({ VbrId: id, PhysicalConnectionId: pc, Status: 'active', VlanId: 1, ...extra });

function filterValues(query: Record<string, string>, n = 1): string[] {
  return Object.entries(query)
    .filter(([k]) => k.startsWith(`Filter.${n}.Value.`))
    .map(([, v]) => v);
}

describe('physical connection by id (DataLoader)', () => {
  it('loads asked in the same tick become ONE DescribePhysicalConnections with many filter values', async () => {
    const { upstream, ds } = setup(fakeVpc({ circuits: [circuit('pc-a1'), circuit('pc-b2'), circuit('pc-c3')] }));
    const [a, b, again, missing] = await Promise.all([
      ds.physicalConnection('cn-hangzhou', 'pc-a1'),
      ds.physicalConnection('cn-hangzhou', 'pc-b2'),
      ds.physicalConnection('cn-hangzhou', 'pc-a1'),
      ds.physicalConnection('cn-hangzhou', 'pc-zz9'),
    ]);
    expect(a?.id).toBe('pc-a1');
    expect(b?.name).toBe('name of pc-b2');
    expect(again).toBe(a);
    expect(missing).toBeNull();
    expect(upstream.requests).toHaveLength(1);
    const q = upstream.requests[0]?.query ?? {};
    expect(q['Filter.1.Key']).toBe('PhysicalConnectionId');
    expect(filterValues(q).sort()).toEqual(['pc-a1', 'pc-b2', 'pc-zz9']);
    expect(q.PageSize).toBe('50');
    // Cached for the rest of the request.
    await ds.physicalConnection('cn-hangzhou', 'pc-c3');
    await ds.physicalConnection('cn-hangzhou', 'pc-a1');
    expect(upstream.requests).toHaveLength(2);
  });

  it('splits by region and into chunks of at most 50 ids', async () => {
    const ids = circuitIds(120);
    const { upstream, ds } = setup(fakeVpc({ circuits: [...ids.map((id) => circuit(id)), circuit('pc-sh1', { RegionId: 'cn-shanghai' })] }));
    const results = await Promise.all([...ids.map((id) => ds.physicalConnection('cn-hangzhou', id)), ds.physicalConnection('cn-shanghai', 'pc-sh1')]);
    expect(results.every((r) => r !== null)).toBe(true);
    const calls = upstream.requests.map((r) => [r.query.RegionId, filterValues(r.query).length]);
    expect(calls.sort()).toEqual([
      ['cn-hangzhou', 20],
      ['cn-hangzhou', 50],
      ['cn-hangzhou', 50],
      ['cn-shanghai', 1],
    ]);
  });

  it('a failing chunk fails only its own keys', async () => {
    const { ds } = setup((req) =>
      req.query.RegionId === 'cn-shanghai' ? apiError(503, 'ServiceUnavailable') : fakeVpc({ circuits: [circuit('pc-ok')] })(req, 0),
    );
    const [ok, bad] = await Promise.allSettled([ds.physicalConnection('cn-hangzhou', 'pc-ok'), ds.physicalConnection('cn-shanghai', 'pc-x')]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { id: 'pc-ok' } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { kind: 'UNAVAILABLE', code: 'ServiceUnavailable' } });
  });

  it('an item with an unknown Status fails that key only; the list skips it and reports it', async () => {
    const events: UnexpectedValueEvent[] = [];
    const data = fakeVpc({ circuits: [circuit('pc-good'), circuit('pc-odd', { Status: 'Suspended' })] });
    const { upstream, ds } = setup(data, { hooks: { onUnexpectedValue: (e) => events.push(e) } });
    const [good, odd] = await Promise.allSettled([ds.physicalConnection('cn-hangzhou', 'pc-good'), ds.physicalConnection('cn-hangzhou', 'pc-odd')]);
    expect(good.status).toBe('fulfilled');
    expect(odd).toMatchObject({ status: 'rejected', reason: { kind: 'UNKNOWN', code: 'Response.UnexpectedValue' } });
    const page = await backendDs(upstream).physicalConnections('cn-hangzhou', {}, { pageNumber: 1, pageSize: 50 });
    expect(page.items.map((p) => p.id)).toEqual(['pc-good']);
    expect(page.totalCount).toBe(2);
    expect(events.map((e) => [e.resourceId, e.field, e.consequence])).toContainEqual(['pc-odd', 'Status', 'item-rejected']);
  });
});

/** A second data source (new request) on the same upstream. */
function backendDs(upstream: MockUpstream) {
  const backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: upstream.agent });
  open.push({ backend, upstream: { ...upstream, close: async () => undefined } });
  return backend.forRequest();
}

describe('VBRs of many circuits (one walk per region)', () => {
  const circuits = circuitIds(50);
  const vbrs = circuits.flatMap((pc, i) => [vbr(`vbr-${i}a`, pc), vbr(`vbr-${i}b`, pc, { Status: 'terminated' }), vbr(`vbr-${i}c`, pc, { VbrOwnerUid: 1 })]);

  it('50 circuits x 3 VBRs: page 1 then pages 2..3 concurrently, = 3 calls, not 50', async () => {
    const answer = fakeVpc({ vbrs });
    // Pages 2 and 3 are held until both have been asked for. A walk that waited for page 2 before
    // asking for page 3 would never get there: the fallback then lets it finish, and fail below.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fallback = setTimeout(() => release(), 2_000);
    /** Per page: how many replies had been sent when it was asked for. */
    const answeredBefore = new Map<string, number>();
    const { upstream, ds } = setup((req, i) => {
      const pageNumber = req.query.PageNumber ?? '?';
      answeredBefore.set(pageNumber, upstream.delivered());
      if (pageNumber === '1') return answer(req, i);
      if (answeredBefore.size === 3) release();
      return { ...answer(req, i), hold: held };
    });
    const lists = await Promise.all(circuits.map((pc) => ds.vbrsOfPhysicalConnection('cn-hangzhou', pc))).finally(() => clearTimeout(fallback));
    expect(lists.map((l) => l.length)).toEqual(circuits.map(() => 3));
    expect(lists[7]?.map((v) => v.id).sort()).toEqual(['vbr-7a', 'vbr-7b', 'vbr-7c']);
    expect(upstream.requests).toHaveLength(3);
    for (const r of upstream.requests) {
      expect(r.action).toBe('DescribeVirtualBorderRouters');
      expect(r.query).toMatchObject({ 'Filter.1.Key': 'PhysicalConnectionId', IncludeCrossAccountVbr: 'true', PageSize: '50' });
      expect(filterValues(r.query)).toHaveLength(50);
    }
    expect(upstream.requests.map((r) => r.query.PageNumber).sort()).toEqual(['1', '2', '3']);
    // Page 1 alone first (it tells the total); pages 2 and 3 then both asked for before either
    // was answered.
    expect(answeredBefore).toEqual(new Map([['1', 0], ['2', 1], ['3', 1]]));
    // The walk primed the VBR-by-id loader: no further call.
    expect((await ds.vbr('cn-hangzhou', 'vbr-7b'))?.status).toBe('TERMINATED');
    expect(upstream.requests).toHaveLength(3);
  });

  it('a circuit without VBRs gets an empty list; a VBR with an unknown status fails only its circuit', async () => {
    const { ds } = setup(fakeVpc({ vbrs: [vbr('vbr-ok', 'pc-one'), vbr('vbr-odd', 'pc-two', { Status: 'hibernating' })] }));
    const [one, two, none] = await Promise.allSettled([
      ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-one'),
      ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-two'),
      ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-none'),
    ]);
    expect(one).toMatchObject({ status: 'fulfilled', value: [{ id: 'vbr-ok' }] });
    expect(two).toMatchObject({ status: 'rejected', reason: { code: 'Response.UnexpectedValue' } });
    expect(none).toMatchObject({ status: 'fulfilled', value: [] });
  });

  it('VBRs by id batch through the VbrId filter', async () => {
    const { upstream, ds } = setup(fakeVpc({ vbrs: [vbr('vbr-x1', 'pc-1'), vbr('vbr-x2', 'pc-2')] }));
    const [x1, x2, nope] = await Promise.all([ds.vbr('cn-hangzhou', 'vbr-x1'), ds.vbr('cn-hangzhou', 'vbr-x2'), ds.vbr('cn-hangzhou', 'vbr-nope')]);
    expect([x1?.physicalConnectionId, x2?.physicalConnectionId, nope]).toEqual(['pc-1', 'pc-2', null]);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.query).toMatchObject({ 'Filter.1.Key': 'VbrId', IncludeCrossAccountVbr: 'true' });
  });

  it("own VBRs batch through the VbrId filter without other accounts' VBRs", async () => {
    const { upstream, ds } = setup(fakeVpc({ vbrs: [vbr('vbr-o1', 'pc-1'), vbr('vbr-f1', 'pc-1', { Foreign: true })] }));
    const [own, foreign, seen] = await Promise.all([
      ds.ownVbr('cn-hangzhou', 'vbr-o1'),
      ds.ownVbr('cn-hangzhou', 'vbr-f1'),
      ds.vbr('cn-hangzhou', 'vbr-f1'),
    ]);
    expect([own?.id, foreign, seen?.id]).toEqual(['vbr-o1', null, 'vbr-f1']);
    expect(upstream.requests).toHaveLength(2);
    const ownCall = upstream.requests.find((r) => r.query.IncludeCrossAccountVbr === 'false');
    expect(filterValues(ownCall?.query ?? {})).toEqual(['vbr-o1', 'vbr-f1']);
    await expect(ds.ownVbr('cn-hangzhou', 'not-a-vbr')).rejects.toMatchObject({ field: 'vbrId' });
  });
});

describe('lists, fresh reads, writes', () => {
  it('a list primes the by-id loader; a new request does not share the cache', async () => {
    const { upstream, backend, ds } = setup(fakeVpc({ circuits: [circuit('pc-l1'), circuit('pc-l2')], vbrs: [vbr('vbr-l1', 'pc-l1')] }));
    const page = await ds.physicalConnections('cn-hangzhou', { statuses: ['ALLOCATION_FAILED', 'TERMINATED'] }, { pageNumber: 1, pageSize: 2 });
    expect(page).toEqual({ items: [], totalCount: 0, pageNumber: 1, pageSize: 2, requestId: 'R-DescribePhysicalConnections-1' });
    // The status filter is sent in upstream spelling.
    expect(filterValues(upstream.requests[0]?.query ?? {})).toEqual(['Allocation Failed', 'Terminated']);
    const all = await ds.physicalConnections('cn-hangzhou', {}, { pageNumber: 1, pageSize: 50 });
    expect(all.items.map((p) => p.id)).toEqual(['pc-l1', 'pc-l2']);
    await ds.physicalConnection('cn-hangzhou', 'pc-l2');
    expect(upstream.requests).toHaveLength(2);
    await backend.forRequest().physicalConnection('cn-hangzhou', 'pc-l2');
    expect(upstream.requests).toHaveLength(3);
    const vbrPage = await ds.vbrs('cn-hangzhou', { physicalConnectionIds: ['pc-l1'], statuses: ['ACTIVE'] }, { pageNumber: 1, pageSize: 10 });
    expect(vbrPage.items.map((v) => v.id)).toEqual(['vbr-l1']);
    expect(upstream.requests[3]?.query).toMatchObject({ 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.2.Key': 'Status', 'Filter.2.Value.1': 'active', IncludeCrossAccountVbr: 'true' });
  });

  it('fresh reads bypass the cache every time; attachments walk every page', async () => {
    const attachments: FakeAttachment[] = Array.from({ length: 120 }, (_, i) => ({ VbrId: `vbr-f${i}`, Status: i % 2 ? 'active' : 'deleting', Bandwidth: '10', VlanId: i }));
    const { upstream, ds } = setup(fakeVpc({ circuits: [circuit('pc-f1')], attachments: { 'pc-f1': attachments } }));
    await ds.physicalConnection('cn-hangzhou', 'pc-f1');
    const fresh1 = await ds.freshPhysicalConnection('cn-hangzhou', 'pc-f1');
    const fresh2 = await ds.freshPhysicalConnection('cn-hangzhou', 'pc-f1');
    expect(fresh1?.status).toBe('ENABLED');
    expect(fresh2).not.toBe(fresh1);
    expect(upstream.count('DescribePhysicalConnections')).toBe(3);
    expect(await ds.freshPhysicalConnection('cn-hangzhou', 'pc-gone')).toBeNull();
    const list = await ds.freshVbrAttachments('cn-hangzhou', 'pc-f1');
    expect(list).toHaveLength(120);
    expect(list[1]).toMatchObject({ vbrId: 'vbr-f1', status: 'ACTIVE', bandwidth: 10 });
    const walks = upstream.requests.filter((r) => r.action === 'DescribeVirtualBorderRoutersForPhysicalConnection');
    expect(walks.map((r) => r.query.PageNumber).sort()).toEqual(['1', '2', '3']);
    expect(walks.every((r) => r.query.PhysicalConnectionId === 'pc-f1' && r.query.PageSize === '50')).toBe(true);
    await ds.freshVbrAttachments('cn-hangzhou', 'pc-f1');
    expect(upstream.count('DescribeVirtualBorderRoutersForPhysicalConnection')).toBe(6);
  });

  it('an attachment with an unknown status fails the whole fresh read (it decides a destructive call)', async () => {
    const { ds } = setup(fakeVpc({ attachments: { 'pc-f2': [{ VbrId: 'vbr-1', Status: 'active' }, { VbrId: 'vbr-2', Status: 'mystery' }] } }));
    await expect(ds.freshVbrAttachments('cn-hangzhou', 'pc-f2')).rejects.toMatchObject({ kind: 'UNKNOWN' });
  });

  it('a fresh VBR read bypasses the cache and sees other accounts\' VBRs', async () => {
    const { upstream, ds } = setup(fakeVpc({ vbrs: [vbr('vbr-r1', 'pc-1', { Foreign: true })] }));
    await ds.vbr('cn-hangzhou', 'vbr-r1');
    const [a, b] = [await ds.freshVbr('cn-hangzhou', 'vbr-r1'), await ds.freshVbr('cn-hangzhou', 'vbr-r1')];
    expect([a?.id, b?.status]).toEqual(['vbr-r1', 'ACTIVE']);
    expect(await ds.freshVbr('cn-hangzhou', 'vbr-gone')).toBeNull();
    expect(upstream.count('DescribeVirtualBorderRouters')).toBe(4);
    expect(upstream.requests.every((r) => r.query.IncludeCrossAccountVbr === 'true')).toBe(true);
  });

  it('the VBR writes send their parameters and the token; create returns the new id', async () => {
    const { upstream, ds } = setup(fakeVpc({}));
    const created = await ds.createVbr('cn-hangzhou', { physicalConnectionId: 'pc-1', vlanId: 7, name: 'edge' }, { clientToken: 'c-1' });
    expect(created).toEqual({ requestId: 'R-CreateVirtualBorderRouter', clientToken: 'c-1', vbrId: 'vbr-new1' });
    await ds.modifyVbr('cn-hangzhou', 'vbr-1', { vlanId: 8 }, { clientToken: 'm-1' });
    const results = await Promise.all([ds.terminateVbr('cn-hangzhou', 'vbr-1'), ds.recoverVbr('cn-hangzhou', 'vbr-1'), ds.deleteVbr('cn-hangzhou', 'vbr-1')]);
    expect(results.map((r) => r.clientToken)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    const byAction = Object.fromEntries(upstream.requests.map((r) => [r.action, r.query]));
    expect(byAction['CreateVirtualBorderRouter']).toMatchObject({ PhysicalConnectionId: 'pc-1', VlanId: '7', Name: 'edge', ClientToken: 'c-1' });
    expect(byAction['ModifyVirtualBorderRouterAttribute']).toMatchObject({ VbrId: 'vbr-1', VlanId: '8', ClientToken: 'm-1' });
    for (const action of ['TerminateVirtualBorderRouter', 'RecoverVirtualBorderRouter', 'DeleteVirtualBorderRouter']) {
      expect(byAction[action]).toMatchObject({ RegionId: 'cn-hangzhou', VbrId: 'vbr-1' });
    }
  });

  it('terminate sends the caller token, or a generated one, and returns it', async () => {
    const { upstream, ds } = setup(fakeVpc({}));
    await expect(ds.terminatePhysicalConnection('cn-hangzhou', 'pc-t1', { clientToken: 'caller-token' })).resolves.toEqual({
      requestId: 'R-TerminatePhysicalConnection',
      clientToken: 'caller-token',
    });
    const generated = await ds.terminatePhysicalConnection('cn-hangzhou', 'pc-t1');
    expect(generated.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(upstream.requests.map((r) => r.query.ClientToken)).toEqual(['caller-token', generated.clientToken]);
  });

  it('each circuit write sends its action with the region, the circuit and the token (Token for Recover)', async () => {
    const { upstream, ds } = setup((req, attempt) =>
      req.action === 'CreatePhysicalConnection'
        ? { status: 200, body: { RequestId: 'R-create', PhysicalConnectionId: 'pc-new1' } }
        : fakeVpc({})(req, attempt),
    );
    const token = { clientToken: 'tok-w' };
    await expect(ds.createPhysicalConnection('cn-hangzhou', { accessPointId: 'ap-cn-hangzhou-yh-B', lineOperator: 'CT', name: 'new-circuit' }, token))
      .resolves.toEqual({ requestId: 'R-create', clientToken: 'tok-w', physicalConnectionId: 'pc-new1' });
    await ds.confirmPhysicalConnection('cn-hangzhou', 'pc-w1', token);
    await ds.enablePhysicalConnection('cn-hangzhou', 'pc-w1', token);
    await ds.cancelPhysicalConnection('cn-hangzhou', 'pc-w1', token);
    await ds.recoverPhysicalConnection('cn-hangzhou', 'pc-w1', token);
    await ds.deletePhysicalConnection('cn-hangzhou', 'pc-w1', token);
    await ds.modifyPhysicalConnection('cn-hangzhou', 'pc-w1', { name: 'renamed', bandwidth: 100 }, token);
    const sent = upstream.requests.map(({ action, query }) => ({ action, ...query }));
    expect(sent).toEqual([
      expect.objectContaining({ action: 'CreatePhysicalConnection', RegionId: 'cn-hangzhou', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT', Name: 'new-circuit', ClientToken: 'tok-w' }),
      expect.objectContaining({ action: 'ConfirmPhysicalConnection', RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-w1', ClientToken: 'tok-w' }),
      expect.objectContaining({ action: 'EnablePhysicalConnection', RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-w1', ClientToken: 'tok-w' }),
      expect.objectContaining({ action: 'CancelPhysicalConnection', RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-w1', ClientToken: 'tok-w' }),
      expect.objectContaining({ action: 'RecoverPhysicalConnection', RegionId: 'cn-hangzhou', InstanceId: 'pc-w1', Token: 'tok-w' }),
      expect.objectContaining({ action: 'DeletePhysicalConnection', RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-w1', ClientToken: 'tok-w' }),
      expect.objectContaining({ action: 'ModifyPhysicalConnectionAttribute', PhysicalConnectionId: 'pc-w1', Name: 'renamed', bandwidth: '100', ClientToken: 'tok-w' }),
    ]);
  });

  it('regions are read once per request', async () => {
    const { upstream, ds } = setup(fakeVpc({}));
    const [a, b] = await Promise.all([ds.regions(), ds.regions()]);
    expect(a).toEqual([{ regionId: 'cn-hangzhou', localName: 'Hangzhou', regionEndpoint: 'vpc.aliyuncs.com' }]);
    expect(b).toBe(a);
    expect(upstream.count('DescribeRegions')).toBe(1);
    expect(upstream.requests[0]?.query.RegionId).toBeUndefined();
  });

  it('regions in a language: AcceptLanguage sent, read once per request and language, validated first', async () => {
    const { upstream, ds } = setup(fakeVpc({}));
    await Promise.all([ds.regions({ language: 'EN_US' }), ds.regions({ language: 'EN_US' }), ds.regions()]);
    expect(upstream.count('DescribeRegions')).toBe(2);
    expect(upstream.requests.map((r) => r.query.AcceptLanguage).sort()).toEqual(['en-US', undefined]);
    await expect(ds.regions({ language: 'ja' as never })).rejects.toMatchObject({ name: 'BadInputError', field: 'language' });
    expect(upstream.count('DescribeRegions')).toBe(2);
  });

  it("the request's signal aborts in-flight loader calls", async () => {
    const upstream = mockUpstream(fakeVpc({ circuits: [circuit('pc-s1')] }), { delayMs: 400 });
    const backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: upstream.agent });
    open.push({ backend, upstream });
    const controller = new AbortController();
    const ds = backend.forRequest({ signal: controller.signal });
    const pending = ds.physicalConnection('cn-hangzhou', 'pc-s1');
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'Request.Cancelled' });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('hostile input: BadInputError, and NOTHING is sent', () => {
  // MockAgent with net connect disabled and no interceptor: any request would fail as Transport.Error.
  let backend: VpcBackend;
  let agent: import('undici').MockAgent;
  beforeAll(async () => {
    const { MockAgent } = await import('undici');
    agent = new MockAgent();
    agent.disableNetConnect();
    backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: agent, retry: { maxAttempts: 1 } });
  });
  afterAll(async () => {
    await backend.close();
    await agent.close();
  });

  const label = (s: string) => (s.length > 40 ? `${s.slice(0, 12)}... (${s.length} chars)` : JSON.stringify(s));
  const hostileIds = ['pc-1&Action=DeletePhysicalConnection', '../pc-1', '', 'pc-' + 'a'.repeat(10_240), 'pc-ümlaut', 'pc-１２３', 'PC-ABC', 'pc-a b', 'pc-a\u0000', 'vbr-abc'].map((id) => [label(id), id]);
  const hostileRegions = ['cn-hangzhou.evil.example', '', 'cn-' + 'x'.repeat(10_240), '../etc', 'cn-hangzhou/', 'cn-杭州', 'cn-hangzhou&Action=x', 'CN-HANGZHOU', 'cn'].map((r) => [label(r), r]);

  it('the proof works: a valid call on this agent does reach the (refusing) network layer', async () => {
    await expect(backend.forRequest().freshPhysicalConnection('cn-hangzhou', 'pc-valid')).rejects.toMatchObject({ code: 'Transport.Error' });
  });

  it.each(hostileIds)('physical connection id %s', async (_label, id) => {
    const ds = backend.forRequest();
    for (const call of [
      () => ds.physicalConnection('cn-hangzhou', id),
      () => ds.vbrsOfPhysicalConnection('cn-hangzhou', id),
      () => ds.freshPhysicalConnection('cn-hangzhou', id),
      () => ds.freshVbrAttachments('cn-hangzhou', id),
      () => ds.terminatePhysicalConnection('cn-hangzhou', id),
      () => ds.physicalConnections('cn-hangzhou', { ids: [id] }, { pageNumber: 1, pageSize: 10 }),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: 'BadInputError' });
    }
  });

  it.each(hostileRegions)('region %s', async (_label, region) => {
    const ds = backend.forRequest();
    for (const call of [
      () => ds.physicalConnection(region, 'pc-ok'),
      () => ds.vbr(region, 'vbr-ok'),
      () => ds.vbrsOfPhysicalConnection(region, 'pc-ok'),
      () => ds.physicalConnections(region, {}, { pageNumber: 1, pageSize: 10 }),
      () => ds.vbrs(region, {}, { pageNumber: 1, pageSize: 10 }),
      () => ds.terminatePhysicalConnection(region, 'pc-ok'),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: 'BadInputError', field: 'regionId' });
    }
  });

  it('client tokens, VBR ids, filters and pages', async () => {
    const ds = backend.forRequest();
    const cases: [() => Promise<unknown>, string][] = [
      [() => ds.terminatePhysicalConnection('cn-hangzhou', 'pc-ok', { clientToken: '' }), 'clientToken'],
      [() => ds.terminatePhysicalConnection('cn-hangzhou', 'pc-ok', { clientToken: 'x'.repeat(65) }), 'clientToken'],
      [() => ds.terminatePhysicalConnection('cn-hangzhou', 'pc-ok', { clientToken: 'tok\nen' }), 'clientToken'],
      [() => ds.terminatePhysicalConnection('cn-hangzhou', 'pc-ok', { clientToken: 'tökén' }), 'clientToken'],
      [() => ds.vbr('cn-hangzhou', 'vbr-1&Action=DeleteVirtualBorderRouter'), 'vbrId'],
      [() => ds.vbr('cn-hangzhou', 'pc-notavbr'), 'vbrId'],
      [() => ds.physicalConnections('cn-hangzhou', { names: ['ok', 'bad\u0007'] }, { pageNumber: 1, pageSize: 10 }), 'filter.names[1]'],
      [() => ds.physicalConnections('cn-hangzhou', { names: ['x'.repeat(129)] }, { pageNumber: 1, pageSize: 10 }), 'filter.names[0]'],
      [() => ds.physicalConnections('cn-hangzhou', { ids: Array.from({ length: 51 }, (_, i) => `pc-${i}`) }, { pageNumber: 1, pageSize: 10 }), 'filter.ids'],
      [() => ds.physicalConnections('cn-hangzhou', { ids: [] }, { pageNumber: 1, pageSize: 10 }), 'filter.ids'],
      [() => ds.physicalConnections('cn-hangzhou', { statuses: ['Enabled' as never] }, { pageNumber: 1, pageSize: 10 }), 'filter.statuses[0]'],
      [() => ds.physicalConnections('cn-hangzhou', { bogus: ['x'] } as never, { pageNumber: 1, pageSize: 10 }), 'filter'],
      [
        () =>
          ds.physicalConnections(
            'cn-hangzhou',
            { ids: ['pc-1'], statuses: ['ENABLED'], names: ['n'], accessPointIds: ['ap-1'], lineOperators: ['CT'], specs: ['SPEC_10G'] },
            { pageNumber: 1, pageSize: 10 },
          ),
        'filter',
      ],
      [() => ds.vbrs('cn-hangzhou', { eccIds: ['ecc 1'] }, { pageNumber: 1, pageSize: 10 }), 'filter.eccIds[0]'],
      [() => ds.physicalConnections('cn-hangzhou', {}, { pageNumber: 0, pageSize: 10 }), 'pageNumber'],
      [() => ds.physicalConnections('cn-hangzhou', {}, { pageNumber: 1, pageSize: 51 }), 'pageSize'],
      [() => ds.vbrs('cn-hangzhou', {}, { pageNumber: 1.5, pageSize: 10 }), 'pageNumber'],
    ];
    for (const [call, field] of cases) {
      await expect(call()).rejects.toMatchObject({ name: 'BadInputError', field });
    }
  });

  it('typed operations validate too (writes with garbage never go out)', async () => {
    const api = backend.api;
    const bad: [() => Promise<unknown>, string][] = [
      [() => api.createVirtualBorderRouter({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-a', vlanId: 3000 }), 'vlanId'],
      [() => api.createVirtualBorderRouter({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-a', vlanId: 1, vbrOwnerId: '12a' }), 'vbrOwnerId'],
      [() => api.createPhysicalConnection({ regionId: 'cn-hangzhou', accessPointId: 'ap-1', lineOperator: 'Equinix' as never }), 'lineOperator'],
      [() => api.modifyPhysicalConnectionAttribute({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-a', bandwidth: 1 }), 'bandwidth'],
      [() => api.modifyVirtualBorderRouterAttribute({ regionId: 'cn-hangzhou', vbrId: 'vbr-a', associatedPhysicalConnections: [{ physicalConnectionId: 'pc-1&x=1' }] }), 'associatedPhysicalConnections[0].physicalConnectionId'],
      [() => api.recoverPhysicalConnection({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-a', clientToken: 'é' }), 'clientToken'],
      [() => api.describeRegions({ acceptLanguage: 'xx' as never }), 'acceptLanguage'],
      [() => api.describePhysicalConnections(null as never), 'request'],
    ];
    for (const [call, field] of bad) {
      const error = await call().catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ name: 'BadInputError', field });
    }
  });
});
