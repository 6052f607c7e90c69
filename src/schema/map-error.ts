/**
 * Data-source errors (`BadInputError`, `UpstreamError`) -> the GraphQL vocabulary (`errors/`).
 * The one place an upstream code becomes a client-facing code, so the terminate precondition
 * checks and the upstream's own refusals of the same condition surface identically.
 */
import { BadInputError, UpstreamError } from '../datasources/errors';
import {
  BadUserInputError,
  GatewayError,
  OperationConflictError,
  PHYSICAL_CONNECTION_ACTION_STATUSES,
  PhysicalConnectionInvalidStateError,
  PhysicalConnectionNotEnabledError,
  PhysicalConnectionNotFoundError,
  QuotaExceededError,
  ResourceLockedError,
  UpstreamAuthFailedError,
  UpstreamFailedError,
  UpstreamThrottledError,
  UpstreamUnavailableError,
  VbrsAttachedError,
  type ConflictReason,
  type PhysicalConnectionAction,
  type UpstreamDetails,
} from './errors';

/** What the failing call was about; lets a bare upstream `NotFound` name the circuit. */
export interface ErrorScope {
  regionId?: string;
  physicalConnectionId?: string;
  /** The argument the region came from, named in BAD_USER_INPUT (`input.regionId`); default `regionId`. */
  regionField?: string;
  /** The lifecycle action of the call: a circuit status refusal of any action but TERMINATE is PHYSICAL_CONNECTION_INVALID_STATE. */
  action?: PhysicalConnectionAction;
}

/** Upstream refusals of one argument: BAD_USER_INPUT on that field of the mutation's `input`. */
const INPUT_FIELDS: Readonly<Record<string, string>> = {
  'InvalidAccessPointId.NotEnabled': 'accessPointId',
  'InvalidName.Malformed': 'name',
  'InvalidDescription.Malformed': 'description',
  'InvalidCircuitCode.Malformed': 'circuitCode',
  // `Malformd`: as the upstream publishes these codes.
  'InvalidPeerLocation.Malformd': 'peerLocation',
  'InvalidLineOperator.Malformd': 'lineOperator',
  'InvalidPortType.Malformd': 'portType',
  'InvalidType.Malformd': 'type',
  InvalidBandwidth: 'bandwidth',
  'InvalidRedundantPhysicalConnectionId.NotFound': 'redundantPhysicalConnectionId',
  InvalidRedundantPhysicalConnection: 'redundantPhysicalConnectionId',
  InvalidRedundantPhysicalConnectionStatus: 'redundantPhysicalConnectionId',
};

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

/** Another operation holds the resource for now (the data source files them as INVALID_STATE). */
const TRANSIENT_CONFLICTS: ReadonlySet<string> = new Set(['OperationConflict', 'TaskConflict', 'Conflict.Lock']);

export function upstreamDetails(error: UpstreamError): UpstreamDetails {
  return { code: error.code, httpStatus: error.httpStatus, requestId: error.requestId };
}

/** A circuit status refusal: NOT_ENABLED for a terminate (or an action that needs ENABLED), INVALID_STATE for the others. */
function circuitStateError(pcId: string, action: PhysicalConnectionAction | undefined, upstream: UpstreamDetails, error: UpstreamError): GatewayError {
  return action === undefined || action === 'TERMINATE'
    ? new PhysicalConnectionNotEnabledError(pcId, null, upstream, error)
    : new PhysicalConnectionInvalidStateError(pcId, action, null, PHYSICAL_CONNECTION_ACTION_STATUSES[action], upstream, error);
}

function fromUpstream(error: UpstreamError, scope: ErrorScope): GatewayError {
  const upstream = upstreamDetails(error);
  const pcId = scope.physicalConnectionId;
  const regionId = scope.regionId ?? 'unknown';

  const field = INPUT_FIELDS[error.code];
  if (field !== undefined) {
    return new BadUserInputError(`input.${field}`, `The VPC API refused input.${field} (${error.code}).`, upstream, error);
  }
  if (error.code.startsWith('QuotaExceeded.')) return new QuotaExceededError(upstream, error);
  // Specific upstream codes first: they mean the same as the gateway's own precondition checks.
  switch (error.code) {
    case 'Forbidden.NotAllowedInState':
    case 'IncorrectStatus.PhysicalConnection':
      if (pcId !== undefined) return circuitStateError(pcId, scope.action, upstream, error);
      break;
    case 'InvalidPhysicalConnectionId.NotEnabled':
      if (pcId !== undefined) return new PhysicalConnectionNotEnabledError(pcId, null, upstream, error);
      break;
    case 'Forbidden.VbrAttached':
    case 'Forbidden.VBRExists':
    case 'Forbidden.AssociateToVBR':
      if (pcId !== undefined) return new VbrsAttachedError(pcId, null, upstream, error);
      break;
    case 'OperationFailed.ResourceLockedBySystem':
      if (pcId !== undefined) return new ResourceLockedError(pcId, null, upstream, error);
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
      return pcId !== undefined ? circuitStateError(pcId, scope.action, upstream, error) : new UpstreamFailedError(upstream, false, error);
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
