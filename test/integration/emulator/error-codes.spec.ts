/**
 * Every refusal the domain documents, reached over real HTTP (signed V3 requests, the real domain):
 * one row per error factory of src/emulator/domain/errors.ts and per common error the domain
 * raises, with the status, Code and Message the reference publishes (misspellings included) and
 * the Alibaba error body around them, in JSON and, for a few, in XML.
 *
 * Two in-process checks keep the table honest: each row's literal equals what its factory builds,
 * and every factory has a row (a new refusal without an HTTP row fails here).
 */
import { XMLParser } from 'fast-xml-parser';
import { ApiError, commonErrors } from '../../../src/emulator/api-error';
import { DEMO_ACCOUNTS, DEMO_IDS, type Seed } from '../../../src/emulator/domain';
import { attributeErrors, circuitErrors, filterErrors, vbrErrors } from '../../../src/emulator/domain/errors';
import { useEmulator } from '../../support/emulator';
import type { SignedClient } from '../../support/signed-client';

const HZ = 'cn-hangzhou';
const V = DEMO_IDS.vbrs;
const [READY, READY_2] = DEMO_IDS.enabledReadyToTerminate;
const MISSING_PC = 'pc-bp1doesnotexist000';
const MISSING_VBR = 'vbr-bp1doesnotexist00';
const TENANT_KEY = { accessKeyId: 'LTAITenantAccessKey', accessKeySecret: 'TenantSecret', accountId: DEMO_ACCOUNTS.tenant };

const FACTORIES = { circuitErrors, vbrErrors, attributeErrors, filterErrors, commonErrors };
type FactoryName = {
  [G in keyof typeof FACTORIES]: `${G & string}.${keyof (typeof FACTORIES)[G] & string}`;
}[keyof typeof FACTORIES];
/** Not a refusal: the protocol layer's answer to an unexpected exception (protocol.spec.ts). */
const NOT_A_REFUSAL: readonly FactoryName[] = ['commonErrors.internalError'];

interface Row {
  factory: FactoryName;
  args?: readonly unknown[];
  action: string;
  params: Record<string, string>;
  expected: { status: number; code: string; message: string };
  /** Calls that must succeed first (as the demo account). */
  before?: ReadonlyArray<[string, Record<string, string>]>;
  seed?: Seed;
  asTenant?: boolean;
  /** Also checked in XML. */
  xml?: boolean;
}

const createCircuit = (extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  AccessPointId: 'ap-cn-hangzhou-yh-B',
  LineOperator: 'CT',
  ...extra,
});
const createVbr = (extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  PhysicalConnectionId: READY,
  VlanId: '500',
  LocalGatewayIp: '10.9.0.1',
  PeerGatewayIp: '10.9.0.2',
  PeeringSubnetMask: '255.255.255.252',
  ...extra,
});
const modifyVbr = (extra: Record<string, string>, vbrId: string = V.active) => ({ RegionId: HZ, VbrId: vbrId, ...extra });
const onCircuit = (id: string) => ({ RegionId: HZ, PhysicalConnectionId: id });
const onVbr = (id: string) => ({ RegionId: HZ, VbrId: id });

/** Terminated circuits the demo lacks: one with its owner's VBR, one with another account's, one hosting a vpconn. */
const DELETE_SEED: Seed = {
  PhysicalConnections: [
    { RegionId: HZ, PhysicalConnectionId: 'pc-bp1ownvbr0000000001', Status: 'Terminated', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' },
    { RegionId: HZ, PhysicalConnectionId: 'pc-bp1foreignvbr000001', Status: 'Terminated', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' },
    { RegionId: HZ, PhysicalConnectionId: 'pc-bp1hosting000000001', Status: 'Terminated', AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' },
    {
      RegionId: HZ,
      OwnerId: DEMO_ACCOUNTS.tenant,
      PhysicalConnectionId: 'pc-bp1vpconn0000000001',
      Status: 'Enabled',
      AccessPointId: 'ap-cn-hangzhou-yh-B',
      LineOperator: 'CT',
      ProductType: 'VirtualPhysicalConnection',
      ParentPhysicalConnectionId: 'pc-bp1hosting000000001',
      VpconnStatus: 'Confirmed',
    },
  ],
  VirtualBorderRouters: [
    { RegionId: HZ, VbrId: 'vbr-bp1ownvbr000000001', PhysicalConnectionId: 'pc-bp1ownvbr0000000001', Status: 'terminated', VlanId: 10 },
    {
      RegionId: HZ,
      OwnerId: DEMO_ACCOUNTS.tenant,
      VbrId: 'vbr-bp1foreignvbr00001',
      PhysicalConnectionId: 'pc-bp1foreignvbr000001',
      Status: 'terminated',
      VlanId: 10,
    },
  ],
};

const e = (status: number, code: string, message: string) => ({ status, code, message });

const ROWS: Row[] = [
  // ---- circuits: lookups and states
  { factory: 'circuitErrors.notFound', action: 'TerminatePhysicalConnection', params: onCircuit(MISSING_PC), expected: e(404, 'InvalidPhysicalConnectionId.NotFound', 'The PhysicalConnectionId provided does not exist in our records.') },
  { factory: 'circuitErrors.notFoundOnConfirm', action: 'ConfirmPhysicalConnection', params: onCircuit(MISSING_PC), expected: e(400, 'InvalidPhysicalConnectionId.NotFound', 'The specified physicalConnection is not found') },
  { factory: 'circuitErrors.notFoundOnCreateVbr', action: 'CreateVirtualBorderRouter', params: createVbr({ PhysicalConnectionId: MISSING_PC }), expected: e(400, 'InvalidPhysicalConnectionId.NotFound', 'The specified PhysicalConnectionId is not found.') },
  { factory: 'circuitErrors.notOwnedByUser', action: 'DescribeVirtualBorderRoutersForPhysicalConnection', params: onCircuit(DEMO_IDS.partnerHostingPort), expected: e(404, 'InvalidPhysicalConnectionId.NotFound', 'The specified PhysicalConnectionId does not belong to user.') },
  { factory: 'circuitErrors.resourceNotFound', args: [MISSING_PC], action: 'RecoverPhysicalConnection', params: { RegionId: HZ, InstanceId: MISSING_PC }, expected: e(400, 'ResourceNotFound', `The specified resource ${MISSING_PC} is not found.`) },
  { factory: 'circuitErrors.notAllowedInState', action: 'TerminatePhysicalConnection', params: onCircuit(DEMO_IDS.initial), expected: e(400, 'Forbidden.NotAllowedInState', 'The request does not allow in this state.') },
  { factory: 'circuitErrors.notAllocated', action: 'ConfirmPhysicalConnection', params: onCircuit(DEMO_IDS.initial), expected: e(400, 'IncorrectStatus.PhysicalConnection', 'The specified PhysicalConnectionId is not in Allocated state.') },
  { factory: 'circuitErrors.incorrectStatus', args: [DEMO_IDS.terminated], action: 'RecoverPhysicalConnection', params: { RegionId: HZ, InstanceId: DEMO_IDS.terminated }, expected: e(400, 'IncorrectStatus.PhysicalConnection', `The status of ${DEMO_IDS.terminated} is incorrect.`) },
  { factory: 'circuitErrors.notEnabled', action: 'CreateVirtualBorderRouter', params: createVbr({ PhysicalConnectionId: DEMO_IDS.initial }), expected: e(400, 'InvalidPhysicalConnectionId.NotEnabled', 'The specified PhysicalConnectionId is not in Enabled state.') },
  { factory: 'circuitErrors.operationConflict', action: 'EnablePhysicalConnection', params: onCircuit(DEMO_IDS.confirmed), before: [['EnablePhysicalConnection', onCircuit(DEMO_IDS.confirmed)]], expected: e(400, 'OperationConflict', 'The operation conflicts with another operation in progress on the specified resource.') },
  // ---- circuits: what blocks terminate and delete
  { factory: 'circuitErrors.vbrAttached', action: 'TerminatePhysicalConnection', params: onCircuit(DEMO_IDS.enabledWithVbrs), expected: e(400, 'Forbidden.VbrAttached', 'Cannot terminate physical connection when virtual border routers are still attached.'), xml: true },
  { factory: 'circuitErrors.vpconnAttached', action: 'TerminatePhysicalConnection', params: onCircuit(DEMO_IDS.enabledWithVpconn), expected: e(400, 'OperationFailed.VpconnAttached', 'Cannot terminate physical connection when vpconn are still attached.') },
  { factory: 'circuitErrors.macsecAttached', action: 'TerminatePhysicalConnection', params: onCircuit(DEMO_IDS.enabledWithMacsec), expected: e(400, 'OperationDenied.MacsecAttached', 'The operation is not allowed because of MacsecAttached.') },
  { factory: 'circuitErrors.lockedBySystem', action: 'TerminatePhysicalConnection', params: onCircuit(DEMO_IDS.enabledFinancialLocked), expected: e(400, 'OperationFailed.ResourceLockedBySystem', 'The specified resource is locked by system.') },
  { factory: 'circuitErrors.ownersVbrExists', seed: DELETE_SEED, action: 'DeletePhysicalConnection', params: onCircuit('pc-bp1ownvbr0000000001'), expected: e(400, 'Forbidden.VBRExists', "physical connection owner's vbr still exists."), xml: true },
  { factory: 'circuitErrors.otherOwnersVbrExists', seed: DELETE_SEED, action: 'DeletePhysicalConnection', params: onCircuit('pc-bp1foreignvbr000001'), expected: e(400, 'Forbidden.VBRExists', "vbr owner's vbr still exists.") },
  { factory: 'circuitErrors.vpconnAttachedOnDelete', seed: DELETE_SEED, action: 'DeletePhysicalConnection', params: onCircuit('pc-bp1hosting000000001'), expected: e(400, 'OperationFailed.VpconnAttached', 'Cannot delete physical connection when vpconn are still attached.') },
  // ---- CreatePhysicalConnection validation (the published `Malformd` spellings)
  { factory: 'circuitErrors.quotaPerAccessPoint', action: 'CreatePhysicalConnection', params: createCircuit(), before: [1, 2, 3, 4].map(() => ['CreatePhysicalConnection', createCircuit()] as [string, Record<string, string>]), expected: e(400, 'QuotaExceeded.pConnPerAP', 'Physical connection count per ap quota exceed.') },
  { factory: 'circuitErrors.invalidType', action: 'CreatePhysicalConnection', params: createCircuit({ Type: 'VBR' }), expected: e(400, 'InvalidType.Malformd', 'The Type provided was invalid.') },
  { factory: 'circuitErrors.invalidPeerLocation', action: 'CreatePhysicalConnection', params: createCircuit({ PeerLocation: 'x'.repeat(257) }), expected: e(400, 'InvalidPeerLocation.Malformd', 'The PeerLocation provided was invalid.') },
  { factory: 'circuitErrors.invalidLineOperator', action: 'CreatePhysicalConnection', params: createCircuit({ LineOperator: 'ACME' }), expected: e(400, 'InvalidLineOperator.Malformd', 'The LineOperator provided was invalid.'), xml: true },
  { factory: 'circuitErrors.invalidPortType', action: 'CreatePhysicalConnection', params: createCircuit({ PortType: '25GBase-LR' }), expected: e(400, 'InvalidPortType.Malformd', 'The PortType provided was invalid.') },
  { factory: 'circuitErrors.invalidBandwidth', action: 'CreatePhysicalConnection', params: createCircuit({ bandwidth: '123' }), expected: e(400, 'InvalidBandwidth', 'invalid physical connection banwidth.') },
  { factory: 'circuitErrors.redundantNotFound', action: 'CreatePhysicalConnection', params: createCircuit({ RedundantPhysicalConnectionId: MISSING_PC }), expected: e(400, 'InvalidRedundantPhysicalConnectionId.NotFound', 'The RedundantPhysicalConnectionId does not found.') },
  { factory: 'circuitErrors.redundantNotOwned', action: 'CreatePhysicalConnection', params: createCircuit({ RedundantPhysicalConnectionId: DEMO_IDS.partnerHostingPort }), expected: e(400, 'InvalidRedundantPhysicalConnection', "redundant physical connection doesn't belong to current user.") },
  { factory: 'circuitErrors.redundantBadStatus', action: 'CreatePhysicalConnection', params: createCircuit({ RedundantPhysicalConnectionId: DEMO_IDS.initial }), expected: e(400, 'InvalidRedundantPhysicalConnectionStatus', 'invalid redundant physical connection status.') },
  { factory: 'circuitErrors.accessPointNotEnabled', action: 'CreatePhysicalConnection', params: createCircuit({ AccessPointId: 'ap-cn-shanghai-nh-A' }), expected: e(400, 'InvalidAccessPointId.NotEnabled', 'Invalid access point status.') },
  // ---- attributes circuits and VBRs share
  { factory: 'attributeErrors.nameMalformed', action: 'CreatePhysicalConnection', params: createCircuit({ Name: '1-starts-with-a-digit' }), expected: e(400, 'InvalidName.Malformed', 'The specified ?Name? is not valid.'), xml: true },
  { factory: 'attributeErrors.descriptionMalformed', action: 'CreatePhysicalConnection', params: createCircuit({ Description: 'https://example.com/not-a-description' }), expected: e(400, 'InvalidDescription.Malformed', 'The specifid ?Description? is not valid.') },
  { factory: 'attributeErrors.circuitCodeMalformed', args: [false], action: 'CreatePhysicalConnection', params: createCircuit({ CircuitCode: 'bad code!' }), expected: e(400, 'InvalidCircuitCode.Malformed', 'circuitCode is illegal.') },
  { factory: 'attributeErrors.circuitCodeMalformed', args: [true], action: 'CreateVirtualBorderRouter', params: createVbr({ CircuitCode: 'bad code!' }), expected: e(400, 'InvalidCircuitCode.Malformed', 'The specified CircuitCode is not valid.') },
  // ---- VBRs: lookups, states and who may do what
  { factory: 'vbrErrors.notFound', action: 'TerminateVirtualBorderRouter', params: onVbr(MISSING_VBR), expected: e(404, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter is not found.') },
  { factory: 'vbrErrors.notFoundOnDelete', action: 'DeleteVirtualBorderRouter', params: onVbr(MISSING_VBR), expected: e(404, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter does not exist in our records.') },
  { factory: 'vbrErrors.notFoundOnModify', action: 'ModifyVirtualBorderRouterAttribute', params: modifyVbr({ Name: 'renamed' }, MISSING_VBR), expected: e(400, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter is not found.') },
  { factory: 'vbrErrors.notAllowedInState', action: 'TerminateVirtualBorderRouter', params: onVbr(V.terminatedRecoverable), expected: e(400, 'InvalidOperation.OperationNotAllowedInState', 'The specified VirutalBorderRouter is in invalid state.') },
  { factory: 'vbrErrors.notAllowedByUser', args: ['terminate'], asTenant: true, action: 'TerminateVirtualBorderRouter', params: onVbr(V.tenantActive), expected: e(403, 'Forbidden.OperationNotAllowedByUser', 'The caller is not allowed to terminate the specified VirtualBorderRouter.') },
  { factory: 'vbrErrors.notAllowedByUser', args: ['recover'], asTenant: true, action: 'RecoverVirtualBorderRouter', params: onVbr(V.tenantActive), expected: e(403, 'Forbidden.OperationNotAllowedByUser', 'The caller is not allowed to recover the specified VirtualBorderRouter.') },
  { factory: 'vbrErrors.notAllowedByUser', args: ['delete'], action: 'DeleteVirtualBorderRouter', params: onVbr(V.tenantActive), expected: e(403, 'Forbidden.OperationNotAllowedByUser', 'The caller is not allowed to delete the specified VirtualBorderRouter.') },
  { factory: 'vbrErrors.notAllowedByCaller', args: ['Name'], action: 'CreateVirtualBorderRouter', params: { RegionId: HZ, PhysicalConnectionId: READY, VlanId: '500', VbrOwnerId: DEMO_ACCOUNTS.tenant, Name: 'for-the-tenant' }, expected: e(403, 'Forbidden.NameNotAllowedByCaller', 'The caller is not allowed to specify the Name parameter.') },
  { factory: 'vbrErrors.notAllowedByCaller', args: ['VlanId'], asTenant: true, action: 'ModifyVirtualBorderRouterAttribute', params: modifyVbr({ VlanId: '301' }, V.tenantActive), expected: e(403, 'Forbidden.VlanIdNotAllowedByCaller', 'The caller is not allowed to specify the VlanId.') },
  { factory: 'vbrErrors.vbrOwnerNotFound', action: 'CreateVirtualBorderRouter', params: createVbr({ VbrOwnerId: 'not-an-account' }), expected: e(404, 'InvalidVbrOwnerId.NotFound', 'The specified VbrOwnerId is not valid.') },
  // ---- VBRs: VLANs and addresses
  { factory: 'vbrErrors.vlanUsed', action: 'CreateVirtualBorderRouter', params: createVbr({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '100' }), expected: e(400, 'InvalidVlanId.Used', 'The specified VlanId has been used.') },
  { factory: 'vbrErrors.vlanMalformed', action: 'CreateVirtualBorderRouter', params: createVbr({ VlanId: '3000' }), expected: e(400, 'InvalidVlanId.Malformed', 'The specified VlanId is not valid.') },
  { factory: 'vbrErrors.vlanAlreadyInUse', action: 'RecoverVirtualBorderRouter', params: onVbr(V.terminatedVlanReused), expected: e(400, 'OperationFailed.VlanIdAlreadyInUse', 'The specifed vlanId has been used.') },
  { factory: 'vbrErrors.localGatewayIpMalformed', action: 'CreateVirtualBorderRouter', params: createVbr({ LocalGatewayIp: '10.9.0.256' }), expected: e(400, 'InvalidLocalGatewayIp.Malformed', 'The specified LocalGatewayIp is not valid.') },
  { factory: 'vbrErrors.peerGatewayIpMalformed', action: 'CreateVirtualBorderRouter', params: createVbr({ PeerGatewayIp: 'peer' }), expected: e(400, 'InvalidPeerGatewayIp.Malformed', 'The specified PeerGatewayIp is not valid.') },
  { factory: 'vbrErrors.ipMalformed', action: 'ModifyVirtualBorderRouterAttribute', params: modifyVbr({ LocalGatewayIp: '10.0.0' }), expected: e(400, 'InvalidIp.Malformed', 'The specified ip address is not valid.') },
  { factory: 'vbrErrors.subnetMaskMalformed', action: 'CreateVirtualBorderRouter', params: createVbr({ PeeringSubnetMask: '255.255.0.0' }), expected: e(400, 'InvalidPeeringSubnetMask.Malformed', 'The specified PeeringSubnetMask is not valid.') },
  { factory: 'vbrErrors.notSameSubnet', action: 'CreateVirtualBorderRouter', params: createVbr({ PeerGatewayIp: '10.9.1.2' }), expected: e(400, 'InvalidIp.NotSameSubnet', 'Local gateway ip and peer gateway ip are not in the same subnet.') },
  // ---- filters and the common errors the domain raises
  { factory: 'filterErrors.keyNotSupported', args: [1], action: 'DescribePhysicalConnections', params: { RegionId: HZ, 'Filter.1.Key': 'Colour', 'Filter.1.Value.1': 'blue' }, expected: e(404, 'InvalidFilterKey.ValueNotSupported', 'Specified filter key is not supported: Filter.1.key') },
  { factory: 'commonErrors.missingParameter', args: ['PhysicalConnectionId'], action: 'TerminatePhysicalConnection', params: { RegionId: HZ }, expected: e(400, 'MissingParameter', 'The input parameter "PhysicalConnectionId" that is mandatory for processing this request is not supplied.'), xml: true },
  { factory: 'commonErrors.invalidParameter', args: ['ClientToken'], action: 'TerminatePhysicalConnection', params: { ...onCircuit(READY), ClientToken: 'my token' }, expected: e(400, 'InvalidParameter', 'The specified parameter "ClientToken" is not valid.') },
  { factory: 'commonErrors.invalidRegion', action: 'DescribePhysicalConnections', params: { RegionId: 'eu-nowhere-9' }, expected: e(404, 'InvalidRegionId.NotFound', 'The specified RegionId is not found.') },
  { factory: 'commonErrors.idempotentParameterMismatch', action: 'TerminatePhysicalConnection', params: { ...onCircuit(READY_2), ClientToken: 'one-token' }, before: [['TerminatePhysicalConnection', { ...onCircuit(READY), ClientToken: 'one-token' }]], expected: e(400, 'IdempotentParameterMismatch', 'The request uses the same client token as a previous, but non-identical request.') },
];

function build(row: Row): ApiError {
  const [group, name] = row.factory.split('.') as [keyof typeof FACTORIES, string];
  const factory = (FACTORIES[group] as Record<string, (...args: unknown[]) => ApiError>)[name];
  if (!factory) throw new Error(`no factory ${row.factory}`);
  return factory(...(row.args ?? []));
}

const title = (row: Row) => `${row.expected.code} (${row.factory}${row.args ? `(${row.args.map((a) => JSON.stringify(a)).join(', ')})` : ''}) from ${row.action}`;

describe('the table', () => {
  it.each(ROWS.map((row) => [title(row), row] as const))("%s: the literal is what the domain's factory builds", (_title, row) => {
    const built = build(row);
    expect({ status: built.httpStatus, code: built.code, message: built.message }).toEqual(row.expected);
  });

  it('has a row for every refusal the domain can raise', () => {
    const all = Object.entries(FACTORIES).flatMap(([group, factories]) => Object.keys(factories).map((name) => `${group}.${name}`));
    const covered = new Set<string>(ROWS.map((row) => row.factory));
    expect(all.filter((name) => !covered.has(name) && !(NOT_A_REFUSAL as readonly string[]).includes(name))).toEqual([]);
  });
});

// A long transition keeps every state (the pending Enable included) still while a row runs.
const emu = useEmulator(() => ({
  transitionMs: 60_000,
  accessKeys: [
    { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret', accountId: DEMO_ACCOUNTS.demo },
    TENANT_KEY,
  ],
}));

let demo: SignedClient;
let tenant: SignedClient;
beforeAll(() => {
  demo = emu.client();
  tenant = emu.client({ accessKeyId: TENANT_KEY.accessKeyId, accessKeySecret: TENANT_KEY.accessKeySecret });
});

async function prepare(row: Row): Promise<void> {
  await emu.control.reset(row.seed ? { seed: row.seed } : undefined);
  for (const [action, params] of row.before ?? []) {
    const res = await demo.call(action, params);
    if (res.status !== 200) throw new Error(`setup ${action} answered ${res.status}: ${res.text}`);
  }
}

const recommend = (code: string, requestId: string) =>
  `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=${code}&product=Vpc&requestId=${requestId}`;

describe('over HTTP, JSON', () => {
  it.each(ROWS.map((row) => [title(row), row] as const))('%s', async (_title, row) => {
    await prepare(row);
    const res = await (row.asTenant ? tenant : demo).call(row.action, row.params);
    const requestId = res.headers['x-acs-request-id'] ?? '';
    expect(res.status).toBe(row.expected.status);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(res.json()).toEqual({
      RequestId: requestId,
      HostId: new URL(emu.url).host,
      Code: row.expected.code,
      Message: row.expected.message,
      Recommend: recommend(row.expected.code, requestId),
    });
    expect(requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });
});

describe('over HTTP, XML', () => {
  const xml = new XMLParser({ parseTagValue: false });
  const rows = ROWS.filter((row) => row.xml);

  it('covers quotes and apostrophes in messages', () => {
    expect(rows.some((row) => row.expected.message.includes('"'))).toBe(true);
    expect(rows.some((row) => row.expected.message.includes("'"))).toBe(true);
  });

  it.each(rows.map((row) => [title(row), row] as const))('%s', async (_title, row) => {
    await prepare(row);
    const res = await (row.asTenant ? tenant : demo).call(row.action, row.params, { format: 'XML' });
    const requestId = res.headers['x-acs-request-id'] ?? '';
    expect(res.status).toBe(row.expected.status);
    expect(res.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(xml.parse(res.text)).toEqual({
      '?xml': '',
      Error: {
        RequestId: requestId,
        HostId: new URL(emu.url).host,
        Code: row.expected.code,
        Message: row.expected.message,
        Recommend: recommend(row.expected.code, requestId),
      },
    });
  });
});
