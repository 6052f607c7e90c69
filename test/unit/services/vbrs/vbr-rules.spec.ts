/**
 * The VBR rules, pure: every blocker in the upstream's order, and the refusal a mutation throws for
 * the first one carries the blocker's code and message. (Whether they agree with the emulator is
 * test/integration/graphql/vbr-available-actions.spec.ts.)
 */
import type { VbrStatus } from '../../../../src/datasources/models';
import { GatewayError } from '../../../../src/schema/errors';
import { deleteBlockers, recoverBlockers, refusal, terminateBlockers, updateBlockers, vlanHolders } from '../../../../src/services/vbrs/rules';
import type { SiblingVbr, VbrSubject } from '../../../../src/services/vbrs/subject';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1);

function subject(status: VbrStatus, extra: Partial<VbrSubject> = {}): VbrSubject {
  return {
    vbr: { id: 'vbr-a1', status, vlanId: 10, physicalConnectionId: 'pc-c1' },
    circuit: { id: 'pc-c1', status: 'ENABLED' },
    foreign: false,
    siblings: [],
    ...extra,
  };
}

const sibling = (id: string, status: VbrStatus, vlanId: number, terminatedDaysAgo: number | null = null): SiblingVbr => ({
  id,
  status,
  vlanId,
  terminationTime: terminatedDaysAgo === null ? null : new Date(NOW - terminatedDaysAgo * DAY),
});

const codes = (blockers: Array<{ code: string; accountReason: string | null; reason: string | null }>) =>
  blockers.map((b) => [b.code, b.accountReason ?? b.reason].filter((x) => x !== null).join(' '));

describe('blockers, in the upstream order', () => {
  it('recover on another account\'s circuit lists ownership, then the status', () => {
    expect(codes(recoverBlockers(subject('ACTIVE', { circuit: null })))).toEqual(['ACCOUNT_NOT_ALLOWED CIRCUIT_OWNER_ONLY', 'VBR_INVALID_STATE']);
  });

  it('recover lists the circuit status, then the VLAN another VBR holds (a terminated holder does not count)', () => {
    const blocked = recoverBlockers(
      subject('TERMINATED', {
        circuit: { id: 'pc-c1', status: 'TERMINATING' },
        siblings: [sibling('vbr-b2', 'ACTIVE', 10), sibling('vbr-b1', 'UNCONFIRMED', 10), sibling('vbr-old', 'TERMINATED', 10)],
      }),
    );
    expect(codes(blocked)).toEqual(['PHYSICAL_CONNECTION_NOT_ENABLED', 'OPERATION_CONFLICT VLAN_IN_USE']);
    expect(blocked[1]?.vbrIds).toEqual(['vbr-b1', 'vbr-b2']);
    expect(recoverBlockers(subject('TERMINATED', { siblings: [sibling('vbr-old', 'TERMINATED', 10)] }))).toEqual([]);
  });

  it("delete of another account's VBR: refused unless UNCONFIRMED, before the status", () => {
    expect(codes(deleteBlockers(subject('DELETING', { foreign: true })))).toEqual(['ACCOUNT_NOT_ALLOWED FOREIGN_VBR_NOT_UNCONFIRMED', 'VBR_INVALID_STATE']);
    expect(deleteBlockers(subject('UNCONFIRMED', { foreign: true }))).toEqual([]);
    expect(deleteBlockers(subject('TERMINATED', { circuit: null }))).toEqual([]);
  });

  it.each([
    ['TERMINATE', terminateBlockers, ['ACTIVE']],
    ['RECOVER', recoverBlockers, ['TERMINATED']],
    ['DELETE', deleteBlockers, ['UNCONFIRMED', 'ACTIVE', 'TERMINATED']],
    ['UPDATE', updateBlockers, ['UNCONFIRMED', 'ACTIVE', 'TERMINATED']],
  ] as const)('%s starts from its own statuses only', (_action, rules, from) => {
    const all: VbrStatus[] = ['UNCONFIRMED', 'ACTIVE', 'TERMINATING', 'TERMINATED', 'RECOVERING', 'DELETING'];
    expect(all.filter((status) => rules(subject(status)).length === 0)).toEqual(from);
  });
});

describe('the VLAN a new VBR or a VLAN change may not take', () => {
  it('is held by any other VBR, a terminated one for 7 days after its termination (or when that time is unknown)', () => {
    const siblings = [
      sibling('vbr-active', 'ACTIVE', 1),
      sibling('vbr-recent', 'TERMINATED', 2, 6),
      sibling('vbr-old', 'TERMINATED', 3, 8),
      sibling('vbr-undated', 'TERMINATED', 4),
    ];
    expect([1, 2, 3, 4, 5].map((vlan) => vlanHolders(siblings, vlan, NOW))).toEqual([['vbr-active'], ['vbr-recent'], [], ['vbr-undated'], []]);
  });
});

describe('refusal', () => {
  it.each([
    ['TERMINATE', subject('ACTIVE', { circuit: null }), terminateBlockers],
    ['TERMINATE', subject('TERMINATED'), terminateBlockers],
    ['RECOVER', subject('TERMINATED', { circuit: { id: 'pc-c1', status: 'CONFIRMED' } }), recoverBlockers],
    ['RECOVER', subject('TERMINATED', { siblings: [sibling('vbr-b1', 'ACTIVE', 10)] }), recoverBlockers],
    ['DELETE', subject('ACTIVE', { foreign: true }), deleteBlockers],
  ] as const)('of %s carries the first blocker\'s code, message and details', (action, s, rules) => {
    const [first] = rules(s);
    if (first === undefined) throw new Error('no blocker');
    const error = refusal(s, action, first);
    expect(error).toBeInstanceOf(GatewayError);
    expect({ code: error.extensions.code, message: error.message }).toEqual({ code: first.code, message: first.message });
    const details = error.extensions as Record<string, unknown>;
    if (first.accountReason !== null) expect(details['reason']).toBe(first.accountReason);
    if (first.reason !== null) expect(details['reason']).toBe(first.reason);
    if (first.vbrStatus !== null) expect(details['currentStatus']).toBe(first.vbrStatus);
    if (first.currentStatus !== null) expect(details['currentStatus']).toBe(first.currentStatus);
  });
});
