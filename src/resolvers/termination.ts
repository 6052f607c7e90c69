/**
 * The terminate precondition, in one place: the `terminationCheck` preview and the mutation both
 * derive their answer from `terminationBlockers`, so they cannot disagree about the rules (they
 * differ only in where the data comes from: batched loaders vs fresh reads).
 *
 * Blockers come in the order the upstream checks them (status, lock, VBRs, vpconns, MACsec keys),
 * so the first one, which the mutation reports, is the refusal the upstream would have sent.
 */
import type { PhysicalConnection } from '../datasources/models';
import {
  lockedMessage,
  macsecKeysMessage,
  notEnabledMessage,
  OperationConflictError,
  PhysicalConnectionNotEnabledError,
  ResourceLockedError,
  VbrsAttachedError,
  vbrsAttachedMessage,
  vpconnsAttachedMessage,
  type GatewayError,
} from '../schema/errors';
import type { TerminationBlocker } from '../schema/types/termination';

type Subject = Pick<
  PhysicalConnection,
  'id' | 'status' | 'businessStatus' | 'macsecKeys' | 'virtualPhysicalConnectionCount'
>;

/** Every reason `pc` cannot be terminated, in the order the mutation reports them. */
export function terminationBlockers(pc: Subject, attachedVbrIds: readonly string[]): TerminationBlocker[] {
  const none = { currentStatus: null, businessStatus: null, vbrIds: null, reason: null };
  const blockers: TerminationBlocker[] = [];
  if (pc.status !== 'ENABLED') {
    blockers.push({
      ...none,
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      message: notEnabledMessage(pc.id, pc.status),
      currentStatus: pc.status,
    });
  }
  if (pc.businessStatus === 'FINANCIAL_LOCKED' || pc.businessStatus === 'SECURITY_LOCKED') {
    blockers.push({
      ...none,
      code: 'RESOURCE_LOCKED',
      message: lockedMessage(pc.id, pc.businessStatus),
      businessStatus: pc.businessStatus,
    });
  }
  if (attachedVbrIds.length > 0) {
    const vbrIds = [...attachedVbrIds].sort();
    blockers.push({
      ...none,
      code: 'VBRS_ATTACHED',
      message: vbrsAttachedMessage(pc.id, vbrIds),
      vbrIds,
    });
  }
  // Both come in the circuit's own DescribePhysicalConnections item, so no extra read is needed.
  const vpconns = pc.virtualPhysicalConnectionCount ?? 0;
  if (vpconns > 0) {
    blockers.push({
      ...none,
      code: 'OPERATION_CONFLICT',
      message: vpconnsAttachedMessage(pc.id, vpconns),
      reason: 'VPCONNS_ATTACHED',
    });
  }
  if (pc.macsecKeys.length > 0) {
    blockers.push({
      ...none,
      code: 'OPERATION_CONFLICT',
      message: macsecKeysMessage(pc.id, pc.macsecKeys.length),
      reason: 'MACSEC_KEYS',
    });
  }
  return blockers;
}

/** The error the mutation throws for a blocker (same code, same message, same details). */
export function blockerError(physicalConnectionId: string, blocker: TerminationBlocker): GatewayError {
  switch (blocker.code) {
    case 'PHYSICAL_CONNECTION_NOT_ENABLED':
      return new PhysicalConnectionNotEnabledError(physicalConnectionId, blocker.currentStatus);
    case 'RESOURCE_LOCKED':
      return new ResourceLockedError(physicalConnectionId, blocker.businessStatus);
    case 'VBRS_ATTACHED':
      return new VbrsAttachedError(physicalConnectionId, blocker.vbrIds);
    case 'OPERATION_CONFLICT':
      return new OperationConflictError(blocker.message, physicalConnectionId, blocker.reason);
  }
}
