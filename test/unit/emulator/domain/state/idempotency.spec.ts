import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../../../src/emulator/domain';
import { IdempotencyMemory, parameterHash } from '../../../../../src/emulator/domain/state/idempotency';
import { harness, HZ, T0, TRANSITION_MS } from '../harness';

const READY = DEMO_IDS.enabledReadyToTerminate[0];
const terminate = (extra: Record<string, string> = {}) => ({ RegionId: HZ, PhysicalConnectionId: READY, ...extra });

describe('ClientToken idempotency through dispatch', () => {
  it('replays the first response (same RequestId) for the same token and parameters, with no second effect', () => {
    const h = harness();
    const first = h.call('CreatePhysicalConnection', { RegionId: HZ, AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT', ClientToken: 'create-1' });
    const count = h.domain.snapshot().PhysicalConnections.length;
    const again = h.call('CreatePhysicalConnection', { LineOperator: 'CT', ClientToken: 'create-1', AccessPointId: 'ap-cn-hangzhou-yh-B', RegionId: HZ });
    expect(again).toEqual(first);
    expect(h.domain.snapshot().PhysicalConnections).toHaveLength(count);
  });

  it('replays a Terminate while Terminating and after Terminated, where a fresh call would be refused', () => {
    const h = harness();
    const first = h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'term-1' }));
    expect(h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'term-1' }))).toEqual(first);
    h.advance(TRANSITION_MS);
    expect(h.circuit(READY)?.Status).toBe('Terminated');
    expect(h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'term-1' }))).toEqual(first);
    expect(h.fail('TerminatePhysicalConnection', terminate({ ClientToken: 'term-2' })).code).toBe('Forbidden.NotAllowedInState');
    expect(h.fail('TerminatePhysicalConnection', terminate()).code).toBe('Forbidden.NotAllowedInState');
  });

  it('answers IdempotentParameterMismatch for the same token with other parameters', () => {
    const h = harness();
    h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'term-1' }));
    const error = h.fail('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1], ClientToken: 'term-1' });
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 'IdempotentParameterMismatch',
      message: 'The request uses the same client token as a previous, but non-identical request.',
    });
    expect(h.circuit(DEMO_IDS.enabledReadyToTerminate[1])?.Status).toBe('Enabled');
  });

  it('does not deduplicate without a token', () => {
    const h = harness();
    const create = { RegionId: HZ, AccessPointId: 'ap-cn-hangzhou-xs-A', LineOperator: 'CU' };
    const a = h.call('CreatePhysicalConnection', create).PhysicalConnectionId;
    const b = h.call('CreatePhysicalConnection', create).PhysicalConnectionId;
    expect(a).not.toBe(b);
  });

  it('does not remember a failure: the same token succeeds once the cause is fixed', () => {
    const h = harness();
    const params = { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly, ClientToken: 'after-fix' };
    expect(h.fail('TerminatePhysicalConnection', params).code).toBe('Forbidden.VbrAttached');
    h.call('DeleteVirtualBorderRouter', { RegionId: HZ, VbrId: DEMO_IDS.vbrs.tenantActive }, DEMO_ACCOUNTS.tenant);
    h.advance(TRANSITION_MS);
    h.call('TerminatePhysicalConnection', params);
    expect(h.circuit(DEMO_IDS.enabledWithForeignVbrOnly)?.Status).toBe('Terminating');
  });

  it('scopes tokens by account and action, and they are case-sensitive', () => {
    const h = harness();
    h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'shared' }));
    // Same token, other action: independent.
    h.call('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.initial, ClientToken: 'shared' });
    expect(h.circuit(DEMO_IDS.initial)?.Status).toBe('Canceled');
    // Other account: its own namespace (and it cannot see the circuit).
    expect(h.fail('TerminatePhysicalConnection', terminate({ ClientToken: 'shared' }), DEMO_ACCOUNTS.tenant).httpStatus).toBe(404);
    // Case-sensitive: 'SHARED' is a new token, so the state refusal shows.
    expect(h.fail('TerminatePhysicalConnection', terminate({ ClientToken: 'SHARED' })).code).toBe('Forbidden.NotAllowedInState');
  });

  it('names RecoverPhysicalConnection’s token `Token` and does not remember a DryRun', () => {
    const h = harness();
    const id = DEMO_IDS.sharedTerminatedRecoverable;
    h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id, Token: 'rec-1', DryRun: 'true' });
    // Not remembered: the same token with DryRun=false is no mismatch, it runs.
    const real = h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id, Token: 'rec-1', DryRun: 'false' });
    expect(h.circuit(id)?.Status).toBe('Enabled');
    expect(h.call('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id, Token: 'rec-1', DryRun: 'false' })).toEqual(real);
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: id, Token: 'rec-1' }).code).toBe('IdempotentParameterMismatch');
  });

  it('covers every write that takes a token', () => {
    const h = harness();
    const V = DEMO_IDS.vbrs;
    const writes: Array<[string, Record<string, string>]> = [
      ['ConfirmPhysicalConnection', { PhysicalConnectionId: DEMO_IDS.allocated }],
      ['EnablePhysicalConnection', { PhysicalConnectionId: DEMO_IDS.confirmed }],
      ['CancelPhysicalConnection', { PhysicalConnectionId: DEMO_IDS.approved }],
      ['DeletePhysicalConnection', { PhysicalConnectionId: DEMO_IDS.canceled }],
      ['ModifyPhysicalConnectionAttribute', { PhysicalConnectionId: DEMO_IDS.rejected, Name: 'hz-resubmitted' }],
      ['CreateVirtualBorderRouter', { PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1], VlanId: '9', LocalGatewayIp: '10.9.9.1', PeerGatewayIp: '10.9.9.2', PeeringSubnetMask: '255.255.255.252' }],
      ['TerminateVirtualBorderRouter', { VbrId: V.active }],
      ['RecoverVirtualBorderRouter', { VbrId: V.terminatedRecoverable }],
      ['DeleteVirtualBorderRouter', { VbrId: V.unconfirmedForTenant }],
      ['ModifyVirtualBorderRouterAttribute', { VbrId: V.activeIpv6, Name: 'vbr-v6-renamed' }],
    ];
    for (const [action, params] of writes) {
      const request = { RegionId: HZ, ClientToken: `tok-${action}`, ...params };
      const first = h.call(action, request);
      h.advance(TRANSITION_MS);
      expect({ action, replay: h.call(action, request) }).toEqual({ action, replay: first });
      expect({ action, code: h.fail(action, { ...request, RegionId: 'cn-shanghai' }).code }).toEqual({ action, code: 'IdempotentParameterMismatch' });
    }
  });

  it('refuses a token longer than 64 characters or with non-printable characters', () => {
    const h = harness();
    expect(h.fail('TerminatePhysicalConnection', terminate({ ClientToken: 'x'.repeat(65) }))).toMatchObject({
      httpStatus: 400,
      code: 'InvalidParameter',
      message: 'The specified parameter "ClientToken" is not valid.',
    });
    expect(h.fail('RecoverPhysicalConnection', { RegionId: HZ, InstanceId: DEMO_IDS.sharedTerminatedRecoverable, Token: 'a b' }).message).toContain('"Token"');
    expect(h.circuit(READY)?.Status).toBe('Enabled');
    h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'x'.repeat(64) }));
  });

  it('forgets tokens on reset', () => {
    const h = harness();
    h.call('TerminatePhysicalConnection', terminate({ ClientToken: 'before-reset' }));
    h.domain.reset();
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1], ClientToken: 'before-reset' });
    expect(h.circuit(DEMO_IDS.enabledReadyToTerminate[1])?.Status).toBe('Terminating');
  });
});

describe('IdempotencyMemory bounds', () => {
  const request = (token: string, now: number, hash = 'h') => ({
    accountId: '1',
    action: 'A',
    tokenName: 'ClientToken',
    token,
    hash,
    now,
    remember: () => true,
  });

  it('forgets a token after its TTL', () => {
    const memory = new IdempotencyMemory(1000, 10);
    let runs = 0;
    const op = () => ({ RequestId: `R${++runs}` });
    expect(memory.run(request('t', T0), op)).toEqual({ RequestId: 'R1' });
    expect(memory.run(request('t', T0 + 999), op)).toEqual({ RequestId: 'R1' });
    expect(memory.run(request('t', T0 + 1000), op)).toEqual({ RequestId: 'R2' });
  });

  it('evicts the least recently used token beyond its capacity', () => {
    const memory = new IdempotencyMemory(60_000, 2);
    let runs = 0;
    const op = () => ({ RequestId: `R${++runs}` });
    memory.run(request('a', T0), op); // R1
    memory.run(request('b', T0), op); // R2
    memory.run(request('a', T0), op); // replay: a is now the most recent
    memory.run(request('c', T0), op); // R3, evicts b
    expect(memory.size).toBe(2);
    expect(memory.run(request('a', T0), op)).toEqual({ RequestId: 'R1' });
    expect(memory.run(request('b', T0), op)).toEqual({ RequestId: 'R4' });
  });

  it('hashes parameters independently of order and without the token', () => {
    expect(parameterHash([['A', '1'], ['B', '2'], ['ClientToken', 'x']], 'ClientToken')).toBe(
      parameterHash([['B', '2'], ['ClientToken', 'y'], ['A', '1']], 'ClientToken'),
    );
    expect(parameterHash([['A', '1']], 'ClientToken')).not.toBe(parameterHash([['A', '2']], 'ClientToken'));
    // No ambiguity between `A=1,B=` and `A=1B=`-style concatenations.
    expect(parameterHash([['A', '1,B=2']], 'T')).not.toBe(parameterHash([['A', '1'], ['B', '2']], 'T'));
  });
});
