import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../../src/emulator/domain';
import { harness, HZ, TRANSITION_MS } from './harness';

const V = DEMO_IDS.vbrs;
const READY = DEMO_IDS.enabledReadyToTerminate[0];

const createVbr = (extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  PhysicalConnectionId: READY,
  VlanId: '42',
  LocalGatewayIp: '192.168.10.1',
  PeerGatewayIp: '192.168.10.2',
  PeeringSubnetMask: '255.255.255.252',
  ...extra,
});

describe('CreateVirtualBorderRouter', () => {
  it('creates an active VBR on an Enabled circuit', () => {
    const h = harness();
    const body = h.call('CreateVirtualBorderRouter', createVbr({ Name: 'vbr-test', Bandwidth: '200', 'Tags.1.Key': 'env', 'Tags.1.Value': 'test' }));
    const id = body.VbrId as string;
    expect(id).toMatch(/^vbr-bp1[a-z0-9]{17}$/);
    expect(h.vbr(id)).toMatchObject({
      VbrId: id,
      Status: 'active',
      VlanId: 42,
      Name: 'vbr-test',
      Bandwidth: 200,
      PhysicalConnectionId: READY,
      AccessPointId: 'ap-cn-hangzhou-yh-B',
      CreationTime: '2025-02-01T00:00:00',
      ActivationTime: '2025-02-01T00:00:00',
      Type: 'pconnVBR',
      Tags: { Tags: [{ Key: 'env', Value: 'test' }] },
    });
    expect(h.vbr(id)?.RouteTableId).toMatch(/^rtb-bp1/);
    expect(h.vbr(id)?.VlanInterfaceId).toMatch(/^ri-bp1/);
    expect(h.fail('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY }).code).toBe('Forbidden.VbrAttached');
  });

  it('creates an IPv6 VBR when the IPv6 addresses are given', () => {
    const h = harness();
    const id = h.call('CreateVirtualBorderRouter', createVbr({
      EnableIpv6: 'true',
      LocalIpv6GatewayIp: '2408:4004:cc:500::1',
      PeerIpv6GatewayIp: '2408:4004:cc:500::2',
      PeeringIpv6SubnetMask: '2408:4004:cc:500::/56',
    })).VbrId as string;
    expect(h.vbr(id)).toMatchObject({ EnableIpv6: true, LocalIpv6GatewayIp: '2408:4004:cc:500::1' });
    expect(h.fail('CreateVirtualBorderRouter', createVbr({ VlanId: '43', EnableIpv6: 'true' })).message).toContain('LocalIpv6GatewayIp');
  });

  it('creates an unconfirmed VBR for another account, without the VBR owner’s settings', () => {
    const h = harness();
    const id = h.call('CreateVirtualBorderRouter', {
      RegionId: HZ,
      PhysicalConnectionId: READY,
      VlanId: '44',
      VbrOwnerId: DEMO_ACCOUNTS.tenant,
    }).VbrId as string;
    expect(h.vbr(id)).toMatchObject({ Status: 'unconfirmed' });
    expect(h.vbr(id)?.ActivationTime).toBeUndefined();
    const row = h.vbrsOn(READY).find((v) => v.VbrId === id);
    expect(JSON.stringify(row?.VbrOwnerUid)).toBe(`"${DEMO_ACCOUNTS.tenant}"`);
    const error = h.fail('CreateVirtualBorderRouter', { ...createVbr({ VlanId: '45' }), VbrOwnerId: DEMO_ACCOUNTS.tenant });
    expect(error).toMatchObject({
      httpStatus: 403,
      code: 'Forbidden.LocalGatewayIpNotAllowedByCaller',
      message: 'The caller is not allowed to specify the LocalGatewayIp parameter.',
    });
  });

  it.each([
    [{ VlanId: '3000' }, 400, 'InvalidVlanId.Malformed'],
    [{ VlanId: '-1' }, 400, 'InvalidVlanId.Malformed'],
    [{ VlanId: 'ten' }, 400, 'InvalidVlanId.Malformed'],
    [{ VlanId: '100', PhysicalConnectionId: DEMO_IDS.enabledWithVbrs }, 400, 'InvalidVlanId.Used'],
    [{ VlanId: '102', PhysicalConnectionId: DEMO_IDS.enabledWithVbrs }, 400, 'InvalidVlanId.Used'],
    [{ LocalGatewayIp: '192.168.10.300' }, 400, 'InvalidLocalGatewayIp.Malformed'],
    [{ PeerGatewayIp: 'peer' }, 400, 'InvalidPeerGatewayIp.Malformed'],
    [{ PeeringSubnetMask: '255.255.0.0' }, 400, 'InvalidPeeringSubnetMask.Malformed'],
    [{ PeeringSubnetMask: '255.0.255.0' }, 400, 'InvalidPeeringSubnetMask.Malformed'],
    [{ PeerGatewayIp: '192.168.11.2' }, 400, 'InvalidIp.NotSameSubnet'],
    [{ PeerGatewayIp: '192.168.10.1' }, 400, 'InvalidParameter'],
    [{ LocalIpv6GatewayIp: 'fe80::zz' }, 400, 'InvalidParameter'],
    [{ Bandwidth: '123' }, 400, 'InvalidParameter'],
    [{ Name: '-dash-first' }, 400, 'InvalidName.Malformed'],
    [{ Description: 'x' }, 400, 'InvalidDescription.Malformed'],
    [{ CircuitCode: 'a b' }, 400, 'InvalidCircuitCode.Malformed'],
    [{ VbrOwnerId: 'someone' }, 404, 'InvalidVbrOwnerId.NotFound'],
    [{ PhysicalConnectionId: DEMO_IDS.confirmed }, 400, 'InvalidPhysicalConnectionId.NotEnabled'],
    [{ PhysicalConnectionId: DEMO_IDS.terminated }, 400, 'InvalidPhysicalConnectionId.NotEnabled'],
    [{ PhysicalConnectionId: 'pc-bp1nope000000000000' }, 400, 'InvalidPhysicalConnectionId.NotFound'],
    [{ PhysicalConnectionId: DEMO_IDS.partnerHostingPort }, 400, 'InvalidPhysicalConnectionId.NotFound'],
    [{ RegionId: 'cn-nowhere' }, 404, 'InvalidRegionId.NotFound'],
    [{ LocalGatewayIp: '' }, 400, 'MissingParameter'],
  ])('refuses %j with %i %s and creates nothing', (extra, status, code) => {
    const h = harness();
    const before = h.domain.snapshot().VirtualBorderRouters.length;
    const error = h.fail('CreateVirtualBorderRouter', createVbr(extra as Record<string, string>));
    expect({ status: error.httpStatus, code: error.code }).toEqual({ status, code });
    expect(h.domain.snapshot().VirtualBorderRouters).toHaveLength(before);
  });

  it('documents each missing parameter by name', () => {
    const h = harness();
    expect(h.fail('CreateVirtualBorderRouter', { RegionId: HZ, VlanId: '1' }).message).toContain('"PhysicalConnectionId"');
    expect(h.fail('CreateVirtualBorderRouter', { RegionId: HZ, PhysicalConnectionId: READY }).message).toContain('"VlanId"');
    const { PeeringSubnetMask: _mask, ...noMask } = createVbr();
    expect(h.fail('CreateVirtualBorderRouter', noMask).message).toContain('"PeeringSubnetMask"');
  });
});

describe('TerminateVirtualBorderRouter', () => {
  it('moves active -> terminating -> terminated and stamps TerminationTime', () => {
    const h = harness();
    h.call('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.active });
    expect(h.vbr(V.active)?.Status).toBe('terminating');
    h.advance(TRANSITION_MS);
    expect(h.vbr(V.active)).toMatchObject({ Status: 'terminated', TerminationTime: '2025-02-01T00:00:01' });
  });

  it.each([
    ['terminated', V.terminatedRecoverable],
    ['terminating', V.terminating],
    ['recovering', V.recovering],
    ['deleting', V.deleting],
    ['unconfirmed', V.unconfirmedForTenant],
  ])('refuses a %s VBR with InvalidOperation.OperationNotAllowedInState', (_status, id) => {
    expect(harness().fail('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: id })).toMatchObject({
      httpStatus: 400,
      code: 'InvalidOperation.OperationNotAllowedInState',
      message: 'The specified VirutalBorderRouter is in invalid state.',
    });
  });

  it('belongs to the circuit owner: the VBR owner gets 403, strangers 404', () => {
    const h = harness();
    expect(h.fail('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive }, DEMO_ACCOUNTS.tenant)).toMatchObject({
      httpStatus: 403,
      code: 'Forbidden.OperationNotAllowedByUser',
    });
    expect(h.fail('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.active }, DEMO_ACCOUNTS.partner)).toMatchObject({
      httpStatus: 404,
      code: 'InvalidVbrId.NotFound',
    });
    h.call('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive });
    expect(h.vbr(V.tenantActive)?.Status).toBe('terminating');
  });

  it('answers 404 for an unknown VBR or one in another region', () => {
    const h = harness();
    expect(h.fail('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: 'vbr-bp1nope00000000000' }).httpStatus).toBe(404);
    expect(h.fail('TerminateVirtualBorderRouter', { RegionId: 'cn-shanghai', VbrId: V.active }).httpStatus).toBe(404);
  });
});

describe('RecoverVirtualBorderRouter', () => {
  it('moves terminated -> recovering -> active and stamps RecoveryTime', () => {
    const h = harness();
    h.call('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: V.terminatedRecoverable });
    expect(h.vbr(V.terminatedRecoverable)?.Status).toBe('recovering');
    h.advance(TRANSITION_MS);
    expect(h.vbr(V.terminatedRecoverable)).toMatchObject({ Status: 'active', RecoveryTime: '2025-02-01T00:00:01' });
  });

  it('refuses when the VLAN was reused meanwhile', () => {
    expect(harness().fail('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: V.terminatedVlanReused })).toMatchObject({
      httpStatus: 400,
      code: 'OperationFailed.VlanIdAlreadyInUse',
      message: 'The specifed vlanId has been used.',
    });
  });

  it('needs an Enabled circuit', () => {
    const h = harness();
    const seed = h.domain.snapshot();
    const circuit = seed.PhysicalConnections.find((c) => c.PhysicalConnectionId === DEMO_IDS.enabledWithVbrs);
    if (circuit) circuit.BusinessStatus = 'Normal';
    if (circuit) circuit.Status = 'Terminated';
    h.domain.reset(seed);
    expect(h.fail('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: V.terminatedRecoverable }).code).toBe(
      'InvalidPhysicalConnectionId.NotEnabled',
    );
  });

  it.each([
    ['active', V.active],
    ['recovering', V.recovering],
    ['deleting', V.deleting],
  ])('refuses a %s VBR', (_status, id) => {
    expect(harness().fail('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: id }).code).toBe(
      'InvalidOperation.OperationNotAllowedInState',
    );
  });

  it('is refused to a VBR owner who does not own the circuit', () => {
    const h = harness();
    h.call('TerminateVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive });
    h.advance(TRANSITION_MS);
    expect(h.fail('RecoverVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive }, DEMO_ACCOUNTS.tenant).httpStatus).toBe(403);
  });
});

describe('DeleteVirtualBorderRouter', () => {
  it.each([
    ['active', V.active],
    ['terminated', V.terminatedRecoverable],
    ['unconfirmed', V.unconfirmedForTenant],
  ])('deletes a %s VBR: deleting, then gone after transitionMs', (_status, id) => {
    const h = harness();
    h.call('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: id });
    expect(h.vbr(id)?.Status).toBe('deleting');
    h.advance(TRANSITION_MS);
    expect(h.vbr(id)).toBeUndefined();
    expect(h.fail('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: id })).toMatchObject({
      httpStatus: 404,
      code: 'InvalidVbrId.NotFound',
      message: 'The specified VirutalBorderRouter does not exist in our records.',
    });
  });

  it.each([
    ['terminating', V.terminating],
    ['recovering', V.recovering],
    ['deleting', V.deleting],
  ])('refuses a %s VBR', (_status, id) => {
    expect(harness().fail('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: id }).code).toBe(
      'InvalidOperation.OperationNotAllowedInState',
    );
  });

  it('lets the circuit owner delete another account’s VBR only while unconfirmed', () => {
    const h = harness();
    expect(h.fail('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive })).toMatchObject({
      httpStatus: 403,
      code: 'Forbidden.OperationNotAllowedByUser',
      message: 'The caller is not allowed to delete the specified VirtualBorderRouter.',
    });
    h.call('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: V.tenantActive }, DEMO_ACCOUNTS.tenant);
    expect(h.vbr(V.tenantActive)?.Status).toBe('deleting');
  });

  it('frees the VLAN once gone', () => {
    const h = harness();
    h.call('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: V.terminatedRecoverable });
    expect(h.fail('CreateVirtualBorderRouter', createVbr({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '102' })).code).toBe(
      'InvalidVlanId.Used',
    );
    h.advance(TRANSITION_MS);
    expect(h.call('CreateVirtualBorderRouter', createVbr({ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '102' })).VbrId).toBeDefined();
  });
});

describe('ModifyVirtualBorderRouterAttribute', () => {
  const modify = (id: string, extra: Record<string, string>) => ({ RegionId: HZ, VbrId: id, ...extra });

  it('changes the owner’s settings', () => {
    const h = harness();
    h.call('ModifyVirtualBorderRouterAttribute', modify(V.active, {
      Name: 'vbr-renamed',
      Description: 'New description',
      VlanId: '150',
      LocalGatewayIp: '10.100.0.5',
      PeerGatewayIp: '10.100.0.6',
      DetectMultiplier: '5',
      MinRxInterval: '500',
      MinTxInterval: '600',
      Bandwidth: '2048',
      SitelinkEnable: 'true',
      CircuitCode: 'ct-new',
    }));
    expect(h.vbr(V.active)).toMatchObject({
      Name: 'vbr-renamed',
      Description: 'New description',
      VlanId: 150,
      LocalGatewayIp: '10.100.0.5',
      PeerGatewayIp: '10.100.0.6',
      PeeringSubnetMask: '255.255.255.252',
      DetectMultiplier: 5,
      MinRxInterval: 500,
      MinTxInterval: 600,
      Bandwidth: 2048,
      SitelinkEnable: true,
      CircuitCode: 'ct-new',
    });
  });

  it('takes AssociatedPhysicalConnections as a JSON string', () => {
    const h = harness();
    const associated = JSON.stringify([
      {
        PhysicalConnectionId: DEMO_IDS.enabledWithVbrs,
        VlanId: '160',
        CircuitCode: 'longtel002',
        LocalGatewayIp: '10.160.0.1',
        PeerGatewayIp: '10.160.0.2',
        PeeringSubnetMask: '255.255.255.0',
        ipv6Enable: 'false',
      },
    ]);
    h.call('ModifyVirtualBorderRouterAttribute', modify(V.active, { AssociatedPhysicalConnections: associated }));
    const row = h.vbr(V.active);
    expect(row).toMatchObject({ VlanId: 160, CircuitCode: 'longtel002', PeeringSubnetMask: '255.255.255.0' });
    expect(row?.AssociatedPhysicalConnections).toEqual({
      AssociatedPhysicalConnection: [expect.objectContaining({ VlanId: '160', LocalGatewayIp: '10.160.0.1', EnableIpv6: false })],
    });
  });

  it.each([
    ['not JSON', '[{'],
    ['not an array', '{"VlanId":"1"}'],
    ['another circuit', JSON.stringify([{ PhysicalConnectionId: READY, VlanId: '5' }])],
    ['an unknown field', JSON.stringify([{ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, Foo: 'x' }])],
    ['a conflicting duplicate', JSON.stringify([{ PhysicalConnectionId: DEMO_IDS.enabledWithVbrs, VlanId: '7' }])],
  ])('refuses AssociatedPhysicalConnections that is %s', (_why, value) => {
    const params = modify(V.active, { AssociatedPhysicalConnections: value, VlanId: '8' });
    expect(harness().fail('ModifyVirtualBorderRouterAttribute', params)).toMatchObject({ httpStatus: 400, code: 'InvalidParameter' });
  });

  it.each([
    [{ VlanId: '101' }, 400, 'InvalidVlanId.Used'],
    [{ VlanId: '3001' }, 400, 'InvalidVlanId.Malformed'],
    [{ LocalGatewayIp: '10.0.0' }, 400, 'InvalidIp.Malformed'],
    [{ PeerIpv6GatewayIp: 'nope' }, 400, 'InvalidIp.Malformed'],
    [{ PeeringSubnetMask: '255.255.255.255' }, 400, 'InvalidPeeringSubnetMask.Malformed'],
    [{ PeerGatewayIp: '10.99.0.2' }, 400, 'InvalidIp.NotSameSubnet'],
    [{ DetectMultiplier: '11' }, 400, 'InvalidParameter'],
    [{ MinRxInterval: '100' }, 400, 'InvalidParameter'],
    [{ Mtu: '8500' }, 400, 'InvalidParameter'],
    [{ SitelinkEnable: 'maybe' }, 400, 'InvalidParameter'],
  ])('refuses %j with %i %s', (extra, status, code) => {
    const error = harness().fail('ModifyVirtualBorderRouterAttribute', modify(V.active, extra as Record<string, string>));
    expect({ status: error.httpStatus, code: error.code }).toEqual({ status, code });
  });

  it('keeps the VLAN of this VBR: setting its own VLAN again is fine', () => {
    const h = harness();
    h.call('ModifyVirtualBorderRouterAttribute', modify(V.active, { VlanId: '100' }));
    expect(h.vbr(V.active)?.VlanId).toBe(100);
  });

  it('splits settings between circuit owner and VBR owner with Forbidden.*NotAllowedByCaller', () => {
    const h = harness();
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { VlanId: '301' }), DEMO_ACCOUNTS.tenant)).toMatchObject({
      httpStatus: 403,
      code: 'Forbidden.VlanIdNotAllowedByCaller',
    });
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { CircuitCode: 'x1' }), DEMO_ACCOUNTS.tenant).code).toBe(
      'Forbidden.CircuitCodeNotAllowedByCaller',
    );
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { Name: 'mine' })).code).toBe('Forbidden.NameNotAllowedByCaller');
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { PeeringSubnetMask: '255.255.255.0' })).code).toBe(
      'Forbidden.PeeringSubnetMaskNotAllowedByCaller',
    );
    h.call('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { VlanId: '301' }));
    h.call('ModifyVirtualBorderRouterAttribute', modify(V.tenantActive, { Name: 'tenant-renamed' }), DEMO_ACCOUNTS.tenant);
    expect(h.vbr(V.tenantActive)).toMatchObject({ VlanId: 301, Name: 'tenant-renamed' });
  });

  it('refuses transient states and unknown VBRs (400, as documented for Modify)', () => {
    const h = harness();
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify(V.deleting, { Name: 'late' })).code).toBe(
      'InvalidOperation.OperationNotAllowedInState',
    );
    expect(h.fail('ModifyVirtualBorderRouterAttribute', modify('vbr-bp1nope00000000000', { Name: 'ghost' }))).toMatchObject({
      httpStatus: 400,
      code: 'InvalidVbrId.NotFound',
    });
    expect(h.fail('ModifyVirtualBorderRouterAttribute', { RegionId: HZ, Name: 'x-name' }).code).toBe('MissingParameter');
  });
});
