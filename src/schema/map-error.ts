/**
 * Data-source errors (`BadInputError`, `UpstreamError`) -> the GraphQL vocabulary (`errors/`).
 * The one place an upstream code becomes a client-facing code, so the terminate precondition
 * checks and the upstream's own refusals of the same condition surface identically.
 */
import { BadInputError, UpstreamError } from '../datasources/errors';
import {
  BadUserInputError,
  GatewayError,
  MacsecKeyNotFoundError,
  OperationConflictError,
  PhysicalConnectionNotEnabledError,
  PhysicalConnectionNotFoundError,
  ResourceLockedError,
  UpstreamAuthFailedError,
  UpstreamFailedError,
  UpstreamThrottledError,
  UpstreamUnavailableError,
  VbrsAttachedError,
  type ConflictReason,
  type UpstreamDetails,
} from './errors';

/** What the failing call was about; lets a bare upstream `NotFound` name the circuit. */
export interface ErrorScope {
  regionId?: string;
  physicalConnectionId?: string;
  /** The argument the region came from, named in BAD_USER_INPUT (`input.regionId`); default `regionId`. */
  regionField?: string;
  /** The MACsec key a call named (upper-cased): lets `ResourceNotFound.PconnMacsec` name it. */
  ckn?: string;
}

const CONFLICTS: Readonly<Record<string, { message: string; reason: ConflictReason | null }>> = {
  'OperationFailed.VpconnAttached': {
    message: 'shared-port virtual connections (vpconns) are still attached; remove them first',
    reason: 'VPCONNS_ATTACHED',
  },
  'OperationDenied.MacsecAttached': { message: 'MACsec keys are still attached; remove them first', reason: 'MACSEC_KEYS' },
  IdempotentParameterMismatch: {
    message: 'the clientToken was already used for a different request; use a new clientToken',
    reason: null,
  },
};

/**
 * Another operation holds the resource for now (the data source files them as INVALID_STATE);
 * `IncorrectStatus.PconnMacsec`: a MACsec key of the circuit is still being negotiated.
 */
const TRANSIENT_CONFLICTS: ReadonlySet<string> = new Set(['OperationConflict', 'TaskConflict', 'Conflict.Lock', 'IncorrectStatus.PconnMacsec']);

export function upstreamDetails(error: UpstreamError): UpstreamDetails {
  return { code: error.code, httpStatus: error.httpStatus, requestId: error.requestId };
}

function fromUpstream(error: UpstreamError, scope: ErrorScope): GatewayError {
  const upstream = upstreamDetails(error);
  const pcId = scope.physicalConnectionId;
  const regionId = scope.regionId ?? 'unknown';

  // Specific upstream codes first: they mean the same as the gateway's own precondition checks.
  switch (error.code) {
    case 'Forbidden.NotAllowedInState':
      if (pcId !== undefined) return new PhysicalConnectionNotEnabledError(pcId, null, upstream, error);
      break;
    case 'Forbidden.VbrAttached':
      if (pcId !== undefined) return new VbrsAttachedError(pcId, null, upstream, error);
      break;
    case 'OperationFailed.ResourceLockedBySystem':
      if (pcId !== undefined) return new ResourceLockedError(pcId, null, upstream, error);
      break;
    case 'ResourceNotFound.PconnMacsec':
      if (pcId !== undefined && scope.ckn !== undefined) return new MacsecKeyNotFoundError(pcId, scope.ckn, upstream, error);
      break;
    default:
      break;
  }
  const subject = pcId === undefined ? 'The operation' : `The operation on ${pcId}`;
  const conflict = CONFLICTS[error.code];
  if (conflict !== undefined) {
    const message = `${subject} was refused: ${conflict.message}.`;
    return new OperationConflictError(message, pcId ?? null, conflict.reason, upstream, error);
  }
  if (TRANSIENT_CONFLICTS.has(error.code)) {
    const message = `${subject} was refused: another operation holds the resource; retry after a backoff.`;
    return new OperationConflictError(message, pcId ?? null, null, upstream, error, true);
  }
  if (error.code.startsWith('InvalidRegionId')) {
    const field = scope.regionField ?? 'regionId';
    return new BadUserInputError(field, `Region ${regionId} is not known to the VPC API.`, upstream, error);
  }

  switch (error.kind) {
    case 'NOT_FOUND':
      return pcId !== undefined
        ? new PhysicalConnectionNotFoundError(pcId, regionId, upstream, error)
        : new UpstreamFailedError(upstream, false, error);
    case 'INVALID_STATE':
      return pcId !== undefined
        ? new PhysicalConnectionNotEnabledError(pcId, null, upstream, error)
        : new UpstreamFailedError(upstream, false, error);
    case 'LOCKED':
      return pcId !== undefined
        ? new ResourceLockedError(pcId, null, upstream, error)
        : new UpstreamFailedError(upstream, false, error);
    case 'DEPENDENCY_ATTACHED':
    case 'IDEMPOTENCY_CONFLICT':
      return new OperationConflictError(
        `The VPC API refused the operation (${error.code}).`,
        pcId ?? null,
        null,
        upstream,
        error,
      );
    case 'THROTTLED':
      return new UpstreamThrottledError(upstream, error);
    case 'UNAVAILABLE':
      return new UpstreamUnavailableError(upstream, error);
    case 'AUTH':
      return new UpstreamAuthFailedError(upstream, error);
    case 'BAD_REQUEST':
    case 'UNKNOWN':
      return new UpstreamFailedError(upstream, error.retryable, error);
  }
}

/** The GraphQL error for a data-source error; null for anything else (a bug: masked by format-error). */
export function toGatewayError(error: unknown, scope: ErrorScope = {}): GatewayError | null {
  if (error instanceof GatewayError) return error;
  if (error instanceof BadInputError) return new BadUserInputError(error.field, error.message, undefined, error);
  if (error instanceof UpstreamError) return fromUpstream(error, scope);
  return null;
}

/** Runs a data-source call and rethrows its failure in the GraphQL vocabulary. */
export async function mapErrors<T>(scope: ErrorScope, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGatewayError(error, scope) ?? error;
  }
}
