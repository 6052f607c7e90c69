import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../../src/emulator/domain';
import { harness, HZ, TRANSITION_MS } from './harness';

const create = (extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  AccessPointId: 'ap-cn-hangzhou-yh-B',
  LineOperator: 'CT',
  ...extra,
});

describe('CancelPhysicalConnection', () => {
  it.each([
    ['Initial', DEMO_IDS.initial],
    ['Approved', DEMO_IDS.approved],
    ['Allocated', DEMO_IDS.allocated],
    ['Confirmed', DEMO_IDS.confirmed],
  ])('cancels a %s circuit', (_status, id) => {
    const h = harness();
    h.call('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(h.circuit(id)?.Status).toBe('Canceled');
  });

  it.each([
    ['Allocating', DEMO_IDS.allocating],
    ['Enabled', DEMO_IDS.enabledReadyToTerminate[0]],
    ['Canceled', DEMO_IDS.canceled],
    ['Terminated', DEMO_IDS.terminated],
  ])('refuses %s with Forbidden.NotAllowedInState', (_status, id) => {
    expect(harness().fail('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }).code).toBe(
      'Forbidden.NotAllowedInState',
    );
  });

  it('stops the back office of a just-created circuit', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', create()).PhysicalConnectionId as string;
    h.call('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    h.advance(10 * TRANSITION_MS);
    expect(h.circuit(id)?.Status).toBe('Canceled');
  });
});

describe('TerminatePhysicalConnection', () => {
  const terminate = (id: string) => ({ RegionId: HZ, PhysicalConnectionId: id });

  it('moves Enabled to Terminating, then Terminated after transitionMs', () => {
    const h = harness();
    const id = DEMO_IDS.enabledReadyToTerminate[0];
    expect(h.call('TerminatePhysicalConnection', terminate(id))).toEqual({ RequestId: expect.any(String) });
    expect(h.circuit(id)?.Status).toBe('Terminating');
    h.advance(TRANSITION_MS - 1);
    expect(h.circuit(id)?.Status).toBe('Terminating');
    h.advance(1);
    expect(h.circuit(id)?.Status).toBe('Terminated');
  });

  it.each([
    ['a VBR is attached', DEMO_IDS.enabledWithVbrs, 'Forbidden.VbrAttached', 'Cannot terminate physical connection when virtual border routers are still attached.'],
    ['only transient VBRs are attached', DEMO_IDS.enabledWithTransientVbrs, 'Forbidden.VbrAttached', undefined],
    ['its only VBR is another account’s', DEMO_IDS.enabledWithForeignVbrOnly, 'Forbidden.VbrAttached', undefined],
    ['a vpconn hangs off it', DEMO_IDS.enabledWithVpconn, 'OperationFailed.VpconnAttached', 'Cannot terminate physical connection when vpconn are still attached.'],
    ['it has MACsec keys', DEMO_IDS.enabledWithMacsec, 'OperationDenied.MacsecAttached', 'The operation is not allowed because of MacsecAttached.'],
    ['it is FinancialLocked', DEMO_IDS.enabledFinancialLocked, 'OperationFailed.ResourceLockedBySystem', 'The specified resource is locked by system.'],
    ['it is SecurityLocked', DEMO_IDS.enabledSecurityLocked, 'OperationFailed.ResourceLockedBySystem', undefined],
  ])('refuses when %s, changing nothing', (_why, id, code, message) => {
    const h = harness();
    const error = h.fail('TerminatePhysicalConnection', terminate(id));
    expect(error.httpStatus).toBe(400);
    expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
    expect(h.circuit(id)?.Status).toBe('Enabled');
  });

  it.each([
    ['Initial', DEMO_IDS.initial],
    ['Confirmed', DEMO_IDS.confirmed],
    ['Terminating', DEMO_IDS.terminating],
    ['Terminated', DEMO_IDS.terminated],
    ['Rejected', DEMO_IDS.rejected],
  ])('refuses a %s circuit with Forbidden.NotAllowedInState', (_status, id) => {
    expect(harness().fail('TerminatePhysicalConnection', terminate(id))).toMatchObject({
      httpStatus: 400,
      code: 'Forbidden.NotAllowedInState',
    });
  });

  it('answers 404 for an absent circuit, another account’s, and one in another region', () => {
    const h = harness();
    const expected = {
      httpStatus: 404,
      code: 'InvalidPhysicalConnectionId.NotFound',
      message: 'The PhysicalConnectionId provided does not exist in our records.',
    };
    expect(h.fail('TerminatePhysicalConnection', terminate('pc-bp1nope000000000000'))).toMatchObject(expected);
    expect(h.fail('TerminatePhysicalConnection', terminate(DEMO_IDS.partnerHostingPort))).toMatchObject(expected);
    expect(h.fail('TerminatePhysicalConnection', { RegionId: 'cn-shanghai', PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0] })).toMatchObject(expected);
    expect(h.fail('TerminatePhysicalConnection', terminate(DEMO_IDS.enabledReadyToTerminate[0]), DEMO_ACCOUNTS.tenant)).toMatchObject(expected);
  });

  it('is allowed once the last VBR is gone (deleting still blocks)', () => {
    const h = harness();
    const id = DEMO_IDS.enabledWithForeignVbrOnly;
    h.call('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: DEMO_IDS.vbrs.tenantActive }, DEMO_ACCOUNTS.tenant);
    expect(h.fail('TerminatePhysicalConnection', terminate(id)).code).toBe('Forbidden.VbrAttached');
    h.advance(TRANSITION_MS);
    h.call('TerminatePhysicalConnection', terminate(id));
    expect(h.circuit(id)?.Status).toBe('Terminating');
  });
});

describe('RecoverPhysicalConnection', () => {
  it('recovers a Terminated shared circuit (InstanceId, not PhysicalConnectionId)', () => {
    const h = harness();
    const id = DEMO_IDS.sharedTerminatedRecoverable;
    h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id });
    expect(h.circuit(id)?.Status).toBe('Enabled');
  });

  it('checks but changes nothing on DryRun', () => {
    const h = harness();
    const id = DEMO_IDS.sharedTerminatedRecoverable;
    expect(h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id, DryRun: 'true' }).RequestId).toBeDefined();
    expect(h.circuit(id)?.Status).toBe('Terminated');
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.terminated, DryRun: 'true' }).code).toBe(
      'IncorrectStatus.PhysicalConnection',
    );
  });

  it('refuses a dedicated circuit and a shared one that is not Terminated', () => {
    const h = harness();
    const error = h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.terminated });
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 'IncorrectStatus.PhysicalConnection',
      message: `The status of ${DEMO_IDS.terminated} is incorrect.`,
    });
    h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.sharedTerminatedRecoverable });
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.sharedTerminatedRecoverable }).code).toBe(
      'IncorrectStatus.PhysicalConnection',
    );
  });

  it('answers ResourceNotFound for an unknown instance without echoing hostile input', () => {
    const h = harness();
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: 'pc-bp1nope000000000000' })).toMatchObject({
      httpStatus: 400,
      code: 'ResourceNotFound',
      message: 'The specified resource pc-bp1nope000000000000 is not found.',
    });
    const hostile = h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: '<script>alert(1)</script>' });
    expect(hostile.message).not.toContain('<script>');
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.sharedTerminatedRecoverable }).code).toBe(
      'MissingParameter',
    );
  });
});

describe('DeletePhysicalConnection', () => {
  it.each([
    ['Allocated', DEMO_IDS.allocated],
    ['Confirmed', DEMO_IDS.confirmed],
    ['Rejected', DEMO_IDS.rejected],
    ['Canceled', DEMO_IDS.canceled],
    ['Allocation Failed', DEMO_IDS.allocationFailed],
    ['Terminated', DEMO_IDS.terminated],
  ])('deletes a %s circuit at once', (_status, id) => {
    const h = harness();
    h.call('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(h.circuit(id)).toBeUndefined();
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }).httpStatus).toBe(404);
  });

  it.each([
    ['Initial', DEMO_IDS.initial],
    ['Approved', DEMO_IDS.approved],
    ['Allocating', DEMO_IDS.allocating],
    ['Enabled', DEMO_IDS.enabledReadyToTerminate[0]],
    ['Terminating', DEMO_IDS.terminating],
  ])('refuses a %s circuit with Forbidden.NotAllowedInState', (_status, id) => {
    expect(harness().fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }).code).toBe(
      'Forbidden.NotAllowedInState',
    );
  });

  it('refuses while VBRs exist (owner’s first, then another account’s)', () => {
    const h = harness();
    const seed = h.domain.snapshot();
    for (const c of seed.PhysicalConnections) {
      if (c.PhysicalConnectionId === DEMO_IDS.enabledWithVbrs || c.PhysicalConnectionId === DEMO_IDS.enabledWithForeignVbrOnly) {
        c.Status = 'Terminated';
      }
    }
    h.domain.reset(seed);
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithVbrs })).toMatchObject({
      httpStatus: 400,
      code: 'Forbidden.VBRExists',
      message: "physical connection owner's vbr still exists.",
    });
    expect(h.fail('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly })).toMatchObject({
      code: 'Forbidden.VBRExists',
      message: "vbr owner's vbr still exists.",
    });
  });

  it('clears references to the deleted circuit so the snapshot stays a valid seed', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', create({ AccessPointId: 'ap-cn-hangzhou-xs-A', RedundantPhysicalConnectionId: DEMO_IDS.allocated }))
      .PhysicalConnectionId as string;
    h.call('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.allocated });
    expect(h.circuit(id)?.RedundantPhysicalConnectionId).toBeUndefined();
    expect(() => h.domain.reset(h.domain.snapshot())).not.toThrow();
  });
});

describe('ModifyPhysicalConnectionAttribute', () => {
  const modify = (id: string, extra: Record<string, string>) => ({ RegionId: HZ, PhysicalConnectionId: id, ...extra });

  it('changes attributes (lower-case bandwidth) of an Enabled circuit', () => {
    const h = harness();
    const id = DEMO_IDS.enabledReadyToTerminate[1];
    h.call('ModifyPhysicalConnectionAttribute', modify(id, {
      Name: 'hz-renamed.line',
      Description: 'Renamed by a test',
      CircuitCode: 'ct-0042',
      LineOperator: 'CU',
      PeerLocation: 'Room 3, Building 7',
      PortType: '10GBase-T',
      bandwidth: '5000',
      DownDelayTime: '300',
    }));
    expect(h.circuit(id)).toMatchObject({
      Name: 'hz-renamed.line',
      Description: 'Renamed by a test',
      CircuitCode: 'ct-0042',
      LineOperator: 'CU',
      PeerLocation: 'Room 3, Building 7',
      PortType: '10GBase-T',
      Spec: '10G',
      Bandwidth: 5000,
      DownDelayTime: 300,
    });
  });

  it('ignores a capitalised Bandwidth (the parameter is lower-case)', () => {
    const h = harness();
    const id = DEMO_IDS.enabledReadyToTerminate[1];
    const before = h.circuit(id)?.Bandwidth;
    h.call('ModifyPhysicalConnectionAttribute', modify(id, { Bandwidth: '5000' }));
    expect(h.circuit(id)?.Bandwidth).toBe(before);
  });

  it('moves a Rejected circuit back to Initial and restarts the back office', () => {
    const h = harness();
    h.call('ModifyPhysicalConnectionAttribute', modify(DEMO_IDS.rejected, { PeerLocation: 'Full address this time' }));
    expect(h.circuit(DEMO_IDS.rejected)?.Status).toBe('Initial');
    h.advance(3 * TRANSITION_MS);
    expect(h.circuit(DEMO_IDS.rejected)?.Status).toBe('Allocated');
  });

  it('allows names but not the spec in Approved/Allocated/Confirmed', () => {
    const h = harness();
    h.call('ModifyPhysicalConnectionAttribute', modify(DEMO_IDS.allocated, { Name: 'hz-allocated-renamed' }));
    expect(h.circuit(DEMO_IDS.allocated)?.Name).toBe('hz-allocated-renamed');
    const specs: Array<Record<string, string>> = [
      { PortType: '1000Base-T' },
      { bandwidth: '100' },
      { RedundantPhysicalConnectionId: DEMO_IDS.enabledWithVbrs },
    ];
    for (const spec of specs) {
      expect(h.fail('ModifyPhysicalConnectionAttribute', modify(DEMO_IDS.allocated, spec)).code).toBe('Forbidden.NotAllowedInState');
    }
  });

  it.each([
    ['Canceled', DEMO_IDS.canceled],
    ['Allocating', DEMO_IDS.allocating],
    ['Allocation Failed', DEMO_IDS.allocationFailed],
    ['Terminated', DEMO_IDS.terminated],
    ['Terminating', DEMO_IDS.terminating],
  ])('changes nothing in %s', (_status, id) => {
    expect(harness().fail('ModifyPhysicalConnectionAttribute', modify(id, { Name: 'frozen-name' })).code).toBe(
      'Forbidden.NotAllowedInState',
    );
  });

  it.each([
    [{ bandwidth: '1' }, 'InvalidBandwidth'],
    [{ bandwidth: '10241' }, 'InvalidBandwidth'],
    [{ DownDelayTime: '150' }, 'InvalidParameter'],
    [{ DownDelayTime: '10100' }, 'InvalidParameter'],
    [{ Name: 'x' }, 'InvalidName.Malformed'],
    [{ LineOperator: 'Unknown' }, 'InvalidLineOperator.Malformd'],
    [{ RedundantPhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1] }, 'InvalidParameter'],
  ])('refuses %j with %s', (extra, code) => {
    const params = modify(DEMO_IDS.enabledReadyToTerminate[1], extra as Record<string, string>);
    expect(harness().fail('ModifyPhysicalConnectionAttribute', params).code).toBe(code);
  });

  it('answers 404 for a circuit the caller does not own', () => {
    expect(harness().fail('ModifyPhysicalConnectionAttribute', modify(DEMO_IDS.partnerHostingPort, { Name: 'mine-now' })).httpStatus).toBe(404);
  });
});
