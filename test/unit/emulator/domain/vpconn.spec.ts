/**
 * Shared-port virtual connections (vpconns) in the domain: CreateVirtualPhysicalConnection by the
 * host's owner, the tenant's confirmation, ListVirtualPhysicalConnections (filters, NextToken
 * paging, the response's own shape), DeletePhysicalConnection by the host's owner, and the
 * vpconns' part in the host's VLANs and termination.
 */
import { JsonInteger } from '../../../../src/emulator/contract';
import { DEMO_ACCOUNTS, DEMO_IDS, type Seed } from '../../../../src/emulator/domain';
import { harness, HZ, TRANSITION_MS, type Body } from './harness';

const HOST = DEMO_IDS.enabledReadyToTerminate[0];
/** Bandwidth 1000 Mbit/s: room for exactly one 1G vpconn. */
const SMALL_HOST = DEMO_IDS.enabledReadyToTerminate[1];
const { demo, tenant, partner } = DEMO_ACCOUNTS;

const create = (params: Record<string, string> = {}) => ({
  RegionId: HZ,
  PhysicalConnectionId: HOST,
  VlanId: '300',
  Spec: '100M',
  OrderMode: 'PayByVirtualPhysicalConnectionOwner',
  VpconnAliUid: tenant,
  ...params,
});

function list(h: ReturnType<typeof harness>, params: Record<string, string> = {}, account: string = demo): Body {
  return h.call('ListVirtualPhysicalConnections', { RegionId: HZ, ...params }, account);
}
const idsOf = (body: Body) => (body.VirtualPhysicalConnections as Body[]).map((v) => v.PhysicalConnectionId);

describe('CreateVirtualPhysicalConnection', () => {
  it("creates the tenant's vpconn on the partner's host, waiting for the tenant; the host counts it and cannot terminate", () => {
    const h = harness();
    const body = h.call('CreateVirtualPhysicalConnection', create({ Name: 'tenant-a', Token: 'vpconn-1', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' }));
    const id = body.VirtualPhysicalConnection as string;
    expect(id).toMatch(/^pc-bp1[a-z0-9]{17}$/);
    expect(h.circuit(id)).toBeUndefined(); // the partner does not own it
    expect(h.circuit(id, HZ, tenant)).toMatchObject({
      ProductType: 'VirtualPhysicalConnection',
      Status: 'Allocated',
      VpconnStatus: 'UnConfirmed',
      ParentPhysicalConnectionId: HOST,
      Name: 'tenant-a',
      VlanId: '300',
      Spec: '100M',
      Bandwidth: 100,
      OrderMode: 'PayByVirtualPhysicalConnectionOwner',
      Tags: { tags: [{ Key: 'env', Value: 'prod' }] },
    });
    expect(h.circuit(id, HZ, tenant)?.ParentPhysicalConnectionAliUid).toEqual(new JsonInteger(demo));
    expect(h.circuit(HOST)?.VirtualPhysicalConnectionCount).toBe(1);
    expect(h.fail('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: HOST }).code).toBe('OperationFailed.VpconnAttached');
    expect(h.domain.writes?.()).toEqual([
      expect.objectContaining({ action: 'CreateVirtualPhysicalConnection', resourceId: id, clientToken: 'vpconn-1', requestId: body.RequestId }),
    ]);
  });

  it('replays a Token with the same parameters (one vpconn, one event) and refuses it with others', () => {
    const h = harness();
    const first = h.call('CreateVirtualPhysicalConnection', create({ Token: 'tok-1' }));
    const again = h.call('CreateVirtualPhysicalConnection', create({ Token: 'tok-1' }));
    expect(again).toEqual(first);
    expect(h.domain.writes?.()).toHaveLength(1);
    expect(h.fail('CreateVirtualPhysicalConnection', create({ Token: 'tok-1', VlanId: '301' })).code).toBe('IdempotentParameterMismatch');
  });

  it('the tenant confirms it (VpconnStatus Confirmed) and enables it', () => {
    const h = harness();
    const id = h.call('CreateVirtualPhysicalConnection', create()).VirtualPhysicalConnection as string;
    h.call('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }, tenant);
    expect(h.circuit(id, HZ, tenant)).toMatchObject({ Status: 'Confirmed', VpconnStatus: 'Confirmed' });
    h.call('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }, tenant);
    h.advance(TRANSITION_MS);
    expect(h.circuit(id, HZ, tenant)?.Status).toBe('Enabled');
  });

  it('keeps VLANs unique on the host across VBRs and vpconns, both ways', () => {
    const h = harness();
    // VLAN 100 is an active VBR's on enabledWithVbrs; 2001 is the tenant's vpconn's on enabledWithVpconn.
    expect(h.fail('CreateVirtualPhysicalConnection', create({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '100' })).code).toBe('InvalidVlanId.Used');
    expect(h.fail('CreateVirtualPhysicalConnection', create({ PhysicalConnectionId: DEMO_IDS.enabledWithVpconn, VlanId: '2001' })).code).toBe('InvalidVlanId.Used');
    const vbr = { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithVpconn, VlanId: '2001', LocalGatewayIp: '10.0.0.1', PeerGatewayIp: '10.0.0.2', PeeringSubnetMask: '255.255.255.252' };
    expect(h.fail('CreateVirtualBorderRouter', vbr).code).toBe('InvalidVlanId.Used');
    expect(h.call('CreateVirtualBorderRouter', { ...vbr, VlanId: '2002' }).VbrId).toMatch(/^vbr-/);
  });

  it('refuses what the host cannot carry: bandwidth beyond its own', () => {
    const h = harness();
    h.call('CreateVirtualPhysicalConnection', create({ PhysicalConnectionId: SMALL_HOST, Spec: '1G' }));
    expect(h.fail('CreateVirtualPhysicalConnection', create({ PhysicalConnectionId: SMALL_HOST, Spec: '50M', VlanId: '301' })).code).toBe('QuotaExceeded.Bandwidth');
  });

  it('a DryRun checks everything and answers DRYRUN.SUCCESS, creating and logging nothing', () => {
    const h = harness();
    expect(h.fail('CreateVirtualPhysicalConnection', create({ DryRun: 'true', Token: 'dry-1' }))).toMatchObject({ httpStatus: 400, code: 'DRYRUN.SUCCESS' });
    expect(h.fail('CreateVirtualPhysicalConnection', create({ DryRun: 'true', VlanId: '3000' })).code).toBe('IllegalParam.VlanId');
    expect(h.circuit(HOST)?.VirtualPhysicalConnectionCount).toBe(0);
    expect(h.domain.writes?.()).toEqual([]);
    // The token of a DryRun is not spent: the real call with it creates.
    expect(h.call('CreateVirtualPhysicalConnection', create({ Token: 'dry-1' })).VirtualPhysicalConnection).toMatch(/^pc-/);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ['a VLAN out of range', { VlanId: '3000' }, 'IllegalParam.VlanId', demo],
    ['an unknown Spec', { Spec: '3G' }, 'IllegalParam.Spec', demo],
    ['an unknown OrderMode', { OrderMode: 'PayByNobody' }, 'IllegalParam.OrderMode', demo],
    ['the caller as its own tenant', { VpconnAliUid: demo }, 'IllegalParam.VpconnAliUid', demo],
    ['a tenant that is not an account id', { VpconnAliUid: 'tenant' }, 'IllegalParam.VpconnAliUid', demo],
    ['no OrderMode', { OrderMode: '' }, 'MissingParameter', demo],
    ["a host of another account", { PhysicalConnectionId: DEMO_IDS.partnerHostingPort }, 'ResourceNotFound.PhysicalConnectionId', demo],
    ['a shared circuit as host', { PhysicalConnectionId: DEMO_IDS.tenantVpconn, VpconnAliUid: partner }, 'ResourceNotFound.PhysicalConnectionId', tenant],
    ['a host that is not Enabled', { PhysicalConnectionId: DEMO_IDS.confirmed }, 'IncorrectStatus.PhysicalConnection', demo],
    ['a bad name', { Name: '9lives' }, 'InvalidName.Malformed', demo],
  ])('refuses %s', (_why, params, code, account) => {
    const h = harness();
    expect(h.fail('CreateVirtualPhysicalConnection', create(params), account)).toMatchObject({ httpStatus: 400, code });
    expect(h.domain.writes?.()).toEqual([]);
  });
});

describe('ListVirtualPhysicalConnections', () => {
  function withThree() {
    const h = harness();
    const ids = ['300', '301', '302'].map((vlan) => h.call('CreateVirtualPhysicalConnection', create({ VlanId: vlan })).VirtualPhysicalConnection as string);
    return { h, ids };
  }

  it("lists the vpconns on the caller's circuits in the response's own shape (plain arrays, string account ids)", () => {
    const h = harness();
    const body = list(h);
    expect(body).toMatchObject({ Count: 1, TotalCount: 1, NextToken: '' });
    expect((body.VirtualPhysicalConnections as Body[])[0]).toEqual({
      AccessPointId: 'ap-cn-hangzhou-finance-yh-E',
      AdLocation: 'No. 969 Wenyi West Road, Yuhang District, Hangzhou, Zhejiang',
      AliUid: tenant,
      Bandwidth: 500,
      BusinessStatus: 'Normal',
      ChargeType: 'Prepaid',
      CreationTime: '2024-03-11T02:15:40Z',
      EnabledTime: '2024-03-20T08:00:12Z',
      EndTime: '2026-03-20T16:00:00Z',
      ExpectSpec: '500M',
      LineOperator: 'CT',
      LoaStatus: 'Complete',
      Name: 'tenant-vpconn',
      OrderMode: 'PayByPhysicalConnectionOwner',
      ParentPhysicalConnectionAliUid: demo,
      ParentPhysicalConnectionId: DEMO_IDS.enabledWithVpconn,
      PhysicalConnectionId: DEMO_IDS.tenantVpconn,
      PortNumber: '1/1/12',
      PortType: '10GBase-LR',
      ProductType: 'VirtualPhysicalConnection',
      ResourceGroupId: 'rg-acfmxazb4ph6aiy',
      Spec: '500M',
      Status: 'Enabled',
      Tags: [],
      Type: 'VPC',
      VirtualPhysicalConnectionStatus: 'Confirmed',
      VlanId: '2001',
    });
    // The tenant hosts nothing; the partner hosts the demo account's shared circuit.
    expect(list(h, {}, tenant)).toMatchObject({ Count: 0, TotalCount: 0, VirtualPhysicalConnections: [] });
    expect(idsOf(list(h, {}, partner))).toEqual([DEMO_IDS.sharedTerminatedRecoverable]);
  });

  it('pages with NextToken and MaxResults (default 20, 1..100), in creation order', () => {
    const { h, ids } = withThree();
    const all = [DEMO_IDS.tenantVpconn, ...ids];
    expect(idsOf(list(h))).toEqual(all);
    const seen: unknown[] = [];
    let token = '';
    do {
      const page = list(h, { MaxResults: '3', ...(token ? { NextToken: token } : {}) });
      expect(page.TotalCount).toBe(4);
      expect(page.Count).toBe((page.VirtualPhysicalConnections as Body[]).length);
      seen.push(...idsOf(page));
      token = page.NextToken as string;
    } while (token !== '');
    expect(seen).toEqual(all);
    expect(h.fail('ListVirtualPhysicalConnections', { RegionId: HZ, MaxResults: '101' }).code).toBe('IllegalParam.MaxResults');
    expect(h.fail('ListVirtualPhysicalConnections', { RegionId: HZ, NextToken: 'not-a-token' }).code).toBe('IllegalParam.NextToken');
  });

  it('filters by host, ids, statuses, confirmation, tenant, VLAN, business status and tags', () => {
    const { h, ids } = withThree();
    expect(idsOf(list(h, { PhysicalConnectionId: HOST }))).toEqual(ids);
    expect(idsOf(list(h, { 'VirtualPhysicalConnectionIds.1': ids[1] as string, 'VirtualPhysicalConnectionIds.2': DEMO_IDS.tenantVpconn }))).toEqual([DEMO_IDS.tenantVpconn, ids[1]]);
    expect(idsOf(list(h, { 'VirtualPhysicalConnectionStatuses.1': 'unconfirmed' }))).toEqual(ids);
    expect(idsOf(list(h, { IsConfirmed: 'true' }))).toEqual([DEMO_IDS.tenantVpconn]);
    expect(idsOf(list(h, { IsConfirmed: 'false' }))).toEqual(ids);
    expect(idsOf(list(h, { 'VirtualPhysicalConnectionAliUids.1': partner }))).toEqual([]);
    expect(idsOf(list(h, { 'VlanIds.1': '302', 'VlanIds.2': '2001' }))).toEqual([DEMO_IDS.tenantVpconn, ids[2]]);
    expect(idsOf(list(h, { VirtualPhysicalConnectionBusinessStatus: 'FinancialLocked' }))).toEqual([]);
    expect(idsOf(list(h, { 'Tags.1.Key': 'env' }))).toEqual([]);
  });
});

describe('DeletePhysicalConnection of a vpconn by the host owner', () => {
  it('deletes it whatever its status (Enabled here) and frees the host for termination', () => {
    const h = harness();
    const host = DEMO_IDS.enabledWithVpconn;
    const body = h.call('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.tenantVpconn, ClientToken: 'del-1' });
    expect(h.circuit(DEMO_IDS.tenantVpconn, HZ, tenant)).toBeUndefined();
    expect(idsOf(list(h))).toEqual([]);
    expect(h.circuit(host)?.VirtualPhysicalConnectionCount).toBe(0);
    expect(h.domain.writes?.()).toEqual([expect.objectContaining({ action: 'DeletePhysicalConnection', resourceId: DEMO_IDS.tenantVpconn, requestId: body.RequestId })]);
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: host });
    expect(h.circuit(host)?.Status).toBe('Terminating');
  });

  it("refuses while the tenant has a VBR on it; the tenant's own delete follows the circuit rules", () => {
    const h = harness();
    h.call(
      'CreateVirtualBorderRouter',
      { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.tenantVpconn, VlanId: '2001', LocalGatewayIp: '10.0.0.1', PeerGatewayIp: '10.0.0.2', PeeringSubnetMask: '255.255.255.252' },
      tenant,
    );
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.tenantVpconn }).code).toBe('Forbidden.VBRExists');
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.tenantVpconn }, tenant).code).toBe('Forbidden.NotAllowedInState');
    // Anyone else: not found, as for any circuit of another account.
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.tenantVpconn }, partner).code).toBe('InvalidPhysicalConnectionId.NotFound');
  });

  it('refuses while the vpconn is moving', () => {
    const seed: Seed = {
      PhysicalConnections: [
        { RegionId: HZ, PhysicalConnectionId: 'pc-bp1hostaaaaaaaaaaaaa', Status: 'Enabled', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' },
        {
          RegionId: HZ,
          OwnerId: tenant,
          PhysicalConnectionId: 'pc-bp1vpconnaaaaaaaaaaa',
          Status: 'Terminating',
          ProductType: 'VirtualPhysicalConnection',
          ParentPhysicalConnectionId: 'pc-bp1hostaaaaaaaaaaaaa',
          VlanId: '7',
          AccessPointId: 'ap-cn-hangzhou-yh-B',
          LineOperator: 'CT',
          TransitionAfterMs: 'never',
        },
      ],
      VirtualBorderRouters: [],
    };
    const h = harness({ seed });
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: 'pc-bp1vpconnaaaaaaaaaaa' }).code).toBe('Forbidden.NotAllowedInState');
  });
});

describe('vpconns in seeds', () => {
  it('refuses a vpconn VLAN taken on its host by another vpconn', () => {
    const vpconn = (id: string) => ({
      RegionId: HZ,
      OwnerId: tenant,
      PhysicalConnectionId: id,
      Status: 'Enabled',
      ProductType: 'VirtualPhysicalConnection',
      ParentPhysicalConnectionId: 'pc-bp1hostaaaaaaaaaaaaa',
      VlanId: '7',
      AccessPointId: 'ap-cn-hangzhou-yh-B',
      LineOperator: 'CT',
    });
    const seed = {
      PhysicalConnections: [
        { RegionId: HZ, PhysicalConnectionId: 'pc-bp1hostaaaaaaaaaaaaa', Status: 'Enabled', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' },
        vpconn('pc-bp1vpconnaaaaaaaaaaa'),
        vpconn('pc-bp1vpconnbbbbbbbbbbb'),
      ],
      VirtualBorderRouters: [],
    } as Seed;
    expect(() => harness({ seed })).toThrow('VlanId 7 is already used on pc-bp1hostaaaaaaaaaaaaa by pc-bp1vpconnaaaaaaaaaaa');
  });
});
