/**
 * The rules of the circuit actions besides terminate, pure: the status table of every action for
 * every status, what only some actions look at (product type, lock, VBRs, vpconns, the spec of an
 * update), the upstream's order, and the error the mutation throws for each blocker.
 */
import { PHYSICAL_CONNECTION_STATUSES, type PhysicalConnection, type PhysicalConnectionStatus } from '../../../../src/datasources/models';
import { PhysicalConnectionInvalidStateError } from '../../../../src/schema/errors';
import { circuitRefusal, type CircuitBlocker } from '../../../../src/services/circuits/blockers';
import { cancelService } from '../../../../src/services/circuits/cancel.service';
import { confirmService } from '../../../../src/services/circuits/confirm.service';
import { deleteService } from '../../../../src/services/circuits/delete.service';
import { enableService } from '../../../../src/services/circuits/enable.service';
import { recoverService } from '../../../../src/services/circuits/recover.service';
import { updateService } from '../../../../src/services/circuits/update.service';
import { makePhysicalConnection } from '../../resolvers/support/fixtures';

const PC = 'pc-rules01';
const circuit = (overrides: Partial<PhysicalConnection> = {}) => makePhysicalConnection({ id: PC, ...overrides });
const NONE = { vbrStatus: null, businessStatus: null, vbrIds: null, reason: null, accountReason: null };

/** Every status, and the actions it allows (the shared circuit's view for RECOVER; an attribute UPDATE). */
const TABLE: Record<PhysicalConnectionStatus, string> = {
  INITIAL: 'CANCEL UPDATE',
  APPROVED: 'CANCEL UPDATE',
  ALLOCATING: '',
  ALLOCATED: 'CONFIRM CANCEL DELETE UPDATE',
  CONFIRMED: 'ENABLE CANCEL DELETE UPDATE',
  ENABLED: 'UPDATE',
  REJECTED: 'DELETE UPDATE',
  CANCELED: 'DELETE',
  ALLOCATION_FAILED: 'DELETE',
  TERMINATING: '',
  TERMINATED: 'RECOVER DELETE',
};

function allowedActions(pc: PhysicalConnection): string {
  const rules = [
    ['CONFIRM', confirmService.evaluate({ circuit: pc })],
    ['ENABLE', enableService.evaluate({ circuit: pc })],
    ['CANCEL', cancelService.evaluate({ circuit: pc })],
    ['RECOVER', recoverService.evaluate({ circuit: pc })],
    ['DELETE', deleteService.evaluate({ circuit: pc, attachedVbrIds: [] })],
    ['UPDATE', updateService.evaluate({ circuit: pc, changesSpec: false })],
  ] as const;
  return rules.filter(([, blockers]) => blockers.length === 0).map(([action]) => action).join(' ');
}

it.each(PHYSICAL_CONNECTION_STATUSES)('%s allows exactly the actions of the state machine', (status) => {
  expect(allowedActions(circuit({ status, productType: 'VIRTUAL_PHYSICAL_CONNECTION' }))).toBe(TABLE[status]);
});

it('a refused status names the action, the status and the statuses it starts from', () => {
  expect(cancelService.evaluate({ circuit: circuit({ status: 'ALLOCATING' }) })).toEqual([
    {
      ...NONE,
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      currentStatus: 'ALLOCATING',
      message: `Physical connection ${PC} is ALLOCATING; CANCEL needs INITIAL, APPROVED, ALLOCATED, CONFIRMED.`,
      invalidState: { action: 'CANCEL', allowedStatuses: ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED'] },
    },
  ]);
});

it.each(['PHYSICAL_CONNECTION', null] as const)('RECOVER: a %s circuit (not shared) in no status, TERMINATED included', (productType) => {
  for (const status of PHYSICAL_CONNECTION_STATUSES) {
    const [blocker, ...more] = recoverService.evaluate({ circuit: circuit({ status, productType }) });
    expect(more).toEqual([]);
    expect(blocker).toMatchObject({ code: 'PHYSICAL_CONNECTION_INVALID_STATE', currentStatus: status, invalidState: { action: 'RECOVER', allowedStatuses: [] } });
    expect(blocker?.message).toBe(`Physical connection ${PC} is ${status}; RECOVER does not apply to a circuit of its product type.`);
  }
});

it('a lock blocks none of them (the upstream checks locks on terminate only)', () => {
  for (const businessStatus of ['FINANCIAL_LOCKED', 'SECURITY_LOCKED'] as const) {
    expect(allowedActions(circuit({ status: 'CONFIRMED', businessStatus }))).toBe(TABLE.CONFIRMED);
  }
});

describe('DELETE', () => {
  it('lists status, VBRs (sorted, any account) and vpconns, in the upstream\'s order', () => {
    const blockers = deleteService.evaluate({
      circuit: circuit({ status: 'ENABLED', virtualPhysicalConnectionCount: 2 }),
      attachedVbrIds: ['vbr-z9', 'vbr-a1'],
    });
    expect(blockers.map((blocker) => [blocker.code, blocker.currentStatus, blocker.vbrIds, blocker.reason])).toEqual([
      ['PHYSICAL_CONNECTION_INVALID_STATE', 'ENABLED', null, null],
      ['VBRS_ATTACHED', null, ['vbr-a1', 'vbr-z9'], null],
      ['OPERATION_CONFLICT', null, null, 'VPCONNS_ATTACHED'],
    ]);
    expect(blockers[2]?.message).toBe(`Physical connection ${PC} hosts 2 shared-port virtual connection(s) (vpconns); remove them before it can be deleted.`);
  });

  it('MACsec keys do not block it (only terminate checks them)', () => {
    const macsecKeys = [{ ckn: 'ckn-1', cipherSuite: null, startOn: null, status: 'Available' }];
    expect(deleteService.evaluate({ circuit: circuit({ status: 'TERMINATED', macsecKeys }), attachedVbrIds: [] })).toEqual([]);
  });
});

describe('UPDATE', () => {
  it.each(PHYSICAL_CONNECTION_STATUSES)('%s: a spec change only in INITIAL, ENABLED or REJECTED, one blocker naming those', (status) => {
    const blockers = updateService.evaluate({ circuit: circuit({ status }), changesSpec: true });
    if (['INITIAL', 'ENABLED', 'REJECTED'].includes(status)) {
      expect(blockers).toEqual([]);
      return;
    }
    expect(blockers).toHaveLength(1);
    expect(blockers[0]?.invalidState).toEqual({ action: 'UPDATE', allowedStatuses: ['INITIAL', 'ENABLED', 'REJECTED'] });
  });
});

describe('circuitRefusal: the error for a blocker', () => {
  it.each([
    confirmService.evaluate({ circuit: circuit({ status: 'INITIAL' }) }),
    recoverService.evaluate({ circuit: circuit({ status: 'TERMINATED' }) }),
    deleteService.evaluate({ circuit: circuit({ status: 'CANCELED', virtualPhysicalConnectionCount: 1 }), attachedVbrIds: ['vbr-a1'] }),
  ])('same code, message and details as the blocker (%#)', (...blockers: CircuitBlocker[]) => {
    for (const blocker of blockers) {
      const error = circuitRefusal(PC, blocker);
      expect(error.message).toBe(blocker.message);
      expect(error.extensions).toMatchObject({ code: blocker.code, retryable: false, physicalConnectionId: PC });
      if (error instanceof PhysicalConnectionInvalidStateError) {
        expect(error.extensions).toMatchObject({ currentStatus: blocker.currentStatus, ...blocker.invalidState });
      } else {
        expect(error.extensions).toMatchObject(blocker.code === 'VBRS_ATTACHED' ? { vbrIds: blocker.vbrIds } : { reason: blocker.reason });
      }
    }
  });
});
