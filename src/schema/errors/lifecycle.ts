/**
 * The lifecycle precondition errors beyond terminate: a resource in a state the action does not
 * start from, a VBR that does not exist, an account that may not act on a resource, a quota.
 * Raised by a service's own check (fresh reads) or mapped from the upstream's refusal of the same
 * condition (then with `upstream`), identically; each names what a console needs to act.
 */
import type { PhysicalConnectionStatus, VbrStatus } from '../../datasources/models';
import { GatewayError, withUpstream, type BaseExtensions, type UpstreamDetails } from './base';

/** The lifecycle actions of a circuit, as `availableActions` and the errors name them. */
export const PHYSICAL_CONNECTION_ACTIONS = ['CONFIRM', 'ENABLE', 'CANCEL', 'TERMINATE', 'RECOVER', 'DELETE', 'UPDATE'] as const;
export type PhysicalConnectionAction = (typeof PHYSICAL_CONNECTION_ACTIONS)[number];

/**
 * The statuses each circuit action starts from, as the upstream's state machine has them: the
 * `allowedStatuses` of PHYSICAL_CONNECTION_INVALID_STATE (also when the upstream refused), and
 * the rule the services check. UPDATE changes attributes; its spec (port type, bandwidth,
 * redundant circuit) only from PHYSICAL_CONNECTION_SPEC_UPDATE_STATUSES.
 */
export const PHYSICAL_CONNECTION_ACTION_STATUSES: Readonly<Record<PhysicalConnectionAction, readonly PhysicalConnectionStatus[]>> = {
  CONFIRM: ['ALLOCATED'],
  ENABLE: ['CONFIRMED'],
  CANCEL: ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED'],
  TERMINATE: ['ENABLED'],
  RECOVER: ['TERMINATED'],
  DELETE: ['ALLOCATED', 'CONFIRMED', 'REJECTED', 'CANCELED', 'ALLOCATION_FAILED', 'TERMINATED'],
  UPDATE: ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED', 'ENABLED', 'REJECTED'],
};
export const PHYSICAL_CONNECTION_SPEC_UPDATE_STATUSES: readonly PhysicalConnectionStatus[] = ['INITIAL', 'ENABLED', 'REJECTED'];

/** The lifecycle actions of a VBR. */
export const VBR_ACTIONS = ['TERMINATE', 'RECOVER', 'DELETE', 'UPDATE'] as const;
export type VbrAction = (typeof VBR_ACTIONS)[number];

/** The statuses each VBR action starts from (the upstream's rule, as `allowedStatuses` names it). */
export const VBR_ALLOWED_FROM: Readonly<Record<VbrAction, readonly VbrStatus[]>> = {
  TERMINATE: ['ACTIVE'],
  RECOVER: ['TERMINATED'],
  DELETE: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'],
  // Not while a transition runs (TERMINATING, RECOVERING, DELETING).
  UPDATE: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'],
};

const list = (values: readonly string[]): string => values.join(', ');

export type PhysicalConnectionInvalidStateExtensions = BaseExtensions<'PHYSICAL_CONNECTION_INVALID_STATE'> & {
  physicalConnectionId: string;
  action: PhysicalConnectionAction;
  /** Null when the upstream refused and did not say which state it saw. */
  currentStatus: PhysicalConnectionStatus | null;
  /** The statuses the action starts from; empty when no status of this circuit allows it (RECOVER on a dedicated circuit). */
  allowedStatuses: PhysicalConnectionStatus[];
  upstream?: UpstreamDetails;
};

export function circuitInvalidStateMessage(
  physicalConnectionId: string,
  action: PhysicalConnectionAction,
  currentStatus: PhysicalConnectionStatus | null,
  allowedStatuses: readonly PhysicalConnectionStatus[],
): string {
  const now = currentStatus === null ? 'is not in a state that allows it' : `is ${currentStatus}`;
  const needs =
    allowedStatuses.length === 0 ? `${action} does not apply to a circuit of its product type` : `${action} needs ${list(allowedStatuses)}`;
  return `Physical connection ${physicalConnectionId} ${now}; ${needs}.`;
}

/** The circuit is not in a status the action starts from (the terminate case keeps PHYSICAL_CONNECTION_NOT_ENABLED). */
export class PhysicalConnectionInvalidStateError extends GatewayError<PhysicalConnectionInvalidStateExtensions> {
  constructor(
    physicalConnectionId: string,
    action: PhysicalConnectionAction,
    currentStatus: PhysicalConnectionStatus | null,
    allowedStatuses: readonly PhysicalConnectionStatus[],
    upstream?: UpstreamDetails,
    cause?: unknown,
  ) {
    super(
      circuitInvalidStateMessage(physicalConnectionId, action, currentStatus, allowedStatuses),
      withUpstream(
        {
          code: 'PHYSICAL_CONNECTION_INVALID_STATE',
          retryable: false,
          physicalConnectionId,
          action,
          currentStatus,
          allowedStatuses: [...allowedStatuses],
        },
        upstream,
      ),
      cause,
    );
  }
}

export type VbrNotFoundExtensions = BaseExtensions<'VBR_NOT_FOUND'> & { vbrId: string; upstream?: UpstreamDetails };

export class VbrNotFoundError extends GatewayError<VbrNotFoundExtensions> {
  constructor(vbrId: string, regionId: string, upstream?: UpstreamDetails, cause?: unknown) {
    super(
      `VBR ${vbrId} does not exist in region ${regionId}.`,
      withUpstream({ code: 'VBR_NOT_FOUND', retryable: false, vbrId }, upstream),
      cause,
    );
  }
}

export type VbrInvalidStateExtensions = BaseExtensions<'VBR_INVALID_STATE'> & {
  vbrId: string;
  action: VbrAction;
  /** Null when the upstream refused and did not say which state it saw. */
  currentStatus: VbrStatus | null;
  allowedStatuses: VbrStatus[];
  upstream?: UpstreamDetails;
};

export function vbrInvalidStateMessage(
  vbrId: string,
  action: VbrAction,
  currentStatus: VbrStatus | null,
  allowedStatuses: readonly VbrStatus[],
): string {
  const now = currentStatus === null ? 'is not in a state that allows it' : `is ${currentStatus}`;
  return `VBR ${vbrId} ${now}; ${action} needs ${list(allowedStatuses)}.`;
}

export class VbrInvalidStateError extends GatewayError<VbrInvalidStateExtensions> {
  constructor(
    vbrId: string,
    action: VbrAction,
    currentStatus: VbrStatus | null,
    allowedStatuses: readonly VbrStatus[],
    upstream?: UpstreamDetails,
    cause?: unknown,
  ) {
    super(
      vbrInvalidStateMessage(vbrId, action, currentStatus, allowedStatuses),
      withUpstream(
        { code: 'VBR_INVALID_STATE', retryable: false, vbrId, action, currentStatus, allowedStatuses: [...allowedStatuses] },
        upstream,
      ),
      cause,
    );
  }
}

/**
 * Why this account may not act on a resource: only the circuit's owner may terminate or recover a
 * VBR on it (or set its VLAN and circuit code); the circuit's owner may delete another account's
 * VBR only while it is UNCONFIRMED; only the VBR's owner may set its peering addresses, name and
 * description.
 */
export const ACCOUNT_REASONS = ['CIRCUIT_OWNER_ONLY', 'FOREIGN_VBR_NOT_UNCONFIRMED', 'VBR_OWNER_ONLY'] as const;
export type AccountReason = (typeof ACCOUNT_REASONS)[number];

export type AccountNotAllowedExtensions = BaseExtensions<'ACCOUNT_NOT_ALLOWED'> & {
  resourceId: string;
  /** Null when the upstream refused (`Forbidden.*NotAllowedByUser` / `...ByCaller`) without saying why. */
  reason: AccountReason | null;
  upstream?: UpstreamDetails;
};

export class AccountNotAllowedError extends GatewayError<AccountNotAllowedExtensions> {
  constructor(message: string, resourceId: string, reason: AccountReason | null, upstream?: UpstreamDetails, cause?: unknown) {
    super(message, withUpstream({ code: 'ACCOUNT_NOT_ALLOWED', retryable: false, resourceId, reason }, upstream), cause);
  }
}

export type ForeignVbrsAttachedExtensions = BaseExtensions<'FOREIGN_VBRS_ATTACHED'> & {
  physicalConnectionId: string;
  /** Other accounts' VBRs on the circuit that this account may not delete (not UNCONFIRMED), sorted. */
  vbrIds: string[];
};

export function foreignVbrsMessage(physicalConnectionId: string, vbrIds: readonly string[]): string {
  return `Physical connection ${physicalConnectionId} carries ${vbrIds.length} VBR(s) of other accounts (${list(vbrIds)}) that only their owners can delete.`;
}

/** A decommission cannot clear the circuit: other accounts' VBRs on it are beyond this account. */
export class ForeignVbrsAttachedError extends GatewayError<ForeignVbrsAttachedExtensions> {
  constructor(physicalConnectionId: string, vbrIds: readonly string[]) {
    const sorted = [...vbrIds].sort();
    super(foreignVbrsMessage(physicalConnectionId, sorted), {
      code: 'FOREIGN_VBRS_ATTACHED',
      retryable: false,
      physicalConnectionId,
      vbrIds: sorted,
    });
  }
}

export type QuotaExceededExtensions = BaseExtensions<'QUOTA_EXCEEDED'> & { upstream: UpstreamDetails };

/** An account quota (`QuotaExceeded.*`: circuits not yet enabled, VBRs per circuit, ...) is used up. */
export class QuotaExceededError extends GatewayError<QuotaExceededExtensions> {
  constructor(upstream: UpstreamDetails, cause?: unknown) {
    super(`The VPC API refused the operation: an account quota is used up (${upstream.code}).`, {
      code: 'QUOTA_EXCEEDED',
      retryable: false,
      upstream,
    }, cause);
  }
}
