import { ApiError } from '../../../../src/emulator/api-error';
import { createDomain, DEMO_IDS, DOMAIN_ACTIONS, demoSeed, SeedError } from '../../../../src/emulator/domain';
import { harness, HZ, TRANSITION_MS } from './harness';

describe('createDomain', () => {
  it('implements exactly the 21 actions of the briefs (issue 13 added the MACsec and vpconn ones)', () => {
    const h = harness();
    expect([...DOMAIN_ACTIONS].sort()).toEqual(
      [
        'DescribePhysicalConnections',
        'DescribeVirtualBorderRouters',
        'DescribeVirtualBorderRoutersForPhysicalConnection',
        'CreatePhysicalConnection',
        'ConfirmPhysicalConnection',
        'EnablePhysicalConnection',
        'CancelPhysicalConnection',
        'TerminatePhysicalConnection',
        'RecoverPhysicalConnection',
        'DeletePhysicalConnection',
        'ModifyPhysicalConnectionAttribute',
        'CreateVirtualBorderRouter',
        'DeleteVirtualBorderRouter',
        'TerminateVirtualBorderRouter',
        'RecoverVirtualBorderRouter',
        'ModifyVirtualBorderRouterAttribute',
        'DescribeRegions',
        'AssociateMacSecKey',
        'DisassociateMacSecKey',
        'CreateVirtualPhysicalConnection',
        'ListVirtualPhysicalConnections',
      ].sort(),
    );
    for (const action of DOMAIN_ACTIONS) expect(h.domain.hasAction(action)).toBe(true);
    for (const action of ['DescribeVpcs', 'describePhysicalConnections', 'constructor', '__proto__', 'toString', '']) {
      expect(h.domain.hasAction(action)).toBe(false);
    }
  });

  it('answers an unknown action with InvalidAction.NotFound (should the protocol layer not filter it)', () => {
    const error = harness().fail('constructor', {});
    expect(error).toMatchObject({ httpStatus: 404, code: 'InvalidAction.NotFound' });
  });

  it('refuses a bad transitionMs and an invalid seed at construction', () => {
    expect(() => createDomain({ seed: demoSeed(), transitionMs: -1 })).toThrow(RangeError);
    expect(() => createDomain({ seed: demoSeed(), transitionMs: Number.NaN })).toThrow(RangeError);
    expect(() => createDomain({ seed: { PhysicalConnections: 'x' } as never, transitionMs: 0 })).toThrow(SeedError);
  });

  it('never throws anything but ApiError for hostile parameters', () => {
    const h = harness();
    const hostile = ['', ' ', '\u0000', '../../etc/passwd', 'x'.repeat(10_000), '${jndi:ldap://x}', '%00', '1e309', '-0', '０１'];
    for (const action of DOMAIN_ACTIONS) {
      for (const value of hostile) {
        const params: Record<string, string> = {
          RegionId: value,
          PhysicalConnectionId: value,
          VbrId: value,
          InstanceId: value,
          VlanId: value,
          PageSize: value,
          'Filter.1.Key': value,
          'Filter.1.Value.1': value,
          'Tags.1.Key': value,
          ClientToken: value,
        };
        try {
          h.call(action, params);
        } catch (error) {
          expect({ action, value: value.slice(0, 20), isApiError: error instanceof ApiError }).toEqual({
            action,
            value: value.slice(0, 20),
            isApiError: true,
          });
        }
        try {
          h.call(action, { ...params, RegionId: HZ });
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
        }
      }
    }
  });
});

describe('reset and snapshot', () => {
  it('snapshot shows transitions advanced to now and reloads as a seed', () => {
    const h = harness();
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0] });
    const find = () => h.domain.snapshot().PhysicalConnections.find((c) => c.PhysicalConnectionId === DEMO_IDS.enabledReadyToTerminate[0]);
    expect(find()?.Status).toBe('Terminating');
    h.advance(TRANSITION_MS);
    expect(find()?.Status).toBe('Terminated');
    const snapshot = h.domain.snapshot();
    h.domain.reset();
    expect(find()?.Status).toBe('Enabled');
    h.domain.reset(snapshot);
    expect(find()?.Status).toBe('Terminated');
  });

  it('snapshot is a copy: mutating it changes nothing', () => {
    const h = harness();
    const snapshot = h.domain.snapshot();
    snapshot.PhysicalConnections.forEach((c) => (c.Status = 'Canceled'));
    expect(h.circuit(DEMO_IDS.enabledWithVbrs)?.Status).toBe('Enabled');
  });

  it('reset with an invalid seed throws SeedError and keeps the current state', () => {
    const h = harness();
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0] });
    expect(() => h.domain.reset({ PhysicalConnections: [{ PhysicalConnectionId: 'nope' }] } as never)).toThrow(SeedError);
    expect(h.circuit(DEMO_IDS.enabledReadyToTerminate[0])?.Status).toBe('Terminating');
  });

  it('reset drops pending transitions of the old state', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', { RegionId: HZ, AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' }).PhysicalConnectionId as string;
    const snapshot = h.domain.snapshot();
    h.domain.reset(snapshot);
    h.advance(10 * TRANSITION_MS);
    expect(h.circuit(id)?.Status).toBe('Initial');
  });

  it('with transitionMs 0 a transition lands on the very next request', () => {
    const h = harness({ transitionMs: 0 });
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0] });
    expect(h.circuit(DEMO_IDS.enabledReadyToTerminate[0])?.Status).toBe('Terminated');
  });
});
