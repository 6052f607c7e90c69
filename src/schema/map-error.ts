/**
 * Data-source errors (`BadInputError`, `UpstreamError`) -> the GraphQL vocabulary (`errors/`).
 * The one place an upstream code becomes a client-facing code, so the terminate precondition
 * checks and the upstream's own refusals of the same condition surface identically.
 */
import { BadInputError, UpstreamError } from '../datasources/errors';
import {
  AccountNotAllowedError,
  accountRefusedMessage,
  BadUserInputError,
  GatewayError,
  MacsecKeyNotFoundError,
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
  VBR_ALLOWED_FROM,
  VbrInvalidStateError,
  VbrNotFoundError,
  VbrsAttachedError,
  vlanInUseMessage,
  type ConflictReason,
  type PhysicalConnectionAction,
  type UpstreamDetails,
  type VbrAction,
} from './errors';

/** What the failing call was about; lets a bare upstream `NotFound` name the circuit or the VBR. */
export interface ErrorScope {
  regionId?: string;
  physicalConnectionId?: string;
  /** The argument the region came from, named in BAD_USER_INPUT (`input.regionId`); default `regionId`. */
  regionField?: string;
  /** A VBR write or read: upstream VBR refusals name it. */
  vbrId?: string;
  /** The VBR action of a write, named by VBR_INVALID_STATE. */
  vbrAction?: VbrAction;
  /**
   * The GraphQL argument a write's parameters came from (`input`): an upstream refusal of one
   * parameter (`InvalidVlanId.Used`, `InvalidName.Malformed`, ...) becomes BAD_USER_INPUT naming
   * its field (`input.vlanId`). Unset, such refusals stay UPSTREAM_ERROR.
   */
  inputPath?: string;
  /** The MACsec key a call named (upper-cased): lets `ResourceNotFound.PconnMacsec` name it. */
  ckn?: string;
  /** The lifecycle action of the call: a circuit status refusal of any action but TERMINATE is PHYSICAL_CONNECTION_INVALID_STATE. */
  action?: PhysicalConnectionAction;
}

/** Upstream refusals of one argument whose code does not spell the parameter (`refusedField` derives the rest). */
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

const CONFLICTS: Readonly<Record<string, { message: string; reason: ConflictReason | null; retryable?: boolean }>> = {
  'OperationFailed.VpconnAttached': {
    message: 'shared-port virtual connections (vpconns) are still attached; remove them first',
    reason: 'VPCONNS_ATTACHED',
  },
  'OperationDenied.MacsecAttached': { message: 'MACsec keys are still attached; remove them first', reason: 'MACSEC_KEYS' },
  IdempotentParameterMismatch: {
    message: 'the clientToken was already used for a different request; use a new clientToken',
    reason: null,
  },
  'InvalidOperation.RouterInterfaceNotDeleted': { message: 'router interfaces are still on the VBR; delete them first', reason: 'ROUTER_INTERFACES' },
  'DependencyViolation.RouterInterfaceReferedByRouteEntry': {
    message: "route entries still use the VBR's router interface; delete them first",
    reason: 'ROUTER_INTERFACES',
  },
  // Terraform retries it: the BGP groups of a VBR being cleaned up disappear by themselves.
  'DependencyViolation.BgpGroup': { message: 'BGP groups are still on the VBR; retry after a backoff', reason: 'BGP_GROUPS', retryable: true },
};

/** `Invalid<Parameter>.<Problem>` codes refusing one parameter; the field is the parameter in camelCase. */
const PARAMETER_REFUSAL = /^Invalid([A-Z][A-Za-z0-9]*)\.(Malformed|Malformd|Used)$/;

/** The input field an upstream refusal of one parameter names; null when the code names none. */
function refusedField(code: string, inputPath: string): string | null {
  const named = INPUT_FIELDS[code];
  if (named !== undefined) return `${inputPath}.${named}`;
  switch (code) {
    case 'InvalidIp.NotSameSubnet':
      return `${inputPath}.peerGatewayIp`;
    // One of the addresses, the upstream does not say which.
    case 'InvalidIp.Malformed':
    case 'InvalidParameter':
      return inputPath;
    case 'InvalidVbrOwnerId.NotFound':
      return `${inputPath}.vbrOwnerId`;
    default: {
      const parameter = PARAMETER_REFUSAL.exec(code)?.[1];
      return parameter === undefined ? null : `${inputPath}.${parameter.charAt(0).toLowerCase()}${parameter.slice(1)}`;
    }
  }
}

/** The upstream's VBR refusals (and the account and quota ones every write may get); null for the rest. */
function fromVbrOrAccount(error: UpstreamError, scope: ErrorScope, upstream: UpstreamDetails): GatewayError | null {
  const { vbrId, vbrAction, physicalConnectionId: pcId } = scope;
  const regionId = scope.regionId ?? 'unknown';
  if (vbrId !== undefined) {
    if (error.code === 'InvalidVbrId.NotFound') return new VbrNotFoundError(vbrId, regionId, upstream, error);
    const badState = error.code === 'InvalidOperation.OperationNotAllowedInState' || error.code.startsWith('InvalidStatus.');
    if (badState && vbrAction !== undefined) {
      return new VbrInvalidStateError(vbrId, vbrAction, null, VBR_ALLOWED_FROM[vbrAction], upstream, error);
    }
    if (error.code === 'OperationFailed.VlanIdAlreadyInUse') {
      return new OperationConflictError(vlanInUseMessage(vbrId, null, null), pcId ?? null, 'VLAN_IN_USE', upstream, error);
    }
  }
  const resourceId = vbrId ?? pcId;
  const accountRefused = error.code === 'Forbidden.OperationNotAllowedByUser' || /^Forbidden\.[A-Za-z]+NotAllowedByCaller$/.test(error.code);
  if (resourceId !== undefined && accountRefused) {
    return new AccountNotAllowedError(accountRefusedMessage(resourceId, error.code), resourceId, null, upstream, error);
  }
  const field = scope.inputPath === undefined ? null : refusedField(error.code, scope.inputPath);
  if (field !== null) return new BadUserInputError(field, `The VPC API refused ${field} (${error.code}).`, upstream, error);
  return null;
}

/**
 * Another operation holds the resource for now (the data source files them as INVALID_STATE);
 * `IncorrectStatus.PconnMacsec`: a MACsec key of the circuit is still being negotiated.
 */
const TRANSIENT_CONFLICTS: ReadonlySet<string> = new Set(['OperationConflict', 'TaskConflict', 'Conflict.Lock', 'IncorrectStatus.PconnMacsec']);

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
    case 'ResourceNotFound.PconnMacsec':
      if (pcId !== undefined && scope.ckn !== undefined) return new MacsecKeyNotFoundError(pcId, scope.ckn, upstream, error);
      break;
    default:
      break;
  }
  const vbrOrAccount = fromVbrOrAccount(error, scope, upstream);
  if (vbrOrAccount !== null) return vbrOrAccount;
  const target = scope.vbrId ?? pcId;
  const subject = target === undefined ? 'The operation' : `The operation on ${target}`;
  const conflict = CONFLICTS[error.code];
  if (conflict !== undefined) {
    const message = `${subject} was refused: ${conflict.message}.`;
    return new OperationConflictError(message, pcId ?? null, conflict.reason, upstream, error, conflict.retryable ?? false);
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
