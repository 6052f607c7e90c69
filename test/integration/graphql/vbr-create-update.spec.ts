/**
 * createVbr and updateVbr end to end against the emulator (demo seed, demo and tenant accounts):
 * the VBR as read after the write, one upstream effect per token, who may set which field, the
 * VLAN and subnet rules, upstream refusals, and every input field's validation with nothing sent.
 */
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/domain';
import { CreateVbrDocument, UpdateVbrDocument, type CreateVbrInput, type UpdateVbrInput } from '../../generated/graphql';
import { GENERATED_TOKEN, onlyError, seedWithCircuitStatus, UPSTREAM_REQUEST_ID, useVbrGateway } from './support/vbr';

const vg = useVbrGateway();
const { gw } = vg;
const V = DEMO_IDS.vbrs;
const [READY] = DEMO_IDS.enabledReadyToTerminate;

beforeEach(() => gw.emu.control.reset());

const OWN: CreateVbrInput = {
  physicalConnectionId: READY,
  vlanId: 500,
  localGatewayIp: '10.60.0.1',
  peerGatewayIp: '10.60.0.2',
  peeringSubnetMask: '255.255.255.252',
};

const create = (input: CreateVbrInput, asTenant = false) => gw.run(CreateVbrDocument, { input }, asTenant ? vg.tenant : undefined);
const update = (input: UpdateVbrInput, asTenant = false) => gw.run(UpdateVbrDocument, { input }, asTenant ? vg.tenant : undefined);

async function writes(action: string) {
  return (await vg.events()).filter((event) => event.action === action);
}

describe('createVbr', () => {
  it('creates an ACTIVE VBR of this account and answers it as read after the write', async () => {
    const { data, errors } = await create({ ...OWN, name: 'edge-vbr', bandwidth: 100 });
    expect(errors).toBeUndefined();
    const payload = data?.createVbr;
    expect(payload).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: GENERATED_TOKEN,
      vbrId: expect.stringMatching(/^vbr-/),
      vbr: {
        id: payload?.vbrId,
        regionId: 'cn-hangzhou',
        status: 'ACTIVE',
        vlanId: 500,
        physicalConnectionId: READY,
        name: 'edge-vbr',
        localGatewayIp: '10.60.0.1',
        peerGatewayIp: '10.60.0.2',
        peeringSubnetMask: '255.255.255.252',
      },
    });
    expect(await writes('CreateVirtualBorderRouter')).toEqual([expect.objectContaining({ resourceId: payload?.vbrId, clientToken: payload?.clientToken })]);
  });

  it('creates an UNCONFIRMED VBR for another account, whose owner sets the addresses', async () => {
    const { data, errors } = await create({ physicalConnectionId: READY, vlanId: 501, vbrOwnerId: DEMO_ACCOUNTS.tenant });
    expect(errors).toBeUndefined();
    expect(data?.createVbr.vbr).toMatchObject({ status: 'UNCONFIRMED', localGatewayIp: null });
    const record = await vg.vbrRecord(data?.createVbr.vbrId ?? '');
    expect(record?.OwnerId).toBe(DEMO_ACCOUNTS.tenant);
  });

  it('replays with the same token (its VLAN is now held: the upstream decides): same VBR, one effect', async () => {
    const first = await create({ ...OWN, clientToken: 'vbr-create-1' });
    const again = await create({ ...OWN, clientToken: 'vbr-create-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data?.createVbr).toMatchObject({ vbrId: first.data?.createVbr.vbrId, requestId: first.data?.createVbr.requestId });
    expect(await writes('CreateVirtualBorderRouter')).toHaveLength(1);
    // The same token for another VBR is a conflict, not a second VBR.
    const other = onlyError(await create({ ...OWN, vlanId: 502, clientToken: 'vbr-create-1' }));
    expect(other?.extensions).toMatchObject({ code: 'OPERATION_CONFLICT', reason: null, upstream: { code: 'IdempotentParameterMismatch' } });
    // And without a token the held VLAN is refused locally.
    expect(onlyError(await create(OWN))?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'input.vlanId' });
    expect(await writes('CreateVirtualBorderRouter')).toHaveLength(1);
  });

  it.each([
    ['a circuit that does not exist', { ...OWN, physicalConnectionId: 'pc-doesnotexist01' }, { code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: 'pc-doesnotexist01' }],
    ['a VLAN another VBR holds', { ...OWN, physicalConnectionId: DEMO_IDS.enabledWithVbrs, vlanId: 100 }, { code: 'BAD_USER_INPUT', retryable: false, field: 'input.vlanId' }],
    [
      'a circuit that is not ENABLED',
      { ...OWN, physicalConnectionId: DEMO_IDS.confirmed },
      { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: DEMO_IDS.confirmed, currentStatus: 'CONFIRMED' },
    ],
  ])('refuses %s locally, sending no write', async (_what, input, extensions) => {
    expect(onlyError(await create(input))?.extensions).toEqual(extensions);
    expect((await gw.emu.control.calls()).byAction['CreateVirtualBorderRouter']).toBeUndefined();
  });

  it("refuses another account's circuit as not found (DescribePhysicalConnections lists only the caller's)", async () => {
    const error = onlyError(await create({ ...OWN, physicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly }, true));
    expect(error?.extensions).toEqual({ code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly });
  });

  it('words the not-ENABLED refusal for creating a VBR', async () => {
    await gw.emu.control.reset({ seed: seedWithCircuitStatus(READY, 'Terminated') });
    expect(onlyError(await create(OWN))?.message).toBe(`Physical connection ${READY} is TERMINATED; VBRs can only be created on ENABLED connections.`);
  });

  it.each([
    [
      'a VLAN held by a VBR terminated more than 7 days ago (the emulator keeps it longer)',
      { ...OWN, physicalConnectionId: DEMO_IDS.enabledWithVbrs, vlanId: 102 },
      null,
      { code: 'BAD_USER_INPUT', field: 'input.vlanId', upstream: { code: 'InvalidVlanId.Used', httpStatus: 400 } },
    ],
    [
      'addresses with vbrOwnerId another account',
      { ...OWN, vbrOwnerId: DEMO_ACCOUNTS.tenant },
      null,
      { code: 'ACCOUNT_NOT_ALLOWED', resourceId: READY, reason: null, upstream: { code: 'Forbidden.LocalGatewayIpNotAllowedByCaller', httpStatus: 403 } },
    ],
    [
      'a used-up quota',
      OWN,
      { code: 'QuotaExceeded.vbrPerpConn', httpStatus: 400 },
      { code: 'QUOTA_EXCEEDED', retryable: false, upstream: { code: 'QuotaExceeded.vbrPerpConn', httpStatus: 400 } },
    ],
    [
      'a task in progress (Terraform retries it)',
      OWN,
      { code: 'TaskConflict', httpStatus: 400 },
      { code: 'OPERATION_CONFLICT', retryable: true, physicalConnectionId: READY, reason: null },
    ],
  ])('maps the upstream refusing %s, with the token', async (_what, input, fault, extensions) => {
    if (fault !== null) await gw.emu.control.addFault({ action: 'CreateVirtualBorderRouter', type: 'error', times: 1, ...fault });
    const error = onlyError(await create({ ...input, clientToken: 'refused-create-1' }));
    expect(error?.extensions).toMatchObject({ ...extensions, clientToken: 'refused-create-1' });
    expect(await writes('CreateVirtualBorderRouter')).toEqual([]);
  });
});

describe('updateVbr', () => {
  it("changes the VBR owner's fields and the shared ones; answers the VBR as read after the write", async () => {
    const { data, errors } = await update({ vbrId: V.active, name: 'renamed-vbr', description: 'Moved to rack 7', detectMultiplier: 5, clientToken: 'vbr-update-1' });
    expect(errors).toBeUndefined();
    expect(data?.updateVbr).toMatchObject({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'vbr-update-1',
      vbr: { id: V.active, status: 'ACTIVE', name: 'renamed-vbr', description: 'Moved to rack 7', detectMultiplier: 5 },
    });
    const again = await update({ vbrId: V.active, name: 'renamed-vbr', description: 'Moved to rack 7', detectMultiplier: 5, clientToken: 'vbr-update-1' });
    expect(again.data?.updateVbr.requestId).toBe(data?.updateVbr.requestId);
    expect(await writes('ModifyVirtualBorderRouterAttribute')).toEqual([expect.objectContaining({ resourceId: V.active, clientToken: 'vbr-update-1' })]);
  });

  it('changes the addresses when they stay in one subnet, and refuses them when not', async () => {
    const moved = await update({ vbrId: V.active, localGatewayIp: '10.100.0.5', peerGatewayIp: '10.100.0.6' });
    expect(moved.data?.updateVbr.vbr).toMatchObject({ localGatewayIp: '10.100.0.5', peerGatewayIp: '10.100.0.6' });
    // The current mask is /30: 10.100.0.9 is in another subnet than 10.100.0.5.
    const error = onlyError(await update({ vbrId: V.active, peerGatewayIp: '10.100.0.9' }));
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'input.peerGatewayIp' });
  });

  it('lets the circuit owner change the VLAN to a free one and refuses one another VBR holds', async () => {
    const moved = await update({ vbrId: V.active, vlanId: 150 });
    expect(moved.data?.updateVbr.vbr.vlanId).toBe(150);
    expect(onlyError(await update({ vbrId: V.active, vlanId: 101 }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'input.vlanId' });
  });

  it("lets each owner set only its own fields on the tenant's VBR on a demo circuit", async () => {
    const byCircuitOwner = onlyError(await update({ vbrId: V.tenantActive, name: 'not-mine', localGatewayIp: '10.50.0.5' }));
    expect(byCircuitOwner?.extensions).toEqual({ code: 'ACCOUNT_NOT_ALLOWED', retryable: false, resourceId: V.tenantActive, reason: 'VBR_OWNER_ONLY' });
    expect(byCircuitOwner?.message).toBe(`VBR ${V.tenantActive} belongs to another account; only its owner may set input.localGatewayIp, input.name.`);
    const byVbrOwner = onlyError(await update({ vbrId: V.tenantActive, vlanId: 310 }, true));
    expect(byVbrOwner?.extensions).toEqual({ code: 'ACCOUNT_NOT_ALLOWED', retryable: false, resourceId: V.tenantActive, reason: 'CIRCUIT_OWNER_ONLY' });
    expect(await writes('ModifyVirtualBorderRouterAttribute')).toEqual([]);

    expect((await update({ vbrId: V.tenantActive, vlanId: 310 })).data?.updateVbr.vbr.vlanId).toBe(310);
    expect((await update({ vbrId: V.tenantActive, name: 'tenant-renamed' }, true)).data?.updateVbr.vbr.name).toBe('tenant-renamed');
    expect(await writes('ModifyVirtualBorderRouterAttribute')).toHaveLength(2);
  });

  it.each([
    ['a VBR in a transition', { vbrId: V.deleting, name: 'late-rename' }, { code: 'VBR_INVALID_STATE', retryable: false, vbrId: V.deleting, action: 'UPDATE', currentStatus: 'DELETING', allowedStatuses: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'] }],
    ['an MTU on a VBR without an Express Connect Router', { vbrId: V.active, mtu: 8500 }, { code: 'BAD_USER_INPUT', retryable: false, field: 'input.mtu' }],
    ['a VBR that does not exist', { vbrId: 'vbr-doesnotexist01', name: 'ghost-vbr' }, { code: 'VBR_NOT_FOUND', retryable: false, vbrId: 'vbr-doesnotexist01' }],
  ])('refuses %s locally', async (_what, input, extensions) => {
    expect(onlyError(await update(input))?.extensions).toEqual(extensions);
    expect((await gw.emu.control.calls()).byAction['ModifyVirtualBorderRouterAttribute']).toBeUndefined();
  });

  it('maps an upstream refusal of a field after the fresh checks passed', async () => {
    await gw.emu.control.addFault({ action: 'ModifyVirtualBorderRouterAttribute', type: 'error', httpStatus: 400, code: 'InvalidVlanId.Used', times: 1 });
    const error = onlyError(await update({ vbrId: V.active, vlanId: 160 }));
    expect(error?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'input.vlanId',
      upstream: { code: 'InvalidVlanId.Used', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
  });
});

describe('bad input: BAD_USER_INPUT naming the field, nothing sent upstream', () => {
  const badCreate: Array<[string, Partial<CreateVbrInput>]> = [
    ['input.physicalConnectionId', { physicalConnectionId: 'vbr-bp1hjmjri6surik1d64o' }],
    ['input.regionId', { regionId: 'cn-hangzhou/..' }],
    ['input.clientToken', { clientToken: 'tab\there' }],
    ['input.vlanId', { vlanId: 3000 }],
    ['input.vlanId', { vlanId: -1 }],
    ['input.localGatewayIp', { localGatewayIp: '10.60.0.256' }],
    ['input.peerGatewayIp', { peerGatewayIp: 'peer' }],
    ['input.peeringSubnetMask', { peeringSubnetMask: '255.255.0.0' }],
    ['input.peeringSubnetMask', { peeringSubnetMask: '255.255.255.254' }],
    ['input.peerGatewayIp', { peerGatewayIp: '10.60.0.1' }],
    ['input.peerGatewayIp', { peerGatewayIp: '10.60.1.2' }],
    ['input.localGatewayIp', { localGatewayIp: null }],
    ['input.peeringSubnetMask', { peeringSubnetMask: null }],
    ['input.localIpv6GatewayIp', { localIpv6GatewayIp: '10.0.0.1' }],
    ['input.peerIpv6GatewayIp', { peerIpv6GatewayIp: 'fe80::zz' }],
    ['input.peeringIpv6SubnetMask', { peeringIpv6SubnetMask: '2408:4004:cc:400::' }],
    ['input.localIpv6GatewayIp', { enableIpv6: true }],
    ['input.bandwidth', { bandwidth: 123 }],
    ['input.name', { name: '-dash-first' }],
    ['input.name', { name: 'x' }],
    ['input.description', { description: 'https://example.com' }],
    ['input.circuitCode', { circuitCode: 'a b' }],
    ['input.vbrOwnerId', { vbrOwnerId: 'someone' }],
    ['input.resourceGroupId', { resourceGroupId: '../rg' }],
  ];

  it.each(badCreate)('createVbr %s %j', async (field, change) => {
    expect(onlyError(await create({ ...OWN, ...change } as CreateVbrInput))?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect(await vg.calls()).toBe(0);
  });

  const badUpdate: Array<[string, Partial<UpdateVbrInput>]> = [
    ['input.vbrId', { vbrId: 'vbr_1' }],
    ['input.regionId', { regionId: 'CN-HANGZHOU' }],
    ['input.clientToken', { clientToken: '' }],
    ['input.vlanId', { vlanId: 3000 }],
    ['input.detectMultiplier', { detectMultiplier: 2 }],
    ['input.minRxInterval', { minRxInterval: 1001 }],
    ['input.minTxInterval', { minTxInterval: 199 }],
    ['input.mtu', { mtu: 9000 }],
    ['input.bandwidth', { bandwidth: 7 }],
    ['input.name', { name: 'has space' }],
    ['input.description', { description: '1 leading digit' }],
    ['input.circuitCode', { circuitCode: '' }],
    ['input.localGatewayIp', { localGatewayIp: '::1' }],
    ['input.peerGatewayIp', { peerGatewayIp: '10.0.0' }],
    ['input.peeringSubnetMask', { peeringSubnetMask: '255.255.255.128/25' }],
    ['input.localIpv6GatewayIp', { localIpv6GatewayIp: 'x' }],
    ['input.peerIpv6GatewayIp', { peerIpv6GatewayIp: '1.2.3.4' }],
    ['input.peeringIpv6SubnetMask', { peeringIpv6SubnetMask: '::/200' }],
  ];

  it.each(badUpdate)('updateVbr %s %j', async (field, change) => {
    expect(onlyError(await update({ vbrId: V.active, name: 'valid-name', ...change }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect(await vg.calls()).toBe(0);
  });

  it('updateVbr with nothing to change', async () => {
    expect(onlyError(await update({ vbrId: V.active, regionId: 'cn-hangzhou', clientToken: 'nothing-1' }))?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'input',
    });
    expect(await vg.calls()).toBe(0);
  });
});
