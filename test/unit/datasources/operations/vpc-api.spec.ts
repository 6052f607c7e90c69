/**
 * The typed operations put exactly the upstream parameters on the wire, quirks included
 * (docs/datasource.md#requests), and map the create responses.
 */
import { createVpcBackend, type VpcApi, type VpcBackend } from '../../../../src/datasources';
import { ORIGIN, STATIC_CREDENTIALS, mockUpstream, type MockUpstream } from '../support/mock-upstream';

let upstream: MockUpstream;
let backend: VpcBackend;
let api: VpcApi;

beforeAll(() => {
  upstream = mockUpstream((req) => ({
    status: 200,
    body: {
      RequestId: `R-${req.action}`,
      ...(req.action === 'CreatePhysicalConnection' ? { PhysicalConnectionId: 'pc-new1' } : {}),
      ...(req.action === 'CreateVirtualBorderRouter' ? { VbrId: 'vbr-new1' } : {}),
      ...(req.action.startsWith('Describe') && req.action !== 'DescribeRegions' ? { TotalCount: 0, PageNumber: 1, PageSize: 50 } : {}),
    },
  }));
  backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: upstream.agent });
  api = backend.api;
});
afterAll(async () => {
  await backend.close();
  await upstream.close();
});

async function sent(call: () => Promise<unknown>): Promise<{ action: string; query: Record<string, string>; result: unknown }> {
  const before = upstream.requests.length;
  const result = await call();
  expect(upstream.requests.length).toBe(before + 1);
  const req = upstream.requests[before];
  if (!req) throw new Error('nothing sent');
  return { action: req.action, query: req.query, result };
}

const R = 'cn-shanghai';
const T = { clientToken: 'tok-1' };

describe('reads', () => {
  it('DescribePhysicalConnections: filters, Tags.N, PageSize default 50', async () => {
    const { action, query } = await sent(() =>
      api.describePhysicalConnections({
        regionId: R,
        filter: { lineOperators: ['EQUINIX', 'OTHER'], productTypes: ['VIRTUAL_PHYSICAL_CONNECTION'], specs: ['SPEC_1G_AND_BELOW'] },
        tags: [{ key: 'env', value: 'prod' }],
        resourceGroupId: 'rg-acfm1',
        includeReservationData: true,
      }),
    );
    expect(action).toBe('DescribePhysicalConnections');
    expect(query).toEqual({
      RegionId: R,
      'Filter.1.Key': 'LineOperator',
      'Filter.1.Value.1': 'Equinix',
      'Filter.1.Value.2': 'Other',
      'Filter.2.Key': 'Spec',
      'Filter.2.Value.1': '1G and below',
      'Filter.3.Key': 'ProductType',
      'Filter.3.Value.1': 'VirtualPhysicalConnection',
      'Tags.1.Key': 'env',
      'Tags.1.Value': 'prod',
      ResourceGroupId: 'rg-acfm1',
      IncludeReservationData: 'true',
      PageNumber: '1',
      PageSize: '50',
    });
  });

  it('DescribeVirtualBorderRouters: lower-case eccId/type keys, IncludeCrossAccountVbr', async () => {
    const { query } = await sent(() =>
      api.describeVirtualBorderRouters({ regionId: R, filter: { eccIds: ['ecc-1'], types: ['pconnVBR'], statuses: ['DELETING'] }, includeCrossAccountVbr: false, pageNumber: 2, pageSize: 10 }),
    );
    expect(query).toEqual({
      RegionId: R,
      'Filter.1.Key': 'Status',
      'Filter.1.Value.1': 'deleting',
      'Filter.2.Key': 'eccId',
      'Filter.2.Value.1': 'ecc-1',
      'Filter.3.Key': 'type',
      'Filter.3.Value.1': 'pconnVBR',
      IncludeCrossAccountVbr: 'false',
      PageNumber: '2',
      PageSize: '10',
    });
  });

  it('DescribeVirtualBorderRoutersForPhysicalConnection: the circuit is a parameter', async () => {
    const { query } = await sent(() => api.describeVirtualBorderRoutersForPhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', filter: { ids: ['vbr-1'] } }));
    expect(query).toEqual({ RegionId: R, PhysicalConnectionId: 'pc-1', 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': 'vbr-1', PageNumber: '1', PageSize: '50' });
  });

  it('DescribeRegions: no RegionId (the SDK model has none)', async () => {
    const { query, result } = await sent(() => api.describeRegions({ acceptLanguage: 'en-US' }));
    expect(query).toEqual({ AcceptLanguage: 'en-US' });
    expect(result).toEqual([]);
  });
});

describe('circuit writes', () => {
  it('CreatePhysicalConnection: lower-case bandwidth, Tag.N (not Tags.N), DeviceAdvancedCapacity.N', async () => {
    const { query, result } = await sent(() =>
      api.createPhysicalConnection({
        regionId: R,
        accessPointId: 'ap-cn-shanghai-nt-A',
        lineOperator: 'CT',
        portType: '10GBase-LR',
        circuitCode: 'longtel001',
        name: 'edge-1',
        description: 'primary',
        peerLocation: 'XX Street',
        redundantPhysicalConnectionId: 'pc-red1',
        resourceGroupId: 'rg-1',
        type: 'VPC',
        bandwidth: 50,
        opticalModuleModel: 'SFP-10G-LR-SM1310,10KM',
        deviceAdvancedCapacity: ['macsec'],
        tags: [{ key: 'team', value: 'net' }],
        ...T,
      }),
    );
    expect(query).toEqual({
      RegionId: R,
      AccessPointId: 'ap-cn-shanghai-nt-A',
      LineOperator: 'CT',
      PortType: '10GBase-LR',
      CircuitCode: 'longtel001',
      Name: 'edge-1',
      Description: 'primary',
      PeerLocation: 'XX Street',
      RedundantPhysicalConnectionId: 'pc-red1',
      ResourceGroupId: 'rg-1',
      Type: 'VPC',
      bandwidth: '50',
      OpticalModuleModel: 'SFP-10G-LR-SM1310,10KM',
      'DeviceAdvancedCapacity.1': 'macsec',
      'Tag.1.Key': 'team',
      'Tag.1.Value': 'net',
      ClientToken: 'tok-1',
    });
    expect(result).toEqual({ requestId: 'R-CreatePhysicalConnection', clientToken: 'tok-1', physicalConnectionId: 'pc-new1' });
  });

  it.each([
    ['ConfirmPhysicalConnection', () => api.confirmPhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', ...T }), {}],
    ['EnablePhysicalConnection', () => api.enablePhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', byPassSp: true, ...T }), { ByPassSp: 'true' }],
    ['CancelPhysicalConnection', () => api.cancelPhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', ...T }), {}],
    ['TerminatePhysicalConnection', () => api.terminatePhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', ...T }), {}],
    ['DeletePhysicalConnection', () => api.deletePhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', ...T }), {}],
  ] as const)('%s', async (action, call, extra) => {
    const sentReq = await sent(call);
    expect(sentReq.action).toBe(action);
    expect(sentReq.query).toEqual({ RegionId: R, PhysicalConnectionId: 'pc-1', ClientToken: 'tok-1', ...extra });
    expect(sentReq.result).toEqual({ requestId: `R-${action}`, clientToken: 'tok-1' });
  });

  it('RecoverPhysicalConnection: InstanceId and Token, not PhysicalConnectionId/ClientToken', async () => {
    const { query, result } = await sent(() => api.recoverPhysicalConnection({ regionId: R, physicalConnectionId: 'pc-1', dryRun: false, ...T }));
    expect(query).toEqual({ RegionId: R, InstanceId: 'pc-1', DryRun: 'false', Token: 'tok-1' });
    expect(result).toEqual({ requestId: 'R-RecoverPhysicalConnection', clientToken: 'tok-1' });
  });

  it('ModifyPhysicalConnectionAttribute: lower-case bandwidth', async () => {
    const { query } = await sent(() =>
      api.modifyPhysicalConnectionAttribute({
        regionId: R,
        physicalConnectionId: 'pc-1',
        name: 'n2',
        description: 'd2',
        circuitCode: 'c2',
        lineOperator: 'EQUINIX',
        peerLocation: 'p2',
        portType: '1000Base-LX',
        redundantPhysicalConnectionId: 'pc-2',
        bandwidth: 100,
        downDelayTime: 300,
        ...T,
      }),
    );
    expect(query).toEqual({
      RegionId: R,
      PhysicalConnectionId: 'pc-1',
      Name: 'n2',
      Description: 'd2',
      CircuitCode: 'c2',
      LineOperator: 'Equinix',
      PeerLocation: 'p2',
      PortType: '1000Base-LX',
      RedundantPhysicalConnectionId: 'pc-2',
      bandwidth: '100',
      DownDelayTime: '300',
      ClientToken: 'tok-1',
    });
  });
});

describe('VBR writes', () => {
  it('CreateVirtualBorderRouter: Tags.N, VbrOwnerId as exact digits', async () => {
    const { query, result } = await sent(() =>
      api.createVirtualBorderRouter({
        regionId: R,
        physicalConnectionId: 'pc-1',
        vlanId: 0,
        bandwidth: 100,
        name: 'vbr-a',
        localGatewayIp: '10.0.0.1',
        peerGatewayIp: '10.0.0.2',
        peeringSubnetMask: '255.255.255.252',
        enableIpv6: false,
        tags: [{ key: 'k', value: '' }],
        vbrOwnerId: '283117732402483989',
        ...T,
      }),
    );
    expect(query).toEqual({
      RegionId: R,
      PhysicalConnectionId: 'pc-1',
      VlanId: '0',
      Bandwidth: '100',
      Name: 'vbr-a',
      LocalGatewayIp: '10.0.0.1',
      PeerGatewayIp: '10.0.0.2',
      PeeringSubnetMask: '255.255.255.252',
      EnableIpv6: 'false',
      'Tags.1.Key': 'k',
      'Tags.1.Value': '',
      VbrOwnerId: '283117732402483989',
      ClientToken: 'tok-1',
    });
    expect(result).toEqual({ requestId: 'R-CreateVirtualBorderRouter', clientToken: 'tok-1', vbrId: 'vbr-new1' });
  });

  it.each([
    ['DeleteVirtualBorderRouter', () => api.deleteVirtualBorderRouter({ regionId: R, vbrId: 'vbr-1', ...T })],
    ['TerminateVirtualBorderRouter', () => api.terminateVirtualBorderRouter({ regionId: R, vbrId: 'vbr-1', ...T })],
    ['RecoverVirtualBorderRouter', () => api.recoverVirtualBorderRouter({ regionId: R, vbrId: 'vbr-1', ...T })],
  ] as const)('%s', async (action, call) => {
    const sentReq = await sent(call);
    expect(sentReq.action).toBe(action);
    expect(sentReq.query).toEqual({ RegionId: R, VbrId: 'vbr-1', ClientToken: 'tok-1' });
  });

  it('ModifyVirtualBorderRouterAttribute: AssociatedPhysicalConnections is ONE JSON string (VlanId string, ipv6Enable)', async () => {
    const { query } = await sent(() =>
      api.modifyVirtualBorderRouterAttribute({
        regionId: R,
        vbrId: 'vbr-1',
        associatedPhysicalConnections: [{ physicalConnectionId: 'pc-9', vlanId: 5, circuitCode: 'longtel001', localIpv6GatewayIp: 'fd00::1', enableIpv6: true }],
        detectMultiplier: 3,
        minRxInterval: 300,
        minTxInterval: 300,
        mtu: 1500,
        sitelinkEnable: false,
        vlanId: 12,
        ...T,
      }),
    );
    expect(query).toEqual({
      RegionId: R,
      VbrId: 'vbr-1',
      AssociatedPhysicalConnections: '[{"PhysicalConnectionId":"pc-9","VlanId":"5","CircuitCode":"longtel001","LocalIpv6GatewayIp":"fd00::1","ipv6Enable":true}]',
      DetectMultiplier: '3',
      MinRxInterval: '300',
      MinTxInterval: '300',
      Mtu: '1500',
      SitelinkEnable: 'false',
      VlanId: '12',
      ClientToken: 'tok-1',
    });
  });
});
