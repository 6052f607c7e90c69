/**
 * The terminate precondition errors: raised by the gateway's own check (fresh reads) or mapped
 * from the upstream's refusal of the same condition (then with `upstream`), identically.
 */
import type { BusinessStatus, PhysicalConnectionStatus } from '../../datasources/models';
import { GatewayError, withUpstream, type BaseExtensions, type GatewayErrorCode, type UpstreamDetails } from './base';

type PhysicalConnectionExtensions<C extends GatewayErrorCode> = BaseExtensions<C> & {
  physicalConnectionId: string;
  /** Present when the upstream (not the gateway's own check) refused. */
  upstream?: UpstreamDetails;
};

export type PhysicalConnectionNotFoundExtensions = PhysicalConnectionExtensions<'PHYSICAL_CONNECTION_NOT_FOUND'>;

export class PhysicalConnectionNotFoundError extends GatewayError<PhysicalConnectionNotFoundExtensions> {
  constructor(physicalConnectionId: string, regionId: string, upstream?: UpstreamDetails, cause?: unknown) {
    super(
      `Physical connection ${physicalConnectionId} does not exist in region ${regionId}.`,
      withUpstream({ code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId }, upstream),
      cause,
    );
  }
}

/*
 * The precondition messages, shared by the errors the mutation throws and the `terminationCheck`
 * blockers, which take the text without building an error (docs/graphql.md#services).
 */
/** What needs the circuit ENABLED, the second half of the message; terminating it by default. */
export const TERMINATE_NEEDS_ENABLED = 'only ENABLED connections can be terminated';
/** What the circuit must be unlocked for, as the lock message ends: `... before it can <purpose>`. */
export const TERMINATE_PURPOSE = 'be terminated';

export function notEnabledMessage(
  physicalConnectionId: string,
  currentStatus: PhysicalConnectionStatus | null,
  requirement = TERMINATE_NEEDS_ENABLED,
): string {
  return currentStatus === null
    ? `Physical connection ${physicalConnectionId} is not ENABLED; ${requirement}.`
    : `Physical connection ${physicalConnectionId} is ${currentStatus}; ${requirement}.`;
}

export function vbrsAttachedMessage(physicalConnectionId: string, vbrIds: readonly string[] | null): string {
  return vbrIds === null
    ? `Physical connection ${physicalConnectionId} still has VBRs attached; delete them first.`
    : `Physical connection ${physicalConnectionId} still has ${vbrIds.length} VBR(s) attached (${vbrIds.join(', ')}); delete them first.`;
}

export function lockedMessage(physicalConnectionId: string, businessStatus: BusinessStatus | null, purpose: string = TERMINATE_PURPOSE): string {
  return businessStatus === null
    ? `Physical connection ${physicalConnectionId} is locked by the provider.`
    : `Physical connection ${physicalConnectionId} is ${businessStatus}; the lock must be lifted before it can ${purpose}.`;
}

export function macsecKeysMessage(physicalConnectionId: string, keyCount: number): string {
  return `Physical connection ${physicalConnectionId} has ${keyCount} MACsec key(s); remove them before it can be terminated.`;
}

export function vpconnsAttachedMessage(physicalConnectionId: string, vpconnCount: number, before: 'terminated' | 'deleted' = 'terminated'): string {
  return `Physical connection ${physicalConnectionId} hosts ${vpconnCount} shared-port virtual connection(s) (vpconns); remove them before it can be ${before}.`;
}

export type PhysicalConnectionNotEnabledExtensions =
  PhysicalConnectionExtensions<'PHYSICAL_CONNECTION_NOT_ENABLED'> & {
  /** Null when the upstream refused and did not say which state it saw. */
  currentStatus: PhysicalConnectionStatus | null;
};

export class PhysicalConnectionNotEnabledError extends GatewayError<PhysicalConnectionNotEnabledExtensions> {
  constructor(
    physicalConnectionId: string,
    currentStatus: PhysicalConnectionStatus | null,
    upstream?: UpstreamDetails,
    cause?: unknown,
    requirement?: string,
  ) {
    super(
      notEnabledMessage(physicalConnectionId, currentStatus, requirement),
      withUpstream(
        { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId, currentStatus },
        upstream,
      ),
      cause,
    );
  }
}

export type VbrsAttachedExtensions = PhysicalConnectionExtensions<'VBRS_ATTACHED'> & {
  /** Every VBR still on the circuit, any status, any account; null when the upstream refused. */
  vbrIds: string[] | null;
};

export class VbrsAttachedError extends GatewayError<VbrsAttachedExtensions> {
  constructor(physicalConnectionId: string, vbrIds: string[] | null, upstream?: UpstreamDetails, cause?: unknown) {
    super(
      vbrsAttachedMessage(physicalConnectionId, vbrIds),
      withUpstream({ code: 'VBRS_ATTACHED', retryable: false, physicalConnectionId, vbrIds }, upstream),
      cause,
    );
  }
}

export type ResourceLockedExtensions = PhysicalConnectionExtensions<'RESOURCE_LOCKED'> & {
  /** FINANCIAL_LOCKED / SECURITY_LOCKED; null when the upstream refused with a system lock. */
  businessStatus: BusinessStatus | null;
};

export class ResourceLockedError extends GatewayError<ResourceLockedExtensions> {
  constructor(
    physicalConnectionId: string,
    businessStatus: BusinessStatus | null,
    upstream?: UpstreamDetails,
    cause?: unknown,
    purpose?: string,
  ) {
    super(
      lockedMessage(physicalConnectionId, businessStatus, purpose),
      withUpstream({ code: 'RESOURCE_LOCKED', retryable: false, physicalConnectionId, businessStatus }, upstream),
      cause,
    );
  }
}

/**
 * What still hangs off a resource and blocks the action (VBRs have their own code): vpconns and
 * MACsec keys on a circuit (terminate), router interfaces and BGP groups on a VBR (delete), another
 * VBR holding a terminated VBR's VLAN (recover).
 */
export const CONFLICT_REASONS = ['VPCONNS_ATTACHED', 'MACSEC_KEYS', 'ROUTER_INTERFACES', 'BGP_GROUPS', 'VLAN_IN_USE'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export type OperationConflictExtensions = BaseExtensions<'OPERATION_CONFLICT'> & {
  physicalConnectionId: string | null;
  /** What hangs off the resource; null for a reused token or another operation holding the resource. */
  reason: ConflictReason | null;
  /** Absent when the gateway's own check (fresh reads) refused. */
  upstream?: UpstreamDetails;
};

/**
 * Something other than a VBR still hangs off the circuit (vpconns, MACsec keys: refused locally
 * from the fresh read, or by the upstream), the token was reused for another request, or another
 * operation holds the resource right now (then `retryable`).
 */
export class OperationConflictError extends GatewayError<OperationConflictExtensions> {
  constructor(
    message: string,
    physicalConnectionId: string | null,
    reason: ConflictReason | null,
    upstream?: UpstreamDetails,
    cause?: unknown,
    retryable = false,
  ) {
    super(
      message,
      withUpstream({ code: 'OPERATION_CONFLICT', retryable, physicalConnectionId, reason }, upstream),
      cause,
    );
  }
}
