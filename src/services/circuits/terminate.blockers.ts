/**
 * The terminate precondition rules, pure: every blocker of a circuit in the order the upstream
 * checks them (status, lock, VBRs, vpconns, MACsec keys), so the first one, the one the mutation
 * reports, is the refusal the upstream would have sent. Blocker codes and messages are those of
 * the errors the mutation fails with (`terminationRefusal`).
 */
import type { BusinessStatus, PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
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
  type ConflictReason,
  type GatewayError,
} from '../../schema/errors';
import type { TerminationBlockerCode } from '../../schema/types/termination';
import type { Blocker } from '../lifecycle';

export interface TerminationSubject {
  circuit: Pick<PhysicalConnection, 'id' | 'status' | 'businessStatus' | 'macsecKeys' | 'virtualPhysicalConnectionCount'>;
  /** Every VBR on the circuit, any status, any account. */
  attachedVbrIds: readonly string[];
}

/** A blocker with the detail of its code (the others null), as `TerminationBlocker` shows it. */
export interface TerminationBlocker extends Blocker<TerminationBlockerCode> {
  currentStatus: PhysicalConnectionStatus | null;
  businessStatus: BusinessStatus | null;
  vbrIds: string[] | null;
  reason: ConflictReason | null;
}

const NO_DETAILS = { currentStatus: null, businessStatus: null, vbrIds: null, reason: null } as const;

export function terminationBlockers({ circuit: pc, attachedVbrIds }: TerminationSubject): TerminationBlocker[] {
  const blockers: TerminationBlocker[] = [];
  if (pc.status !== 'ENABLED') {
    blockers.push({
      ...NO_DETAILS,
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      message: notEnabledMessage(pc.id, pc.status),
      currentStatus: pc.status,
    });
  }
  if (pc.businessStatus === 'FINANCIAL_LOCKED' || pc.businessStatus === 'SECURITY_LOCKED') {
    blockers.push({
      ...NO_DETAILS,
      code: 'RESOURCE_LOCKED',
      message: lockedMessage(pc.id, pc.businessStatus),
      businessStatus: pc.businessStatus,
    });
  }
  if (attachedVbrIds.length > 0) {
    const vbrIds = [...attachedVbrIds].sort();
    blockers.push({ ...NO_DETAILS, code: 'VBRS_ATTACHED', message: vbrsAttachedMessage(pc.id, vbrIds), vbrIds });
  }
  // Both come in the circuit's own DescribePhysicalConnections item: no extra read.
  const vpconns = pc.virtualPhysicalConnectionCount ?? 0;
  if (vpconns > 0) {
    blockers.push({
      ...NO_DETAILS,
      code: 'OPERATION_CONFLICT',
      message: vpconnsAttachedMessage(pc.id, vpconns),
      reason: 'VPCONNS_ATTACHED',
    });
  }
  if (pc.macsecKeys.length > 0) {
    blockers.push({
      ...NO_DETAILS,
      code: 'OPERATION_CONFLICT',
      message: macsecKeysMessage(pc.id, pc.macsecKeys.length),
      reason: 'MACSEC_KEYS',
    });
  }
  return blockers;
}

/** The error the mutation throws for a blocker: same code, message and details. */
export function terminationRefusal(physicalConnectionId: string, blocker: TerminationBlocker): GatewayError {
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
