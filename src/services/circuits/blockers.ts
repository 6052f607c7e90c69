/**
 * The blockers of the circuit actions besides terminate (which keeps its own type for
 * `terminationCheck`): each is an `ActionBlockerModel`, with the message of the error the mutation
 * fails with, built by `circuitRefusal` from the same details.
 */
import type { PhysicalConnectionStatus } from '../../datasources/models';
import {
  circuitInvalidStateMessage,
  OperationConflictError,
  PhysicalConnectionInvalidStateError,
  VbrsAttachedError,
  vbrsAttachedMessage,
  vpconnsAttachedMessage,
  type GatewayError,
  type PhysicalConnectionAction,
} from '../../schema/errors';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import type { CircuitSubject, CircuitWithVbrsSubject } from './subjects';

/** A blocker plus what its error needs beyond the GraphQL blocker's fields. */
export type CircuitBlocker =
  | (ActionBlockerModel & {
      code: 'PHYSICAL_CONNECTION_INVALID_STATE';
      /** The action and the statuses it starts from (the error's `allowedStatuses`). */
      invalidState: { action: PhysicalConnectionAction; allowedStatuses: readonly PhysicalConnectionStatus[] };
    })
  | (ActionBlockerModel & { code: 'VBRS_ATTACHED' | 'OPERATION_CONFLICT'; invalidState: null });

const NO_DETAILS = {
  currentStatus: null,
  vbrStatus: null,
  businessStatus: null,
  vbrIds: null,
  reason: null,
  accountReason: null,
  invalidState: null,
} as const satisfies Partial<CircuitBlocker>;

/** The status rule: `allowedStatuses` empty when no status of this circuit allows the action. */
export function statusBlockers(
  circuit: CircuitSubject['circuit'],
  action: PhysicalConnectionAction,
  allowedStatuses: readonly PhysicalConnectionStatus[],
): CircuitBlocker[] {
  if (allowedStatuses.includes(circuit.status)) return [];
  return [
    {
      ...NO_DETAILS,
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      message: circuitInvalidStateMessage(circuit.id, action, circuit.status, allowedStatuses),
      currentStatus: circuit.status,
      invalidState: { action, allowedStatuses },
    },
  ];
}

/** Any VBR on the circuit, whatever its status or owner. */
export function vbrBlockers({ circuit, attachedVbrIds }: CircuitWithVbrsSubject): CircuitBlocker[] {
  if (attachedVbrIds.length === 0) return [];
  const vbrIds = [...attachedVbrIds].sort();
  return [{ ...NO_DETAILS, code: 'VBRS_ATTACHED', message: vbrsAttachedMessage(circuit.id, vbrIds), vbrIds }];
}

/** Shared-port vpconns the circuit hosts (counted in its own DescribePhysicalConnections item). */
export function vpconnBlockers({ circuit }: CircuitSubject, before: 'terminated' | 'deleted'): CircuitBlocker[] {
  const vpconns = circuit.virtualPhysicalConnectionCount ?? 0;
  if (vpconns === 0) return [];
  const message = vpconnsAttachedMessage(circuit.id, vpconns, before);
  return [{ ...NO_DETAILS, code: 'OPERATION_CONFLICT', message, reason: 'VPCONNS_ATTACHED' }];
}

/** The error the mutation throws for a blocker: same code, message and details. */
export function circuitRefusal(physicalConnectionId: string, blocker: CircuitBlocker): GatewayError {
  switch (blocker.code) {
    case 'PHYSICAL_CONNECTION_INVALID_STATE': {
      const { action, allowedStatuses } = blocker.invalidState;
      return new PhysicalConnectionInvalidStateError(physicalConnectionId, action, blocker.currentStatus, allowedStatuses);
    }
    case 'VBRS_ATTACHED':
      return new VbrsAttachedError(physicalConnectionId, blocker.vbrIds);
    case 'OPERATION_CONFLICT':
      return new OperationConflictError(blocker.message, physicalConnectionId, blocker.reason);
  }
}
