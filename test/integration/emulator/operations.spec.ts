/**
 * The emulator's circuit, VBR and region operations over real HTTP (MACsec and vpconns:
 * macsec-vpconn.spec.ts): real sockets, signed V3 and V1 requests, the real
 * domain with the demo seed, both response Formats. The domain's unit suites cover every rule;
 * this suite shows the rules survive the wire (status codes, quirky field types, exact 64-bit
 * integers, XML lists, token replays) and that the clock-driven transitions work end to end.
 */
import { XMLParser } from 'fast-xml-parser';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import type { SignedClient } from '../../support/signed-client';
import { ManualClock } from './sdk-lifecycle';

const HZ = 'cn-hangzhou';
const TRANSITION_MS = 1000;
const V = DEMO_IDS.vbrs;
const READY = DEMO_IDS.enabledReadyToTerminate[0];
const TENANT_KEY = { accessKeyId: 'LTAITenantAccessKey', accessKeySecret: 'TenantSecret', accountId: DEMO_ACCOUNTS.tenant };

const clock = new ManualClock();
const emu = useEmulator(() => ({
  transitionMs: TRANSITION_MS,
  now: clock.now,
  accessKeys: [
    { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret', accountId: DEMO_ACCOUNTS.demo },
    TENANT_KEY,
  ],
}));

type Format = 'JSON' | 'XML';
type Body = Record<string, unknown>;

/** Lists as the XML renderer repeats them; everything else stays a single element. */
const LIST_ELEMENTS = new Set([
  'PhysicalConnectionType',
  'VirtualBorderRouterType',
  'VirtualBorderRouterForPhysicalConnectionType',
  'Region',
  'tags',
  'MacsecKey',
  'AssociatedCen',
  'AssociatedPhysicalConnection',
]);
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name, jpath) => LIST_ELEMENTS.has(name) || (name === 'Tags' && /\.Tags\.Tags$/.test(String(jpath))),
});

let v3: SignedClient;
let v1: SignedClient;
let tenant: SignedClient;
beforeAll(() => {
  v3 = emu.client({ now: clock.now });
  v1 = emu.client({ algorithm: 'V1', now: clock.now });
  tenant = emu.client({ now: clock.now, accessKeyId: TENANT_KEY.accessKeyId, accessKeySecret: TENANT_KEY.accessKeySecret });
});
beforeEach(() => emu.control.reset());

/** Calls and parses the body in the Format asked for; XML bodies are unwrapped from their root. */
async function call(action: string, params: Record<string, string>, format: Format = 'JSON', client: SignedClient = v3) {
  const res = await client.call(action, params, { format });
  if (format === 'JSON') {
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    return { status: res.status, body: res.json<Body>(), text: res.text };
  }
  expect(res.headers['content-type']).toBe('text/xml;charset=utf-8');
  const parsed = xml.parse(res.text) as Record<string, Body>;
  const root = res.status === 200 ? `${action}Response` : 'Error';
  expect(Object.keys(parsed)).toContain(root);
  return { status: res.status, body: parsed[root] as Body, text: res.text };
}

async function ok(action: string, params: Record<string, string>, format: Format = 'JSON', client: SignedClient = v3): Promise<Body> {
  const res = await call(action, params, format, client);
  if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  return res.body;
}

function list(body: Body, set: string, type: string): Body[] {
  const wrapper = body[set] as Body | '' | undefined;
  // An empty XML list renders as an empty element.
  if (wrapper === '' || wrapper === undefined) return [];
  return (wrapper[type] as Body[] | undefined) ?? [];
}

async function circuitStatus(id: string): Promise<string | undefined> {
  const body = await ok('DescribePhysicalConnections', { RegionId: HZ, 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': id });
  return list(body, 'PhysicalConnectionSet', 'PhysicalConnectionType')[0]?.Status as string | undefined;
}

async function vbrStatus(id: string): Promise<string | undefined> {
  const body = await ok('DescribeVirtualBorderRouters', { RegionId: HZ, IncludeCrossAccountVbr: 'true', 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': id });
  return list(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType')[0]?.Status as string | undefined;
}

describe.each<Format>(['JSON', 'XML'])('Format=%s', (format) => {
  it('DescribePhysicalConnections: filtered item with Tags.tags, paging echo', async () => {
    const body = await ok('DescribePhysicalConnections', {
      RegionId: HZ,
      'Filter.1.Key': 'Status',
      'Filter.1.Value.1': 'Enabled',
      'Filter.2.Key': 'Name',
      'Filter.2.Value.1': 'hz-core-dc1-primary',
    }, format);
    expect(String(body.TotalCount)).toBe('1');
    expect(String(body.PageNumber)).toBe('1');
    expect(String(body.PageSize)).toBe('10');
    const [item] = list(body, 'PhysicalConnectionSet', 'PhysicalConnectionType');
    expect(item).toMatchObject({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, Status: 'Enabled', CreationTime: '2024-03-11T02:15:40Z' });
    expect((item?.Tags as { tags: Body[] }).tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'network' },
    ]);
  });

  it('DescribeVirtualBorderRouters: Tags.Tags, AssociatedPhysicalConnection, times without Z', async () => {
    const body = await ok('DescribeVirtualBorderRouters', { RegionId: HZ, 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': V.active }, format);
    const [item] = list(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType');
    expect(item).toMatchObject({ VbrId: V.active, Status: 'active', CreationTime: '2024-03-21T09:30:00' });
    expect(String(item?.VlanId)).toBe('100');
    expect((item?.Tags as { Tags: Body[] }).Tags).toHaveLength(2);
    const associated = (item?.AssociatedPhysicalConnections as { AssociatedPhysicalConnection: Body[] }).AssociatedPhysicalConnection;
    expect(associated[0]).toMatchObject({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '100' });
  });

  it('DescribeVirtualBorderRoutersForPhysicalConnection: another account’s VBR with its owner uid', async () => {
    const res = await call('DescribeVirtualBorderRoutersForPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly }, format);
    const [row] = list(res.body, 'VirtualBorderRouterForPhysicalConnectionSet', 'VirtualBorderRouterForPhysicalConnectionType');
    expect(row).toMatchObject({ VbrId: V.tenantActive, VbrName: 'tenant-vbr', Bandwidth: '500', PConnVbrBussinessStatus: 'Normal' });
    // Beyond 2^53: JSON.parse would round it, so read the JSON text itself.
    if (format === 'JSON') expect(res.text).toContain(`"VbrOwnerUid":${DEMO_ACCOUNTS.tenant}`);
    else expect(row?.VbrOwnerUid).toBe(DEMO_ACCOUNTS.tenant);
  });

  it('DescribeRegions: Regions.Region with endpoints', async () => {
    const regions = list(await ok('DescribeRegions', { AcceptLanguage: 'en-US' }, format), 'Regions', 'Region');
    expect(regions).toContainEqual({ RegionId: 'cn-hangzhou', LocalName: 'China (Hangzhou)', RegionEndpoint: 'vpc.aliyuncs.com' });
    expect(regions).toContainEqual({ RegionId: 'cn-shanghai', LocalName: 'China (Shanghai)', RegionEndpoint: 'vpc.cn-shanghai.aliyuncs.com' });
  });

  it('errors keep status, code and message: VBR attached, not found, filter key, region', async () => {
    const cases: Array<[string, Record<string, string>, number, string, string]> = [
      ['TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithVbrs }, 400, 'Forbidden.VbrAttached', 'Cannot terminate physical connection when virtual border routers are still attached.'],
      ['TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: 'pc-bp1nope000000000000' }, 404, 'InvalidPhysicalConnectionId.NotFound', 'The PhysicalConnectionId provided does not exist in our records.'],
      ['DescribeVirtualBorderRouters', { RegionId: HZ, 'Filter.4.Key': 'Bogus', 'Filter.4.Value.1': 'x' }, 404, 'InvalidFilterKey.ValueNotSupported', 'Specified filter key is not supported: Filter.4.key'],
      ['DescribePhysicalConnections', { RegionId: 'cn-nowhere' }, 404, 'InvalidRegionId.NotFound', 'The specified RegionId is not found.'],
      ['DescribePhysicalConnections', { RegionId: HZ, PageSize: '51' }, 400, 'InvalidParameter', 'The specified parameter "PageSize" is not valid.'],
      ['TerminatePhysicalConnection', { RegionId: HZ }, 400, 'MissingParameter', 'The input parameter "PhysicalConnectionId" that is mandatory for processing this request is not supplied.'],
    ];
    for (const [action, params, status, code, message] of cases) {
      const res = await call(action, params, format);
      expect({ action, status: res.status, code: res.body.Code, message: res.body.Message }).toEqual({ action, status, code, message });
    }
  });
});

describe('JSON wire types', () => {
  it('writes 64-bit account ids as exact bare integers and keeps the string/number quirks', async () => {
    const circuits = await call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50', IncludeReservationData: 'false' });
    expect(circuits.text).toContain(`"ParentPhysicalConnectionAliUid":${DEMO_ACCOUNTS.partner}`);
    expect(circuits.text).toContain('"VlanId":"1024"');
    expect(circuits.text).toContain('"HasReservationData":false');
    const rows = await call('DescribeVirtualBorderRoutersForPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithTransientVbrs });
    expect(rows.text).toContain(`"VbrOwnerUid":${DEMO_ACCOUNTS.tenant}`);
    expect(rows.text).toContain('"Bandwidth":"1000"');
    expect(rows.text).toContain('"VlanId":200');
    const vbrs = await call('DescribeVirtualBorderRouters', { RegionId: HZ, 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': V.active });
    expect(vbrs.text).toContain(`"CenOwnerId":${DEMO_ACCOUNTS.demo}`);
    expect(vbrs.text).toContain('"VlanId":100');
  });
});

describe('every write operation over HTTP (V3, default)', () => {
  it('circuit: Create -> back office -> Confirm -> Enable -> Modify -> VBR blocks Terminate -> Terminate -> Terminated', async () => {
    const created = await ok('CreatePhysicalConnection', {
      RegionId: HZ,
      AccessPointId: 'ap-cn-hangzhou-jg-C',
      LineOperator: 'CM',
      PortType: '10GBase-LR',
      Name: 'it-line',
      'Tag.1.Key': 'suite',
      'Tag.1.Value': 'operations',
    });
    const id = created.PhysicalConnectionId as string;
    expect(await circuitStatus(id)).toBe('Initial');
    clock.advance(3 * TRANSITION_MS);
    expect(await circuitStatus(id)).toBe('Allocated');
    await ok('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    await ok('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect((await call('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id })).body.Code).toBe('OperationConflict');
    clock.advance(TRANSITION_MS);
    expect(await circuitStatus(id)).toBe('Enabled');
    await ok('ModifyPhysicalConnectionAttribute', { RegionId: HZ, PhysicalConnectionId: id, Name: 'it-line-renamed', bandwidth: '2000' });

    const vbr = await ok('CreateVirtualBorderRouter', {
      RegionId: HZ,
      PhysicalConnectionId: id,
      VlanId: '77',
      LocalGatewayIp: '172.16.0.1',
      PeerGatewayIp: '172.16.0.2',
      PeeringSubnetMask: '255.255.255.252',
    });
    const refused = await call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect({ status: refused.status, code: refused.body.Code }).toEqual({ status: 400, code: 'Forbidden.VbrAttached' });
    await ok('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: vbr.VbrId as string });
    clock.advance(TRANSITION_MS);
    expect(await vbrStatus(vbr.VbrId as string)).toBeUndefined();
    await ok('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(await circuitStatus(id)).toBe('Terminating');
    clock.advance(TRANSITION_MS);
    expect(await circuitStatus(id)).toBe('Terminated');
    await ok('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(await circuitStatus(id)).toBeUndefined();
  });

  it('Cancel, Recover (InstanceId + DryRun) and the refused moves', async () => {
    await ok('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.approved });
    expect(await circuitStatus(DEMO_IDS.approved)).toBe('Canceled');
    const allocating = await call('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.allocating });
    expect(allocating.body.Code).toBe('Forbidden.NotAllowedInState');

    await ok('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.sharedTerminatedRecoverable, DryRun: 'true' });
    expect(await circuitStatus(DEMO_IDS.sharedTerminatedRecoverable)).toBe('Terminated');
    await ok('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.sharedTerminatedRecoverable, Token: 'recover-1' });
    expect(await circuitStatus(DEMO_IDS.sharedTerminatedRecoverable)).toBe('Enabled');
    const dedicated = await call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.terminated });
    expect({ status: dedicated.status, code: dedicated.body.Code }).toEqual({ status: 400, code: 'IncorrectStatus.PhysicalConnection' });

    for (const [id, code] of [
      [DEMO_IDS.enabledWithVpconn, 'OperationFailed.VpconnAttached'],
      [DEMO_IDS.enabledWithMacsec, 'OperationDenied.MacsecAttached'],
      [DEMO_IDS.enabledFinancialLocked, 'OperationFailed.ResourceLockedBySystem'],
      [DEMO_IDS.terminating, 'Forbidden.NotAllowedInState'],
    ] as const) {
      expect((await call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id })).body.Code).toBe(code);
    }
  });

  it('VBR: Terminate -> terminated, Recover -> active, Modify, cross-account rules', async () => {
    await ok('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.activeIpv6 });
    expect(await vbrStatus(V.activeIpv6)).toBe('terminating');
    clock.advance(TRANSITION_MS);
    expect(await vbrStatus(V.activeIpv6)).toBe('terminated');
    await ok('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: V.activeIpv6 });
    expect(await vbrStatus(V.activeIpv6)).toBe('recovering');
    clock.advance(TRANSITION_MS);
    expect(await vbrStatus(V.activeIpv6)).toBe('active');

    await ok('ModifyVirtualBorderRouterAttribute', {
      RegionId: HZ,
      VbrId: V.active,
      AssociatedPhysicalConnections: JSON.stringify([{ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '111', CircuitCode: 'ct-it' }]),
      Description: 'Modified over HTTP',
    });
    const body = await ok('DescribeVirtualBorderRouters', { RegionId: HZ, 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': V.active });
    expect(list(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType')[0]).toMatchObject({ VlanId: 111, CircuitCode: 'ct-it', Description: 'Modified over HTTP' });

    // The tenant owns a VBR on a demo circuit: it sees and renames it, may not terminate it.
    const tenantView = await ok('DescribeVirtualBorderRouters', { RegionId: HZ }, 'JSON', tenant);
    expect(list(tenantView, 'VirtualBorderRouterSet', 'VirtualBorderRouterType').map((v) => v.VbrId)).toEqual([V.unconfirmedForTenant, V.tenantActive]);
    await ok('ModifyVirtualBorderRouterAttribute', { RegionId: HZ, VbrId: V.tenantActive, Name: 'tenant-renamed' }, 'JSON', tenant);
    const forbidden = await call('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive }, 'JSON', tenant);
    expect({ status: forbidden.status, code: forbidden.body.Code }).toEqual({ status: 403, code: 'Forbidden.OperationNotAllowedByUser' });
    const hidden = await call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY }, 'JSON', tenant);
    expect(hidden.status).toBe(404);

    const used = await call('CreateVirtualBorderRouter', {
      RegionId: HZ,
      PhysicalConnectionId: DEMO_IDS.enabledWithVbrs,
      VlanId: '101',
      LocalGatewayIp: '10.1.1.1',
      PeerGatewayIp: '10.1.1.2',
      PeeringSubnetMask: '255.255.255.252',
    });
    expect({ status: used.status, code: used.body.Code }).toEqual({ status: 400, code: 'InvalidVlanId.Used' });
  });
});

describe('V1 signatures (pop-core style: GET, parameters in the query)', () => {
  it('serves reads and writes with repeat-list parameters', async () => {
    const body = await ok('DescribePhysicalConnections', {
      RegionId: HZ,
      'Filter.1.Key': 'Status',
      'Filter.1.Value.1': 'Initial',
      'Filter.1.Value.2': 'Approved',
    }, 'JSON', v1);
    expect(list(body, 'PhysicalConnectionSet', 'PhysicalConnectionType').map((c) => c.PhysicalConnectionId)).toEqual([DEMO_IDS.initial, DEMO_IDS.approved]);
    await ok('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY, ClientToken: 'v1-term' }, 'XML', v1);
    expect(await circuitStatus(READY)).toBe('Terminating');
  });
});

describe('ClientToken over HTTP', () => {
  it('replays the original body and RequestId with no second effect, even after the state moved on', async () => {
    const params = { RegionId: HZ, PhysicalConnectionId: READY, ClientToken: 'http-term-1' };
    const first = await v3.call('TerminatePhysicalConnection', params);
    expect(first.status).toBe(200);
    const firstId = first.json<{ RequestId: string }>().RequestId;
    expect(firstId).toBe(first.headers['x-acs-request-id']);
    clock.advance(TRANSITION_MS);
    expect(await circuitStatus(READY)).toBe('Terminated');
    const replay = await v1.call('TerminatePhysicalConnection', params);
    expect(replay.status).toBe(200);
    expect(replay.json<{ RequestId: string }>().RequestId).toBe(firstId);
    const state = await emu.control.state<{ PhysicalConnections: Array<{ PhysicalConnectionId: string; Status: string }> }>();
    expect(state.PhysicalConnections.find((c) => c.PhysicalConnectionId === READY)?.Status).toBe('Terminated');

    const mismatch = await call('TerminatePhysicalConnection', { ...params, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1] });
    expect({ status: mismatch.status, code: mismatch.body.Code }).toEqual({ status: 400, code: 'IdempotentParameterMismatch' });
    expect(await circuitStatus(DEMO_IDS.enabledReadyToTerminate[1])).toBe('Enabled');
  });
});

describe('paging over HTTP on a generated seed', () => {
  it('pages are disjoint and complete', async () => {
    await emu.control.reset({ generate: { connections: 23, vbrsPerConnection: [2, 3] } });
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await ok('DescribePhysicalConnections', { RegionId: HZ, PageNumber: String(page), PageSize: '10' });
      expect(body.TotalCount).toBe(23);
      seen.push(...list(body, 'PhysicalConnectionSet', 'PhysicalConnectionType').map((c) => c.PhysicalConnectionId as string));
    }
    expect(new Set(seen).size).toBe(23);
    const vbrs = await ok('DescribeVirtualBorderRouters', { RegionId: HZ, PageSize: '50', PageNumber: '2' });
    expect(vbrs.TotalCount).toBe(57);
    expect(list(vbrs, 'VirtualBorderRouterSet', 'VirtualBorderRouterType')).toHaveLength(7);
  });
});
