/**
 * THE error vocabulary of the GraphQL API. Every error a client can see is one of these classes;
 * `extensions` is typed per class and always carries `code` and `retryable`. Upstream-caused errors
 * add `upstream` ({ code, httpStatus, requestId }: enough for a support ticket, never the upstream
 * message, which may echo request details). Mapping from data-source errors: `map-error.ts`.
 */
import { GraphQLError } from 'graphql';
import type { BusinessStatus, PhysicalConnectionStatus } from '../datasources/models';

export const GATEWAY_ERROR_CODES = [
  'BAD_USER_INPUT',
  'PHYSICAL_CONNECTION_NOT_FOUND',
  'PHYSICAL_CONNECTION_NOT_ENABLED',
  'VBRS_ATTACHED',
  'RESOURCE_LOCKED',
  'OPERATION_CONFLICT',
  'UPSTREAM_THROTTLED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_ERROR',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INTERNAL_SERVER_ERROR',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** What identifies an upstream failure for support; deliberately excludes the upstream message. */
export type UpstreamDetails = {
  /** Alibaba `Code`, or a gateway code such as `Transport.Timeout` when nothing came back. */
  code: string;
  /** 0 when no HTTP response arrived. */
  httpStatus: number;
  requestId: string | null;
};

export type BaseExtensions<C extends GatewayErrorCode = GatewayErrorCode> = {
  code: C;
  retryable: boolean;
  /**
   * On an error of a write the gateway sent upstream: the ClientToken it carried (the caller's or
   * a generated one). A failure without a clear answer (timeout, dropped connection, 5xx) does
   * not mean the write did not happen; retrying with this token replays it instead of repeating it.
   */
  clientToken?: string;
};

/**
 * Base class: the marker `formatGatewayError` looks for (anything else thrown is masked as
 * INTERNAL_SERVER_ERROR). `extensions` is narrowed per subclass so tests and callers get types.
 */
export abstract class GatewayError<X extends BaseExtensions = BaseExtensions> extends GraphQLError {
  declare readonly extensions: X;

  protected constructor(message: string, extensions: X, cause?: unknown) {
    super(message, { extensions, originalError: cause instanceof Error ? cause : undefined });
    this.name = new.target.name;
  }

  /**
   * Marks this error as the outcome of a write sent upstream with `clientToken` (see
   * BaseExtensions). Meant for an error just mapped for this one failure (map-error.ts builds a
   * new one each time), before it is thrown: nobody has read `extensions` yet, so replacing the
   * object (readonly only in GraphQLError's typings) changes nothing anyone saw.
   */
  attemptedWith(clientToken: string): this {
    (this as { extensions: X }).extensions = { ...this.extensions, clientToken };
    return this;
  }
}

function withUpstream<X extends object>(extensions: X, upstream: UpstreamDetails | undefined): X {
  return upstream === undefined ? extensions : { ...extensions, upstream };
}

// ---------------------------------------------------------------- input

export type BadUserInputExtensions = BaseExtensions<'BAD_USER_INPUT'> & {
  /** The argument at fault: `regionId`, `input.clientToken`, `after`, `filter.ids`, ... */
  field: string;
};

/** Invalid argument; nothing was sent upstream (or, with `upstream`, the upstream refused it). */
export class BadUserInputError extends GatewayError<BadUserInputExtensions & { upstream?: UpstreamDetails }> {
  constructor(field: string, message: string, upstream?: UpstreamDetails, cause?: unknown) {
    super(message, withUpstream({ code: 'BAD_USER_INPUT', retryable: false, field }, upstream), cause);
  }
}

// ---------------------------------------------------------------- terminate preconditions

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
 * blockers (which need the text only: building a GraphQLError, stack trace included, per listed
 * circuit just for its message was most of a 20-circuit check's CPU).
 */
export function notEnabledMessage(physicalConnectionId: string, currentStatus: PhysicalConnectionStatus | null): string {
  return currentStatus === null
    ? `Physical connection ${physicalConnectionId} is not ENABLED; only ENABLED connections can be terminated.`
    : `Physical connection ${physicalConnectionId} is ${currentStatus}; only ENABLED connections can be terminated.`;
}

export function vbrsAttachedMessage(physicalConnectionId: string, vbrIds: readonly string[] | null): string {
  return vbrIds === null
    ? `Physical connection ${physicalConnectionId} still has VBRs attached; delete them first.`
    : `Physical connection ${physicalConnectionId} still has ${vbrIds.length} VBR(s) attached (${vbrIds.join(', ')}); delete them first.`;
}

export function lockedMessage(physicalConnectionId: string, businessStatus: BusinessStatus | null): string {
  return businessStatus === null
    ? `Physical connection ${physicalConnectionId} is locked by the provider.`
    : `Physical connection ${physicalConnectionId} is ${businessStatus}; the lock must be lifted before it can be terminated.`;
}

export function macsecKeysMessage(physicalConnectionId: string, keyCount: number): string {
  return `Physical connection ${physicalConnectionId} has ${keyCount} MACsec key(s); remove them before it can be terminated.`;
}

export function vpconnsAttachedMessage(physicalConnectionId: string, vpconnCount: number): string {
  return `Physical connection ${physicalConnectionId} hosts ${vpconnCount} shared-port virtual connection(s) (vpconns); remove them before it can be terminated.`;
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
  ) {
    super(
      notEnabledMessage(physicalConnectionId, currentStatus),
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
  ) {
    super(
      lockedMessage(physicalConnectionId, businessStatus),
      withUpstream({ code: 'RESOURCE_LOCKED', retryable: false, physicalConnectionId, businessStatus }, upstream),
      cause,
    );
  }
}

/** What still hangs off a circuit and blocks its termination (besides VBRs, which have their own code). */
export const CONFLICT_REASONS = ['VPCONNS_ATTACHED', 'MACSEC_KEYS'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export type OperationConflictExtensions = BaseExtensions<'OPERATION_CONFLICT'> & {
  physicalConnectionId: string | null;
  /** VPCONNS_ATTACHED / MACSEC_KEYS; null for a reused token or another operation holding the resource. */
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

// ---------------------------------------------------------------- upstream health

type UpstreamExtensions<C extends GatewayErrorCode> = BaseExtensions<C> & {
  upstream: UpstreamDetails;
};

export type UpstreamThrottledExtensions = UpstreamExtensions<'UPSTREAM_THROTTLED'>;

export class UpstreamThrottledError extends GatewayError<UpstreamThrottledExtensions> {
  constructor(upstream: UpstreamDetails, cause?: unknown) {
    super(
      'The VPC API is throttling requests; retry after a backoff.',
      { code: 'UPSTREAM_THROTTLED', retryable: true, upstream },
      cause,
    );
  }
}

export type UpstreamUnavailableExtensions = UpstreamExtensions<'UPSTREAM_UNAVAILABLE'>;

export class UpstreamUnavailableError extends GatewayError<UpstreamUnavailableExtensions> {
  constructor(upstream: UpstreamDetails, cause?: unknown) {
    super(
      'The VPC API is temporarily unavailable; retry after a backoff.',
      { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstream },
      cause,
    );
  }
}

export type UpstreamAuthFailedExtensions = UpstreamExtensions<'UPSTREAM_AUTH_FAILED'>;

/** The gateway's own credentials or permissions were refused: an operator problem, not the caller's. */
export class UpstreamAuthFailedError extends GatewayError<UpstreamAuthFailedExtensions> {
  constructor(upstream: UpstreamDetails, cause?: unknown) {
    super(
      'The VPC API refused the gateway credentials or permissions.',
      { code: 'UPSTREAM_AUTH_FAILED', retryable: false, upstream },
      cause,
    );
  }
}

export type UpstreamFailedExtensions = UpstreamExtensions<'UPSTREAM_ERROR'>;

/** Any other upstream refusal the gateway has no specific code for. */
export class UpstreamFailedError extends GatewayError<UpstreamFailedExtensions> {
  constructor(upstream: UpstreamDetails, retryable: boolean, cause?: unknown) {
    super(
      `The VPC API refused the request (${upstream.code}).`,
      { code: 'UPSTREAM_ERROR', retryable, upstream },
      cause,
    );
  }
}

// ---------------------------------------------------------------- gateway auth (used by the runtime)

export type UnauthenticatedExtensions = BaseExtensions<'UNAUTHENTICATED'>;

export class UnauthenticatedError extends GatewayError<UnauthenticatedExtensions> {
  constructor(message = 'Authentication required.') {
    super(message, { code: 'UNAUTHENTICATED', retryable: false });
  }
}

export type ForbiddenExtensions = BaseExtensions<'FORBIDDEN'> & {
  /** The scope the operation needs, when one scope would have allowed it. */
  requiredScope: string | null;
};

export class ForbiddenError extends GatewayError<ForbiddenExtensions> {
  constructor(message = 'Not allowed.', requiredScope: string | null = null) {
    super(message, { code: 'FORBIDDEN', retryable: false, requiredScope });
  }
}

// ---------------------------------------------------------------- anything else

export type InternalServerErrorExtensions = BaseExtensions<'INTERNAL_SERVER_ERROR'> & {
  /** Quote it to operators: the log line with the details carries the same id. */
  correlationId: string;
};

export class InternalServerError extends GatewayError<InternalServerErrorExtensions> {
  constructor(correlationId: string) {
    super('Internal server error.', { code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId });
  }
}
