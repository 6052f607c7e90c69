/**
 * The VBR lifecycle rules, pure: every blocker of an action in the order the upstream checks them
 * (ownership, status, the circuit, the VLAN), so the first one is the refusal the upstream would
 * send. Blocker codes and messages are those of the errors the mutations fail with (`refusal`).
 */
import {
  AccountNotAllowedError,
  circuitOwnerOnlyMessage,
  foreignVbrMessage,
  notEnabledMessage,
  OperationConflictError,
  PhysicalConnectionNotEnabledError,
  RECOVER_VBR_NEEDS_ENABLED,
  VBR_ALLOWED_FROM,
  VbrInvalidStateError,
  vbrInvalidStateMessage,
  vlanInUseMessage,
  type GatewayError,
  type VbrAction,
} from '../../schema/errors';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import type { SiblingVbr, VbrSubject } from './subject';

const NO_DETAILS = {
  currentStatus: null,
  vbrStatus: null,
  businessStatus: null,
  vbrIds: null,
  reason: null,
  accountReason: null,
} as const satisfies Omit<ActionBlockerModel, 'code' | 'message'>;

function circuitOwnerOnly({ vbr, circuit }: VbrSubject, action: VbrAction): ActionBlockerModel[] {
  if (circuit !== null) return [];
  return [{ ...NO_DETAILS, code: 'ACCOUNT_NOT_ALLOWED', message: circuitOwnerOnlyMessage(vbr.id, action), accountReason: 'CIRCUIT_OWNER_ONLY' }];
}

function status({ vbr }: VbrSubject, action: VbrAction): ActionBlockerModel[] {
  const allowed = VBR_ALLOWED_FROM[action];
  if (allowed.includes(vbr.status)) return [];
  return [{ ...NO_DETAILS, code: 'VBR_INVALID_STATE', message: vbrInvalidStateMessage(vbr.id, action, vbr.status, allowed), vbrStatus: vbr.status }];
}

export function terminateBlockers(subject: VbrSubject): ActionBlockerModel[] {
  return [...circuitOwnerOnly(subject, 'TERMINATE'), ...status(subject, 'TERMINATE')];
}

/**
 * Another VBR on the circuit that holds `vlanId` now: a terminated VBR's VLAN is free for others
 * once it is terminated, so only a VBR in any other status blocks recovering.
 */
function recoverVlanHolders(siblings: readonly SiblingVbr[], vlanId: number | null): string[] {
  if (vlanId === null) return [];
  return siblings.filter((s) => s.vlanId === vlanId && s.status !== 'TERMINATED').map((s) => s.id).sort();
}

export function recoverBlockers(subject: VbrSubject): ActionBlockerModel[] {
  const blockers = [...circuitOwnerOnly(subject, 'RECOVER'), ...status(subject, 'RECOVER')];
  const { vbr, circuit } = subject;
  if (circuit !== null && circuit.status !== 'ENABLED') {
    blockers.push({
      ...NO_DETAILS,
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      message: notEnabledMessage(circuit.id, circuit.status, RECOVER_VBR_NEEDS_ENABLED),
      currentStatus: circuit.status,
    });
  }
  const holders = recoverVlanHolders(subject.siblings, vbr.vlanId);
  if (holders.length > 0) {
    const message = vlanInUseMessage(vbr.id, vbr.vlanId, holders);
    blockers.push({ ...NO_DETAILS, code: 'OPERATION_CONFLICT', message, reason: 'VLAN_IN_USE', vbrIds: holders });
  }
  return blockers;
}

export function deleteBlockers(subject: VbrSubject): ActionBlockerModel[] {
  const { vbr, foreign } = subject;
  const blockers: ActionBlockerModel[] = [];
  if (foreign && vbr.status !== 'UNCONFIRMED') {
    blockers.push({
      ...NO_DETAILS,
      code: 'ACCOUNT_NOT_ALLOWED',
      message: foreignVbrMessage(vbr.id, vbr.status),
      accountReason: 'FOREIGN_VBR_NOT_UNCONFIRMED',
    });
  }
  return [...blockers, ...status(subject, 'DELETE')];
}

/** Whether the VBR takes changes now; which fields this account may set is the mutation's check. */
export function updateBlockers(subject: VbrSubject): ActionBlockerModel[] {
  return status(subject, 'UPDATE');
}

/** A terminated VBR keeps its VLAN this long (the ModifyVirtualBorderRouterAttribute doc). */
const VLAN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The VBRs holding `vlanId` for a new VBR or a VLAN change: every other VBR on the circuit, a
 * terminated one within its 7 days too. Past them (or with no termination time) the upstream
 * decides: a local refusal must never be wrong.
 */
export function vlanHolders(siblings: readonly SiblingVbr[], vlanId: number, now: number): string[] {
  const released = (s: SiblingVbr) =>
    s.status === 'TERMINATED' && s.terminationTime !== null && now - s.terminationTime.getTime() > VLAN_RETENTION_MS;
  return siblings.filter((s) => s.vlanId === vlanId && !released(s)).map((s) => s.id).sort();
}

/** The error a mutation throws for a blocker: same code, message and details. */
export function refusal(subject: VbrSubject, action: VbrAction, blocker: ActionBlockerModel): GatewayError {
  const { vbr, circuit } = subject;
  switch (blocker.code) {
    case 'ACCOUNT_NOT_ALLOWED':
      return new AccountNotAllowedError(blocker.message, vbr.id, blocker.accountReason);
    case 'VBR_INVALID_STATE':
      return new VbrInvalidStateError(vbr.id, action, vbr.status, VBR_ALLOWED_FROM[action]);
    case 'PHYSICAL_CONNECTION_NOT_ENABLED':
      if (circuit === null) break;
      return new PhysicalConnectionNotEnabledError(circuit.id, circuit.status, undefined, undefined, RECOVER_VBR_NEEDS_ENABLED);
    case 'OPERATION_CONFLICT':
      return new OperationConflictError(blocker.message, circuit?.id ?? vbr.physicalConnectionId, blocker.reason);
    default:
      break;
  }
  throw new Error(`internal: the VBR rules produced ${blocker.code} for ${action}`);
}
