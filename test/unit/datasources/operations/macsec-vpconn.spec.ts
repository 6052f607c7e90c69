/**
 * The MACsec and vpconn operations of the data source over undici's MockAgent: the wire
 * parameters (quirks included), validation before anything is sent (a CAK never echoed), the
 * untokened writes' retry rule, the token-paged list, its mapping and its walks.
 */
import { BadInputError, UpstreamError } from '../../../../src/datasources/errors';
import { createVpcBackend, type VpcBackend } from '../../../../src/datasources';
import { ORIGIN, STATIC_CREDENTIALS, apiError, mockUpstream, type Handler, type MockUpstream, type RecordedRequest } from '../support/mock-upstream';

const R = 'cn-hangzhou';
const PC = 'pc-host1';
const CKN = 'ab'.repeat(16);
const CAK = 'cd'.repeat(32);

const open: Array<{ upstream: MockUpstream; backend: VpcBackend }> = [];

function harness(handler: Handler) {
  const upstream = mockUpstream(handler);
  const backend = createVpcBackend({
    endpoint: ORIGIN,
    credentials: STATIC_CREDENTIALS,
    dispatcher: upstream.agent,
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 5_000 },
    random: () => 0.5,
  });
  open.push({ upstream, backend });
  return { upstream, backend, api: backend.api };
}

afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.backend.close();
    await h.upstream.close();
  }
});

const ok = (extra: Record<string, unknown> = {}): Handler => (req) => ({ status: 200, body: { RequestId: `R-${req.action}`, ...extra } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A ListVirtualPhysicalConnections item as the API sends it. */
function vpconnItem(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    PhysicalConnectionId: id,
    ParentPhysicalConnectionId: PC,
    ParentPhysicalConnectionAliUid: '1688000000000001',
    AliUid: '253460731706911258',
    Status: 'Enabled',
    VirtualPhysicalConnectionStatus: 'Confirmed',
    BusinessStatus: 'Normal',
    VlanId: '2001',
    Spec: '500M',
    Bandwidth: 500,
    OrderMode: 'PayByPhysicalConnectionOwner',
    LineOperator: 'Equinix',
    ChargeType: 'Prepaid',
    CreationTime: '2024-03-11T02:15:40Z',
    Tags: [{ Key: 'env', Value: 'prod' }],
    ...extra,
  };
}

describe('MACsec writes', () => {
  it('AssociateMacSecKey: the suite in its wire spelling, CKN and CAK upper-cased, no token of any name', async () => {
    const { upstream, api } = harness(ok());
    const result = await api.associateMacSecKey({ regionId: R, physicalConnectionId: PC, cipherSuite: 'GCM_AES_XPN_256', ckn: 'ab'.repeat(32), cak: CAK });
    expect(result).toEqual({ requestId: 'R-AssociateMacSecKey', clientToken: null });
    expect(upstream.requests.map((r) => [r.action, r.query])).toEqual([
      ['AssociateMacSecKey', { RegionId: R, PhysicalConnectionId: PC, CipherSuite: 'GCM-AES-XPN-256', Ckn: 'AB'.repeat(32), Cak: CAK.toUpperCase() }],
    ]);
  });

  it('DisassociateMacSecKey: a 32- or 64-digit CKN, no token', async () => {
    const { upstream, api } = harness(ok());
    await api.disassociateMacSecKey({ regionId: R, physicalConnectionId: PC, ckn: CKN });
    await api.disassociateMacSecKey({ regionId: R, physicalConnectionId: PC, ckn: CKN + CKN });
    expect(upstream.requests.map((r) => r.query)).toEqual([
      { RegionId: R, PhysicalConnectionId: PC, Ckn: CKN.toUpperCase() },
      { RegionId: R, PhysicalConnectionId: PC, Ckn: (CKN + CKN).toUpperCase() },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a CAK of the other suite length', { cak: 'cd'.repeat(16) }, 'cak'],
    ['a CAK with a non-hex digit', { cak: `${'cd'.repeat(31)}zz` }, 'cak'],
    ['a CKN too short', { ckn: 'ab' }, 'ckn'],
    ['an unknown suite', { cipherSuite: 'GCM-AES-256' }, 'cipherSuite'],
    ['a circuit id that is not one', { physicalConnectionId: 'vbr-1' }, 'physicalConnectionId'],
  ])('AssociateMacSecKey refuses %s before sending, without echoing the CAK', async (_why, bad, field) => {
    const { upstream, api } = harness(ok());
    const error = await rejection(
      api.associateMacSecKey({ regionId: R, physicalConnectionId: PC, cipherSuite: 'GCM_AES_256', ckn: 'ab'.repeat(32), cak: CAK, ...bad } as never),
    );
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ field });
    expect(String((error as Error).message)).not.toMatch(/cdcd|zz/i);
    expect(upstream.requests).toEqual([]);
  });

  it('DisassociateMacSecKey refuses a CKN that is neither 32 nor 64 hex digits', async () => {
    const { upstream, api } = harness(ok());
    const error = await rejection(api.disassociateMacSecKey({ regionId: R, physicalConnectionId: PC, ckn: 'ab'.repeat(20) }));
    expect(error).toMatchObject({ name: 'BadInputError', field: 'ckn', message: 'ckn must be 32 or 64 hexadecimal digits' });
    expect(upstream.requests).toEqual([]);
  });

  it('is never resent once it may have acted: one attempt on a 503, with no token on the error', async () => {
    const { upstream, api } = harness(() => apiError(503, 'ServiceUnavailable'));
    const error = await rejection(api.disassociateMacSecKey({ regionId: R, physicalConnectionId: PC, ckn: CKN }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'ServiceUnavailable', retryable: true, clientToken: null, attempts: 1 });
    expect(upstream.count('DisassociateMacSecKey')).toBe(1);
  });

  it('is retried after throttling, a refusal that proves it did not act', async () => {
    const { upstream, api } = harness((req, index) => (index < 2 ? apiError(400, 'Throttling.User') : ok()(req, index)));
    await expect(api.disassociateMacSecKey({ regionId: R, physicalConnectionId: PC, ckn: CKN })).resolves.toEqual({
      requestId: 'R-DisassociateMacSecKey',
      clientToken: null,
    });
    expect(upstream.count('DisassociateMacSecKey')).toBe(3);
  });
});

describe('CreateVirtualPhysicalConnection', () => {
  const request = { regionId: R, physicalConnectionId: PC, vlanId: 0, spec: '1G', orderMode: 'PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER', vpconnAliUid: '253460731706911258' } as const;

  it('sends the token as Token, tags as Tag.N, the tenant as exact digits, and maps the new id', async () => {
    const { upstream, api } = harness(ok({ VirtualPhysicalConnection: 'pc-vpconn1' }));
    const result = await api.createVirtualPhysicalConnection({ ...request, clientToken: 'tok-1', name: 'tenant-a', tags: [{ key: 'env', value: 'prod' }], dryRun: false });
    expect(result).toEqual({ requestId: 'R-CreateVirtualPhysicalConnection', clientToken: 'tok-1', virtualPhysicalConnectionId: 'pc-vpconn1' });
    expect(upstream.requests[0]?.query).toEqual({
      RegionId: R,
      PhysicalConnectionId: PC,
      VlanId: '0',
      Spec: '1G',
      OrderMode: 'PayByVirtualPhysicalConnectionOwner',
      VpconnAliUid: '253460731706911258',
      Name: 'tenant-a',
      DryRun: 'false',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      Token: 'tok-1',
    });
  });

  it('a tokened write is resent after a 503 with the same token; an answer without the id is Response.Malformed', async () => {
    const { upstream, api } = harness((req, index) => (index === 0 ? apiError(503, 'ServiceUnavailable') : ok()(req, index)));
    const error = await rejection(api.createVirtualPhysicalConnection(request));
    expect(error).toMatchObject({ code: 'Response.Malformed', clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const tokens = upstream.requests.map((r: RecordedRequest) => r.query.Token);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a VLAN out of range', { vlanId: 3000 }, 'vlanId'],
    ['an unknown spec', { spec: '3G' }, 'spec'],
    ['an unknown order mode', { orderMode: 'PayByPhysicalConnectionOwner' }, 'orderMode'],
    ['a tenant that is not an account id', { vpconnAliUid: 'tenant' }, 'vpconnAliUid'],
  ])('refuses %s before sending', async (_why, bad, field) => {
    const { upstream, api } = harness(ok());
    await expect(api.createVirtualPhysicalConnection({ ...request, ...bad } as never)).rejects.toMatchObject({ name: 'BadInputError', field });
    expect(upstream.requests).toEqual([]);
  });
});

describe('ListVirtualPhysicalConnections', () => {
  it('repeat lists and enum values in their wire form, MaxResults 100 by default, mapped items', async () => {
    const { upstream, api } = harness(ok({ Count: 1, TotalCount: 1, NextToken: '', VirtualPhysicalConnections: [vpconnItem('pc-v1')] }));
    const page = await api.listVirtualPhysicalConnections({
      regionId: R,
      physicalConnectionId: PC,
      filter: { ids: ['pc-v1', 'pc-v2'], statuses: ['UNCONFIRMED'], ownerAccountIds: ['253460731706911258'], vlanIds: [0, 2001], isConfirmed: false, businessStatus: 'FINANCIAL_LOCKED' },
      tags: [{ key: 'env', value: 'prod' }],
      nextToken: 'next-1',
    });
    expect(upstream.requests[0]?.query).toEqual({
      RegionId: R,
      PhysicalConnectionId: PC,
      'VirtualPhysicalConnectionIds.1': 'pc-v1',
      'VirtualPhysicalConnectionIds.2': 'pc-v2',
      'VirtualPhysicalConnectionStatuses.1': 'UnConfirmed',
      'VirtualPhysicalConnectionAliUids.1': '253460731706911258',
      'VlanIds.1': '0',
      'VlanIds.2': '2001',
      IsConfirmed: 'false',
      VirtualPhysicalConnectionBusinessStatus: 'FinancialLocked',
      'Tags.1.Key': 'env',
      'Tags.1.Value': 'prod',
      MaxResults: '100',
      NextToken: 'next-1',
    });
    expect(page.nextToken).toBeNull();
    expect(page.totalCount).toBe(1);
    expect(page.items).toEqual([
      {
        id: 'pc-v1',
        regionId: R,
        status: 'ENABLED',
        vpconnStatus: 'CONFIRMED',
        businessStatus: 'NORMAL',
        name: null,
        description: null,
        vlanId: 2001,
        spec: '500M',
        expectSpec: null,
        bandwidth: 500,
        orderMode: 'PAY_BY_PHYSICAL_CONNECTION_OWNER',
        ownerAccountId: '253460731706911258',
        parentPhysicalConnectionId: PC,
        parentPhysicalConnectionAliUid: '1688000000000001',
        accessPointId: null,
        lineOperator: 'EQUINIX',
        portType: null,
        chargeType: 'PREPAID',
        creationTime: new Date('2024-03-11T02:15:40Z'),
        enabledTime: null,
        endTime: null,
        resourceGroupId: null,
        tags: [{ key: 'env', value: 'prod' }],
      },
    ]);
  });

  it('an item with an unknown Status is rejected with its host, the others kept', async () => {
    const { api } = harness(ok({ VirtualPhysicalConnections: [vpconnItem('pc-v1', { Status: 'Hibernating' }), vpconnItem('pc-v2')] }));
    const page = await api.listVirtualPhysicalConnections({ regionId: R });
    expect(page.items.map((v) => v.id)).toEqual(['pc-v2']);
    expect(page.rejected).toEqual([{ id: 'pc-v1', ownerId: PC, error: expect.objectContaining({ code: 'Response.UnexpectedValue' }) }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['maxResults beyond 100', { maxResults: 101 }, 'maxResults'],
    ['an unknown filter key', { filter: { names: ['x'] } }, 'filter'],
    ['a VLAN out of range', { filter: { vlanIds: [3000] } }, 'filter.vlanIds[0]'],
    ['an unknown status', { filter: { statuses: ['Confirmed'] } }, 'filter.statuses[0]'],
  ])('refuses %s before sending', async (_why, bad, field) => {
    const { upstream, api } = harness(ok());
    await expect(api.listVirtualPhysicalConnections({ regionId: R, ...bad } as never)).rejects.toMatchObject({ name: 'BadInputError', field });
    expect(upstream.requests).toEqual([]);
  });
});

describe('the per-request data source: vpconns of a circuit', () => {
  /** Three pages chained by NextToken; the last one's token empty. */
  const threePages: Handler = (req) => {
    const token = req.query.NextToken;
    const pages: Record<string, [string, string]> = { '': ['pc-v1', 'p2'], p2: ['pc-v2', 'p3'], p3: ['pc-v3', ''] };
    const [id, next] = pages[token ?? ''] ?? ['pc-x', ''];
    return { status: 200, body: { RequestId: `R-${token ?? 'first'}`, Count: 1, TotalCount: 3, NextToken: next, VirtualPhysicalConnections: [vpconnItem(id)] } };
  };

  it('walks every page by token, once per circuit and request; fresh reads go out every time', async () => {
    const { upstream, backend } = harness(threePages);
    const ds = backend.forRequest();
    const [first, second] = await Promise.all([ds.vpconnsOfPhysicalConnection(R, PC), ds.vpconnsOfPhysicalConnection(R, PC)]);
    expect(first.map((v) => v.id)).toEqual(['pc-v1', 'pc-v2', 'pc-v3']);
    expect(second).toBe(first);
    expect(upstream.requests.map((r) => r.query.NextToken ?? null)).toEqual([null, 'p2', 'p3']);
    expect(upstream.requests.every((r) => r.query.PhysicalConnectionId === PC && r.query.MaxResults === '100')).toBe(true);

    expect((await ds.freshVpconns(R, PC)).map((v) => v.id)).toEqual(['pc-v1', 'pc-v2', 'pc-v3']);
    await ds.freshVpconns(R, PC);
    expect(upstream.count('ListVirtualPhysicalConnections')).toBe(9);
  });

  it('fails the whole list when an item cannot be mapped (a hidden vpconn would make the host look free)', async () => {
    const { backend } = harness(ok({ VirtualPhysicalConnections: [vpconnItem('pc-v1'), vpconnItem('pc-v2', { Status: 42 })] }));
    await expect(backend.forRequest().vpconnsOfPhysicalConnection(R, PC)).rejects.toMatchObject({ code: 'Response.UnexpectedValue' });
    await expect(backend.forRequest().freshVpconns(R, PC)).rejects.toMatchObject({ code: 'Response.UnexpectedValue' });
  });

  it('refuses a list that never ends (a NextToken after 200 pages): Gateway.ListTooLong, not a partial list', async () => {
    const { upstream, backend } = harness((req) => ({
      status: 200,
      body: { RequestId: 'R-loop', NextToken: `t${Number((req.query.NextToken ?? 't0').slice(1)) + 1}`, VirtualPhysicalConnections: [] },
    }));
    await expect(backend.forRequest().freshVpconns(R, PC)).rejects.toMatchObject({ code: 'Gateway.ListTooLong' });
    expect(upstream.count('ListVirtualPhysicalConnections')).toBe(200);
  });

  it('validates its arguments before anything is sent', async () => {
    const { upstream, backend } = harness(ok());
    await expect(backend.forRequest().vpconnsOfPhysicalConnection('cn hangzhou', PC)).rejects.toMatchObject({ name: 'BadInputError', field: 'regionId' });
    await expect(backend.forRequest().freshVpconns(R, 'vbr-1')).rejects.toMatchObject({ name: 'BadInputError', field: 'physicalConnectionId' });
    await expect(backend.forRequest().disassociateMacsecKey(R, PC, 'not-hex')).rejects.toMatchObject({ name: 'BadInputError', field: 'ckn' });
    expect(upstream.requests).toEqual([]);
  });
});
