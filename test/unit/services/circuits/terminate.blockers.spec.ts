/**
 * The terminate rules, pure: every blocker with its code, message and detail, in the upstream's
 * order, and the error the mutation throws for each (same code, message and details).
 */
import { PHYSICAL_CONNECTION_STATUSES, type PhysicalConnection } from '../../../../src/datasources/models';
import { terminationBlockers, terminationRefusal } from '../../../../src/services/circuits/terminate.blockers';
import { makePhysicalConnection } from '../../resolvers/support/fixtures';

const PC = 'pc-enabled01';
const NONE = { currentStatus: null, businessStatus: null, vbrIds: null, reason: null };
const KEY = { ckn: 'ckn-1', cipherSuite: null, startOn: null, status: 'Available' };

function blockersOf(overrides: Partial<PhysicalConnection> = {}, attachedVbrIds: string[] = []) {
  return terminationBlockers({ circuit: makePhysicalConnection({ id: PC, ...overrides }), attachedVbrIds });
}

describe('terminationBlockers', () => {
  it('none for an ENABLED, unlocked circuit without VBRs, vpconns or MACsec keys', () => {
    expect(blockersOf()).toEqual([]);
    expect(blockersOf({ virtualPhysicalConnectionCount: null })).toEqual([]);
  });

  it.each(PHYSICAL_CONNECTION_STATUSES.filter((status) => status !== 'ENABLED'))(
    'PHYSICAL_CONNECTION_NOT_ENABLED for %s, with the status',
    (status) => {
      expect(blockersOf({ status })).toEqual([
        {
          ...NONE,
          code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
          currentStatus: status,
          message: `Physical connection ${PC} is ${status}; only ENABLED connections can be terminated.`,
        },
      ]);
    },
  );

  it.each(['FINANCIAL_LOCKED', 'SECURITY_LOCKED'] as const)('RESOURCE_LOCKED for %s, with the lock', (businessStatus) => {
    expect(blockersOf({ businessStatus })).toEqual([
      {
        ...NONE,
        code: 'RESOURCE_LOCKED',
        businessStatus,
        message: `Physical connection ${PC} is ${businessStatus}; the lock must be lifted before it can be terminated.`,
      },
    ]);
  });

  it('VBRS_ATTACHED lists every attached VBR id, sorted, in the detail and the message', () => {
    const attached = ['vbr-own2', 'vbr-foreign1', 'vbr-a0'];
    expect(blockersOf({}, attached)).toEqual([
      {
        ...NONE,
        code: 'VBRS_ATTACHED',
        vbrIds: ['vbr-a0', 'vbr-foreign1', 'vbr-own2'],
        message: `Physical connection ${PC} still has 3 VBR(s) attached (vbr-a0, vbr-foreign1, vbr-own2); delete them first.`,
      },
    ]);
    expect(attached).toEqual(['vbr-own2', 'vbr-foreign1', 'vbr-a0']);
  });

  it('OPERATION_CONFLICT for shared-port vpconns and for MACsec keys, from the circuit item itself', () => {
    expect(blockersOf({ virtualPhysicalConnectionCount: 2 })).toEqual([
      {
        ...NONE,
        code: 'OPERATION_CONFLICT',
        reason: 'VPCONNS_ATTACHED',
        message: `Physical connection ${PC} hosts 2 shared-port virtual connection(s) (vpconns); remove them before it can be terminated.`,
      },
    ]);
    expect(blockersOf({ macsecKeys: [KEY] })).toEqual([
      {
        ...NONE,
        code: 'OPERATION_CONFLICT',
        reason: 'MACSEC_KEYS',
        message: `Physical connection ${PC} has 1 MACsec key(s); remove them before it can be terminated.`,
      },
    ]);
  });

  it('lists every blocker in the upstream order: status, lock, VBRs, vpconns, MACsec keys', () => {
    const all = blockersOf(
      { status: 'ALLOCATED', businessStatus: 'FINANCIAL_LOCKED', virtualPhysicalConnectionCount: 1, macsecKeys: [KEY, KEY] },
      ['vbr-c3'],
    );
    expect(all.map((blocker) => blocker.reason ?? blocker.code)).toEqual([
      'PHYSICAL_CONNECTION_NOT_ENABLED',
      'RESOURCE_LOCKED',
      'VBRS_ATTACHED',
      'VPCONNS_ATTACHED',
      'MACSEC_KEYS',
    ]);
    expect(all.at(-1)?.message).toContain('has 2 MACsec key(s)');
  });
});

describe('terminationRefusal: the error for a blocker', () => {
  it.each([
    [{ status: 'CONFIRMED' }, [], { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', currentStatus: 'CONFIRMED' }],
    [{ businessStatus: 'SECURITY_LOCKED' }, [], { code: 'RESOURCE_LOCKED', businessStatus: 'SECURITY_LOCKED' }],
    [{}, ['vbr-b2', 'vbr-a1'], { code: 'VBRS_ATTACHED', vbrIds: ['vbr-a1', 'vbr-b2'] }],
    [{ virtualPhysicalConnectionCount: 1 }, [], { code: 'OPERATION_CONFLICT', reason: 'VPCONNS_ATTACHED' }],
    [{ macsecKeys: [KEY] }, [], { code: 'OPERATION_CONFLICT', reason: 'MACSEC_KEYS' }],
  ] satisfies [Partial<PhysicalConnection>, string[], Record<string, unknown>][])(
    '%j %j -> %j, with the blocker message',
    (overrides, attached, details) => {
      const [blocker] = blockersOf(overrides, attached);
      if (blocker === undefined) throw new Error('expected a blocker');
      const error = terminationRefusal(PC, blocker);
      expect(error.message).toBe(blocker.message);
      expect(error.extensions).toEqual({ retryable: false, physicalConnectionId: PC, ...details });
    },
  );
});
