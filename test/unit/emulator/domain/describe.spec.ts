import { JsonInteger } from '../../../../src/emulator/contract';
import { DEMO_ACCOUNTS, DEMO_IDS, generateSeed } from '../../../../src/emulator/domain';
import { harness, HZ, items, type Body } from './harness';

const circuitsOf = (body: Body) => items(body, 'PhysicalConnectionSet', 'PhysicalConnectionType');
const vbrsOf = (body: Body) => items(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType');
const ids = (list: Body[], field = 'PhysicalConnectionId') => list.map((item) => item[field]);

describe('DescribePhysicalConnections', () => {
  it('lists only the caller’s circuits of the region, in creation order, echoing the page', () => {
    const h = harness();
    const body = h.call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50' });
    const listed = circuitsOf(body);
    expect(body).toMatchObject({ PageNumber: 1, PageSize: 50, TotalCount: listed.length, RequestId: expect.any(String) });
    expect(ids(listed)).not.toContain(DEMO_IDS.partnerHostingPort);
    expect(ids(listed)).not.toContain(DEMO_IDS.tenantVpconn);
    expect(ids(listed)).not.toContain(DEMO_IDS.shanghaiEnabledWithVbr);
    expect(ids(listed).slice(0, 2)).toEqual([DEMO_IDS.enabledWithVbrs, DEMO_IDS.enabledWithTransientVbrs]);
    const statuses = new Set(listed.map((c) => c.Status));
    for (const status of ['Initial', 'Approved', 'Allocating', 'Allocated', 'Confirmed', 'Enabled', 'Rejected', 'Canceled', 'Allocation Failed', 'Terminating', 'Terminated']) {
      expect(statuses).toContain(status);
    }
    const tenant = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ }, DEMO_ACCOUNTS.tenant));
    expect(ids(tenant)).toEqual([DEMO_IDS.tenantVpconn]);
  });

  it('renders the upstream quirks', () => {
    const h = harness();
    const [core] = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': DEMO_IDS.enabledWithVbrs }));
    expect(core).toMatchObject({
      PhysicalConnectionId: DEMO_IDS.enabledWithVbrs,
      Tags: { tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'network' }] },
      HasReservationData: false,
      CreationTime: '2024-03-11T02:15:40Z',
      Bandwidth: 10000,
      VirtualPhysicalConnectionCount: 0,
      MacsecKeys: { MacsecKey: [] },
    });
    expect(core).not.toHaveProperty('RegionId');
    expect(core).not.toHaveProperty('OwnerId');

    const [shared] = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'ProductType', 'Filter.1.Value.1': 'VirtualPhysicalConnection' }));
    expect(shared).toMatchObject({ PhysicalConnectionId: DEMO_IDS.sharedTerminatedRecoverable, VlanId: '1024', ParentPhysicalConnectionId: DEMO_IDS.partnerHostingPort });
    expect(shared?.ParentPhysicalConnectionAliUid).toBeInstanceOf(JsonInteger);
    expect((shared?.ParentPhysicalConnectionAliUid as JsonInteger).digits).toBe(DEMO_ACCOUNTS.partner);

    const [hosting] = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': DEMO_IDS.enabledWithVpconn }));
    expect(hosting?.VirtualPhysicalConnectionCount).toBe(1);
  });

  it('shows reservation data only with IncludeReservationData=true', () => {
    const seed = generateSeed({ connections: 1, vbrsPerConnection: [0, 0] });
    const [first] = seed.PhysicalConnections;
    if (!first) throw new Error('no circuit');
    Object.assign(first, { ReservationActiveTime: '2025-06-01T00:00:00Z', ReservationOrderType: 'RENEW', ReservationInternetChargeType: 'PayByBandwidth' });
    const h = harness({ seed });
    const [plain] = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ }));
    expect(plain?.HasReservationData).toBe(false);
    expect(plain).not.toHaveProperty('ReservationOrderType');
    const [withData] = circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, IncludeReservationData: 'true' }));
    expect(withData).toMatchObject({ HasReservationData: true, ReservationOrderType: 'RENEW', ReservationActiveTime: '2025-06-01T00:00:00Z' });
    expect(h.fail('DescribePhysicalConnections', { RegionId: HZ, IncludeReservationData: '1' }).code).toBe('InvalidParameter');
  });

  describe('filters', () => {
    const list = (filters: Record<string, string>) =>
      circuitsOf(harness().call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50', ...filters }));

    it('ORs the values of one key', () => {
      const listed = list({ 'Filter.1.Key': 'Status', 'Filter.1.Value.1': 'Initial', 'Filter.1.Value.2': 'Approved' });
      expect(ids(listed)).toEqual([DEMO_IDS.initial, DEMO_IDS.approved]);
    });

    it('ANDs the conditions', () => {
      const listed = list({
        'Filter.1.Key': 'Status',
        'Filter.1.Value.1': 'Enabled',
        'Filter.2.Key': 'LineOperator',
        'Filter.2.Value.1': 'CM',
      });
      expect(ids(listed)).toEqual([DEMO_IDS.enabledReadyToTerminate[1]]);
    });

    it('matches enumerated values case- and space-insensitively, ids and names exactly', () => {
      expect(ids(list({ 'Filter.1.Key': 'Status', 'Filter.1.Value.1': 'allocationfailed' }))).toEqual([DEMO_IDS.allocationFailed]);
      expect(ids(list({ 'Filter.1.Key': 'Status', 'Filter.1.Value.1': 'ALLOCATION FAILED' }))).toEqual([DEMO_IDS.allocationFailed]);
      expect(ids(list({ 'Filter.1.Key': 'Spec', 'Filter.1.Value.1': '1g and below' }))).toEqual([DEMO_IDS.enabledReadyToTerminate[1]]);
      expect(ids(list({ 'Filter.1.Key': 'Name', 'Filter.1.Value.1': 'hz-core-dc1-primary' }))).toEqual([DEMO_IDS.enabledWithVbrs]);
      expect(list({ 'Filter.1.Key': 'Name', 'Filter.1.Value.1': 'HZ-CORE-DC1-PRIMARY' })).toEqual([]);
      expect(list({ 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': DEMO_IDS.initial.toUpperCase() })).toEqual([]);
    });

    it('filters on AccessPointId, Type and ProductType', () => {
      const byAp = list({ 'Filter.1.Key': 'AccessPointId', 'Filter.1.Value.1': 'ap-cn-hangzhou-finance-yh-E' });
      expect(byAp.every((c) => c.AccessPointId === 'ap-cn-hangzhou-finance-yh-E')).toBe(true);
      expect(byAp.length).toBeGreaterThan(1);
      expect(list({ 'Filter.1.Key': 'Type', 'Filter.1.Value.1': 'VBR' })).toEqual([]);
      expect(list({ 'Filter.1.Key': 'Type', 'Filter.1.Value.1': 'vpc' }).length).toBeGreaterThan(10);
    });

    it('filters on Tags.N (AND, value optional) and ResourceGroupId', () => {
      const lab = list({ 'Tags.1.Key': 'env', 'Tags.1.Value': 'lab' });
      expect(ids(lab)).toEqual([DEMO_IDS.enabledReadyToTerminate[2]]);
      const stagingNetwork = list({ 'Tags.1.Key': 'env', 'Tags.1.Value': 'staging', 'Tags.2.Key': 'team' });
      expect(stagingNetwork.length).toBeGreaterThan(1);
      expect(stagingNetwork.every((c) => JSON.stringify(c.Tags).includes('staging'))).toBe(true);
      expect(ids(list({ ResourceGroupId: 'rg-aek2yvwibxrnetw' }))).toEqual([DEMO_IDS.enabledWithVbrs]);
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Tags.1.Value': 'x' }).code).toBe('MissingParameter');
    });

    it('refuses an unknown key with 404 InvalidFilterKey.ValueNotSupported naming its index', () => {
      const error = harness().fail('DescribePhysicalConnections', {
        RegionId: HZ,
        'Filter.1.Key': 'Status',
        'Filter.1.Value.1': 'Enabled',
        'Filter.3.Key': 'VbrId',
        'Filter.3.Value.1': 'vbr-x',
      });
      expect(error).toMatchObject({
        httpStatus: 404,
        code: 'InvalidFilterKey.ValueNotSupported',
        message: 'Specified filter key is not supported: Filter.3.key',
      });
      // Keys are case-sensitive.
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'status', 'Filter.1.Value.1': 'Enabled' }).code).toBe(
        'InvalidFilterKey.ValueNotSupported',
      );
    });

    it('refuses more than 5 conditions, a key without values and malformed filter names', () => {
      const six: Record<string, string> = { RegionId: HZ };
      for (let i = 1; i <= 6; i++) Object.assign(six, { [`Filter.${i}.Key`]: 'Status', [`Filter.${i}.Value.1`]: 'Enabled' });
      expect(harness().fail('DescribePhysicalConnections', six)).toMatchObject({ httpStatus: 400, code: 'InvalidParameter' });
      const five = { ...six };
      delete five['Filter.6.Key'];
      delete five['Filter.6.Value.1'];
      expect(circuitsOf(harness().call('DescribePhysicalConnections', five)).length).toBeGreaterThan(0);
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'Status' }).code).toBe('MissingParameter');
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Value.1': 'Enabled' }).code).toBe('MissingParameter');
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Filter.x.Key': 'Status' }).code).toBe('InvalidParameter');
      expect(harness().fail('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'Status', 'Filter.1.Values.1': 'x' }).code).toBe(
        'InvalidParameter',
      );
    });
  });

  describe('paging', () => {
    const seed = generateSeed({ connections: 23, vbrsPerConnection: [0, 0] });

    it('returns disjoint pages that together are the whole list, with TotalCount', () => {
      const h = harness({ seed });
      const seen: unknown[] = [];
      for (let page = 1; page <= 5; page++) {
        const body = h.call('DescribePhysicalConnections', { RegionId: HZ, PageNumber: String(page), PageSize: '7' });
        expect(body).toMatchObject({ PageNumber: page, PageSize: 7, TotalCount: 23 });
        const listed = ids(circuitsOf(body));
        expect(listed.length).toBe(page <= 3 ? 7 : page === 4 ? 2 : 0);
        seen.push(...listed);
      }
      expect(seen).toEqual(seed.PhysicalConnections.map((c) => c.PhysicalConnectionId));
    });

    it('defaults to page 1 of 10 and accepts the bounds 1 and 50', () => {
      const h = harness({ seed });
      expect(circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ }))).toHaveLength(10);
      expect(h.call('DescribePhysicalConnections', { RegionId: HZ })).toMatchObject({ PageNumber: 1, PageSize: 10 });
      expect(circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '1' }))).toHaveLength(1);
      expect(circuitsOf(h.call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50' }))).toHaveLength(23);
    });

    it.each([
      ['PageNumber', '0'],
      ['PageNumber', '-1'],
      ['PageNumber', '1.5'],
      ['PageSize', '0'],
      ['PageSize', '51'],
      ['PageSize', 'ten'],
    ])('refuses %s=%s with InvalidParameter', (name, value) => {
      expect(harness({ seed }).fail('DescribePhysicalConnections', { RegionId: HZ, [name]: value })).toMatchObject({
        httpStatus: 400,
        code: 'InvalidParameter',
        message: `The specified parameter "${name}" is not valid.`,
      });
    });
  });

  it('checks RegionId: missing -> MissingParameter, unknown -> 404', () => {
    const h = harness();
    expect(h.fail('DescribePhysicalConnections', {})).toMatchObject({ httpStatus: 400, code: 'MissingParameter' });
    expect(h.fail('DescribePhysicalConnections', { RegionId: 'cn-hangzhou-x' })).toMatchObject({
      httpStatus: 404,
      code: 'InvalidRegionId.NotFound',
      message: 'The specified RegionId is not found.',
    });
    expect(circuitsOf(h.call('DescribePhysicalConnections', { RegionId: 'eu-central-1' }))).toEqual([]);
  });
});

describe('DescribeVirtualBorderRouters', () => {
  it('lists the caller’s own VBRs by default, other accounts’ on the caller’s circuits with IncludeCrossAccountVbr', () => {
    const h = harness();
    const own = ids(vbrsOf(h.call('DescribeVirtualBorderRouters', { RegionId: HZ, PageSize: '50' })), 'VbrId');
    expect(own).toContain(DEMO_IDS.vbrs.active);
    expect(own).not.toContain(DEMO_IDS.vbrs.tenantActive);
    expect(own).not.toContain(DEMO_IDS.vbrs.shanghaiActive);
    const all = ids(vbrsOf(h.call('DescribeVirtualBorderRouters', { RegionId: HZ, PageSize: '50', IncludeCrossAccountVbr: 'true' })), 'VbrId');
    expect(all).toEqual(expect.arrayContaining([...own, DEMO_IDS.vbrs.tenantActive, DEMO_IDS.vbrs.unconfirmedForTenant]));
    expect(all).toHaveLength(own.length + 2);
    const tenant = ids(vbrsOf(h.call('DescribeVirtualBorderRouters', { RegionId: HZ, IncludeCrossAccountVbr: 'true' }, DEMO_ACCOUNTS.tenant)), 'VbrId');
    expect(tenant).toEqual([DEMO_IDS.vbrs.unconfirmedForTenant, DEMO_IDS.vbrs.tenantActive]);
  });

  it('renders the VBR quirks: numeric VlanId, Tags.Tags, string VlanId in AssociatedPhysicalConnection, times without Z', () => {
    const h = harness();
    const row = h.vbr(DEMO_IDS.vbrs.active);
    expect(row).toMatchObject({
      VbrId: DEMO_IDS.vbrs.active,
      VlanId: 100,
      Status: 'active',
      Tags: { Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'network' }] },
      CreationTime: '2024-03-21T09:30:00',
      AccessPointId: 'ap-cn-hangzhou-yh-B',
      PhysicalConnectionId: DEMO_IDS.enabledWithVbrs,
      PhysicalConnectionOwnerUid: DEMO_ACCOUNTS.demo,
      PhysicalConnectionStatus: 'Enabled',
      PhysicalConnectionBusinessStatus: 'Normal',
      AssociatedPhysicalConnections: {
        AssociatedPhysicalConnection: [
          expect.objectContaining({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '100', Status: 'active', LocalGatewayIp: '10.100.0.1' }),
        ],
      },
    });
    const cen = (row?.AssociatedCens as { AssociatedCen: Body[] }).AssociatedCen[0];
    expect(cen).toMatchObject({ CenId: 'cen-7qthudw0ll6jmc1y5e', CenStatus: 'Attached' });
    expect(cen?.CenOwnerId).toEqual(new JsonInteger(DEMO_ACCOUNTS.demo));
    expect(row).not.toHaveProperty('PConnVbrBussinessStatus');
  });

  it('filters on the VBR keys (lower-case eccId and type, loose status) and refuses circuit-only keys', () => {
    const h = harness();
    const list = (filters: Record<string, string>) =>
      ids(vbrsOf(h.call('DescribeVirtualBorderRouters', { RegionId: HZ, PageSize: '50', IncludeCrossAccountVbr: 'true', ...filters })), 'VbrId');
    expect(list({ 'Filter.1.Key': 'Status', 'Filter.1.Value.1': 'Active', 'Filter.2.Key': 'PhysicalConnectionId', 'Filter.2.Value.1': DEMO_IDS.enabledWithVbrs })).toEqual([
      DEMO_IDS.vbrs.active,
      DEMO_IDS.vbrs.activeIpv6,
    ]);
    expect(list({ 'Filter.1.Key': 'AccessPointId', 'Filter.1.Value.1': 'ap-cn-hangzhou-jg-C' })).toEqual([DEMO_IDS.vbrs.tenantActive]);
    expect(list({ 'Filter.1.Key': 'type', 'Filter.1.Value.1': 'PCONNVBR' }).length).toBeGreaterThan(5);
    expect(list({ 'Filter.1.Key': 'eccId', 'Filter.1.Value.1': 'ecc-none' })).toEqual([]);
    expect(list({ 'Filter.1.Key': 'Name', 'Filter.1.Value.1': 'vbr-core-ipv6' })).toEqual([DEMO_IDS.vbrs.activeIpv6]);
    expect(list({ 'Tags.1.Key': 'env', 'Tags.1.Value': 'staging' })).toEqual([DEMO_IDS.vbrs.terminatedRecoverable]);
    expect(list({ ResourceGroupId: 'rg-acfmtenant01xyz' })).toEqual([DEMO_IDS.vbrs.tenantActive]);
    for (const key of ['Type', 'EccId', 'Spec']) {
      expect(h.fail('DescribeVirtualBorderRouters', { RegionId: HZ, 'Filter.2.Key': key, 'Filter.2.Value.1': 'x' })).toMatchObject({
        httpStatus: 404,
        message: 'Specified filter key is not supported: Filter.2.key',
      });
    }
  });

  it('refuses a malformed IncludeCrossAccountVbr and bad paging', () => {
    const h = harness();
    expect(h.fail('DescribeVirtualBorderRouters', { RegionId: HZ, IncludeCrossAccountVbr: 'yes' }).code).toBe('InvalidParameter');
    expect(h.fail('DescribeVirtualBorderRouters', { RegionId: HZ, PageSize: '51' }).code).toBe('InvalidParameter');
  });
});

describe('DescribeVirtualBorderRoutersForPhysicalConnection', () => {
  it('lists every VBR on the circuit, other accounts’ included, in the owner’s view', () => {
    const h = harness();
    const rows = h.vbrsOn(DEMO_IDS.enabledWithTransientVbrs);
    expect(ids(rows, 'VbrId')).toEqual([DEMO_IDS.vbrs.terminating, DEMO_IDS.vbrs.recovering, DEMO_IDS.vbrs.deleting, DEMO_IDS.vbrs.unconfirmedForTenant]);
    const own = rows[0];
    expect(own).toMatchObject({ VbrName: 'vbr-secondary-terminating', Bandwidth: '1000', VlanId: 200, PConnVbrBussinessStatus: 'Normal', BandwidthStatus: 'Inactive' });
    expect(own).not.toHaveProperty('VbrOwnerUid');
    expect(rows[3]?.VbrOwnerUid).toEqual(new JsonInteger(DEMO_ACCOUNTS.tenant));
    expect(h.vbrsOn(READY_CIRCUIT)).toEqual([]);
    const [active] = h.vbrsOn(DEMO_IDS.enabledWithVbrs);
    expect(active).toMatchObject({ Status: 'active', BandwidthStatus: 'Active', LocalGatewayIp: '10.100.0.1', PeeringSubnetMask: '255.255.255.252' });
  });

  it('pages and filters', () => {
    const h = harness();
    const body = h.call('DescribeVirtualBorderRoutersForPhysicalConnection', {
      RegionId: HZ,
      PhysicalConnectionId: DEMO_IDS.enabledWithTransientVbrs,
      PageNumber: '2',
      PageSize: '3',
    });
    expect(body).toMatchObject({ PageNumber: 2, PageSize: 3, TotalCount: 4 });
    const filtered = h.call('DescribeVirtualBorderRoutersForPhysicalConnection', {
      RegionId: HZ,
      PhysicalConnectionId: DEMO_IDS.enabledWithTransientVbrs,
      'Filter.1.Key': 'Status',
      'Filter.1.Value.1': 'DELETING',
      'Filter.1.Value.2': 'unconfirmed',
    });
    expect(filtered.TotalCount).toBe(2);
  });

  it('answers 404 "does not belong to user" for someone else’s circuit', () => {
    const h = harness();
    const params = { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly };
    expect(h.fail('DescribeVirtualBorderRoutersForPhysicalConnection', params, DEMO_ACCOUNTS.tenant)).toMatchObject({
      httpStatus: 404,
      code: 'InvalidPhysicalConnectionId.NotFound',
      message: 'The specified PhysicalConnectionId does not belong to user.',
    });
    expect(h.fail('DescribeVirtualBorderRoutersForPhysicalConnection', { RegionId: HZ }).code).toBe('MissingParameter');
  });
});

const READY_CIRCUIT = DEMO_IDS.enabledReadyToTerminate[0];

describe('DescribeRegions', () => {
  it('lists the regions with LocalName in the requested language and the SDK endpoint rule', () => {
    const h = harness();
    const regions = items(h.call('DescribeRegions', {}), 'Regions', 'Region');
    expect(regions.find((r) => r.RegionId === 'cn-hangzhou')).toEqual({ RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）', RegionEndpoint: 'vpc.aliyuncs.com' });
    expect(regions.find((r) => r.RegionId === 'cn-shanghai')?.RegionEndpoint).toBe('vpc.cn-shanghai.aliyuncs.com');
    expect(regions.length).toBeGreaterThanOrEqual(5);
    const english = items(h.call('DescribeRegions', { AcceptLanguage: 'en-US' }), 'Regions', 'Region');
    expect(english.find((r) => r.RegionId === 'cn-hangzhou')?.LocalName).toBe('China (Hangzhou)');
    expect(h.fail('DescribeRegions', { AcceptLanguage: 'fr-FR' }).code).toBe('InvalidParameter');
  });

  it('follows a seed’s own region list', () => {
    const h = harness({ seed: { Regions: [{ RegionId: 'cn-hangzhou' }, { RegionId: 'xx-test-1', LocalName: 'Test' }], PhysicalConnections: [], VirtualBorderRouters: [] } });
    expect(items(h.call('DescribeRegions', {}), 'Regions', 'Region')).toEqual([
      { RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）', RegionEndpoint: 'vpc.aliyuncs.com' },
      { RegionId: 'xx-test-1', LocalName: 'Test', RegionEndpoint: 'vpc.xx-test-1.aliyuncs.com' },
    ]);
    expect(h.fail('DescribePhysicalConnections', { RegionId: 'cn-shanghai' }).code).toBe('InvalidRegionId.NotFound');
  });
});
