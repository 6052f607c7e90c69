/**
 * Resources seeded in a transient state advance on the clock like operation-started ones: the
 * step is due `TransitionAfterMs` (default transitionMs) after the load or reset; `"never"` freezes.
 */
import {
  DEMO_IDS,
  DEMO_TRANSITION_AFTER_MS,
  parseSeed,
  SeedError,
  type Seed,
  type SeedPhysicalConnection,
  type SeedVirtualBorderRouter,
} from '../../../../src/emulator/domain';
import { harness, HZ, T0, TRANSITION_MS } from './harness';

const PC = 'pc-bp1aaaaaaaaaaaaaaaaa';
const PC2 = 'pc-bp1bbbbbbbbbbbbbbbbb';

function circuit(status: SeedPhysicalConnection['Status'], extra: Partial<SeedPhysicalConnection> = {}, id = PC): SeedPhysicalConnection {
  return { RegionId: HZ, PhysicalConnectionId: id, Status: status, AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT', ...extra };
}

function vbr(id: string, status: SeedVirtualBorderRouter['Status'], vlan: number, extra: Partial<SeedVirtualBorderRouter> = {}): SeedVirtualBorderRouter {
  return { RegionId: HZ, VbrId: id, PhysicalConnectionId: PC, Status: status, VlanId: vlan, ...extra };
}

function seedOf(circuits: SeedPhysicalConnection[], vbrs: SeedVirtualBorderRouter[] = []): Seed {
  return { PhysicalConnections: circuits, VirtualBorderRouters: vbrs };
}

describe('the demo seed', () => {
  it('shows every transient status right after start, then each takes its step after DEMO_TRANSITION_AFTER_MS', () => {
    const h = harness();
    const statuses = () => ({
      allocating: h.circuit(DEMO_IDS.allocating)?.Status,
      terminating: h.circuit(DEMO_IDS.terminating)?.Status,
      vbrTerminating: h.vbr(DEMO_IDS.vbrs.terminating)?.Status,
      vbrRecovering: h.vbr(DEMO_IDS.vbrs.recovering)?.Status,
      vbrDeleting: h.vbr(DEMO_IDS.vbrs.deleting)?.Status,
    });
    const seeded = {
      allocating: 'Allocating',
      terminating: 'Terminating',
      vbrTerminating: 'terminating',
      vbrRecovering: 'recovering',
      vbrDeleting: 'deleting',
    };
    expect(statuses()).toEqual(seeded);
    h.advance(DEMO_TRANSITION_AFTER_MS - 1);
    expect(statuses()).toEqual(seeded);
    h.advance(1);
    expect(statuses()).toEqual({
      allocating: 'Allocated',
      terminating: 'Terminated',
      vbrTerminating: 'terminated',
      vbrRecovering: 'active',
      vbrDeleting: undefined,
    });
    // The finished steps stamp their times, as operation-started ones do.
    const stamp = new Date(T0 + DEMO_TRANSITION_AFTER_MS).toISOString().slice(0, 19);
    expect(h.vbr(DEMO_IDS.vbrs.terminating)?.TerminationTime).toBe(stamp);
    expect(h.vbr(DEMO_IDS.vbrs.recovering)?.RecoveryTime).toBe(stamp);
    // Steady statuses do not move: Initial and Approved wait for the provider's people.
    expect(h.circuit(DEMO_IDS.initial)?.Status).toBe('Initial');
    expect(h.circuit(DEMO_IDS.approved)?.Status).toBe('Approved');
  });

  it('lets the circuit with transient VBRs be cleared once they have finished', () => {
    const h = harness();
    const terminating = { RegionId: HZ, VbrId: DEMO_IDS.vbrs.terminating };
    expect(h.fail('DeleteVirtualBorderRouter', terminating).code).toBe('InvalidOperation.OperationNotAllowedInState');
    h.advance(DEMO_TRANSITION_AFTER_MS);
    h.call('DeleteVirtualBorderRouter', terminating);
    h.advance(TRANSITION_MS);
    expect(h.vbr(DEMO_IDS.vbrs.terminating)).toBeUndefined();
  });

  it('restarts the delay on every reset', () => {
    const h = harness();
    h.advance(DEMO_TRANSITION_AFTER_MS - 10);
    h.domain.reset();
    h.advance(10);
    expect(h.circuit(DEMO_IDS.terminating)?.Status).toBe('Terminating');
    h.advance(DEMO_TRANSITION_AFTER_MS - 10);
    expect(h.circuit(DEMO_IDS.terminating)?.Status).toBe('Terminated');
  });
});

describe('TransitionAfterMs', () => {
  it('defaults to transitionMs after the load', () => {
    const h = harness({ seed: seedOf([circuit('Terminating')]) });
    h.advance(TRANSITION_MS - 1);
    expect(h.circuit(PC)?.Status).toBe('Terminating');
    h.advance(1);
    expect(h.circuit(PC)?.Status).toBe('Terminated');
  });

  it('sets the delay per resource; 0 lands on the first request', () => {
    const h = harness({
      seed: seedOf(
        [circuit('Allocating', { TransitionAfterMs: 0 }), circuit('Allocating', { TransitionAfterMs: 5 * TRANSITION_MS, AccessPointId: 'ap-cn-hangzhou-xs-A' }, PC2)],
      ),
    });
    expect(h.circuit(PC)?.Status).toBe('Allocated');
    h.advance(5 * TRANSITION_MS - 1);
    expect(h.circuit(PC2)?.Status).toBe('Allocating');
    h.advance(1);
    expect(h.circuit(PC2)?.Status).toBe('Allocated');
  });

  it('"never" keeps the seeded status however much time passes', () => {
    const h = harness({
      seed: seedOf(
        [circuit('Enabled')],
        [
          vbr('vbr-bp1aaaaaaaaaaaaaaaaa', 'terminating', 10, { TransitionAfterMs: 'never' }),
          vbr('vbr-bp1bbbbbbbbbbbbbbbbb', 'deleting', 11, { TransitionAfterMs: 'never' }),
        ],
      ),
    });
    h.advance(1_000_000 * TRANSITION_MS);
    expect(h.vbr('vbr-bp1aaaaaaaaaaaaaaaaa')?.Status).toBe('terminating');
    expect(h.vbr('vbr-bp1bbbbbbbbbbbbbbbbb')?.Status).toBe('deleting');
  });

  it('is bookkeeping: neither listed by Describe nor kept in the snapshot', () => {
    const h = harness({ seed: seedOf([circuit('Terminating', { TransitionAfterMs: 'never' })], []) });
    expect(h.circuit(PC)).not.toHaveProperty('TransitionAfterMs');
    expect(h.domain.snapshot().PhysicalConnections[0]).not.toHaveProperty('TransitionAfterMs');
    // A reloaded snapshot restarts the transition with the default delay.
    h.domain.reset(h.domain.snapshot());
    h.advance(TRANSITION_MS);
    expect(h.circuit(PC)?.Status).toBe('Terminated');
  });

  it.each([
    ['on a steady circuit status', seedOf([circuit('Enabled', { TransitionAfterMs: 10 })]), /TransitionAfterMs applies only to a transient Status \(Allocating, Terminating\), not Enabled/],
    ['on Initial', seedOf([circuit('Initial', { TransitionAfterMs: 10 })]), /not Initial/],
    ['on a steady VBR status', seedOf([circuit('Enabled')], [vbr('vbr-bp1aaaaaaaaaaaaaaaaa', 'active', 10, { TransitionAfterMs: 10 })]), /\(terminating, recovering, deleting\), not active/],
    ['negative', seedOf([circuit('Terminating', { TransitionAfterMs: -1 })]), /TransitionAfterMs must be milliseconds from 0 to \d+ or "never", got -1/],
    ['fractional', seedOf([circuit('Terminating', { TransitionAfterMs: 1.5 })]), /got 1\.5/],
    ['beyond a year', seedOf([circuit('Terminating', { TransitionAfterMs: 366 * 24 * 3600 * 1000 })]), /TransitionAfterMs must be milliseconds/],
    ['another word', seedOf([circuit('Terminating', { TransitionAfterMs: 'forever' as never })]), /got "forever"/],
  ])('is refused %s', (_what, seed, message) => {
    expect(() => parseSeed(seed)).toThrow(SeedError);
    expect(() => parseSeed(seed)).toThrow(message);
  });
});
