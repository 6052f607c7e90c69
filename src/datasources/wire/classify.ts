/**
 * Upstream code + HTTP status -> error kind and retryability, and the `UpstreamError`s built from
 * responses and transport failures (the table: docs/datasource.md#error-kinds).
 *
 * Invariant: retryable means "the same request may succeed later" (throttling, 5xx,
 * ServiceUnavailable, InternalError, timeouts, transport failures); a 4xx business refusal never is.
 */
import { UpstreamError, type UpstreamErrorKind } from '../errors';
import { sanitizeMessage, sanitizeToken } from './sanitize';

export interface Classification {
  kind: UpstreamErrorKind;
  retryable: boolean;
}

const AUTH_CODES: ReadonlySet<string> = new Set([
  'IncompleteSignature',
  'InvalidSignatureMethod',
  'SignatureNonceUsed',
  'Forbidden',
  'Forbidden.RAM',
  'Forbidden.RiskControl',
  'Forbidden.OperationNotAllowedByUser',
  'InvalidCredentials',
]);
const AUTH_PREFIXES = ['InvalidAccessKeyId.', 'Signature', 'InvalidTimeStamp.', 'InvalidSecurityToken.'];

const DEPENDENCY_CODES: ReadonlySet<string> = new Set([
  'Forbidden.VbrAttached',
  'OperationFailed.VpconnAttached',
  'OperationDenied.MacsecAttached',
  'Forbidden.VBRExists',
  'Forbidden.AssociateToVBR',
  'InvalidOperation.RouterInterfaceNotDeleted',
]);

const INVALID_STATE_CODES: ReadonlySet<string> = new Set([
  'Forbidden.NotAllowedInState',
  'InvalidOperation.OperationNotAllowedInState',
  'INSTANCE.STATUS.NOT.ALLOW',
  // A concurrent operation holds the resource: it is in a transient state for now.
  'OperationConflict',
  'TaskConflict',
  'Conflict.Lock',
]);
const INVALID_STATE_PREFIXES = ['IncorrectStatus.', 'InvalidStatus.'];

/** 404s that are about the request, not about a missing resource. */
const BAD_REQUEST_CODES: ReadonlySet<string> = new Set([
  'InvalidFilterKey.ValueNotSupported',
  'InvalidAction.NotFound',
  'InvalidApi.NotFound',
  'InvalidProduct.NotFound',
  'InvalidParameter',
  'InvalidVersion',
  'UnsupportedHTTPMethod',
  'OperationFailed.VlanIdAlreadyInUse',
]);
const BAD_REQUEST_PREFIXES = ['Missing', 'Invalid', 'IllegalParam.', 'QuotaExceeded.', 'OperationUnsupported.'];

function startsWithAny(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code.startsWith(p));
}

export function classify(code: string, httpStatus: number): Classification {
  if (code.includes('Throttling')) return { kind: 'THROTTLED', retryable: true };
  if (httpStatus >= 500 || code === 'ServiceUnavailable' || code === 'InternalError' || code.startsWith('InternalError.')) {
    return { kind: 'UNAVAILABLE', retryable: true };
  }
  if (code === 'IdempotentParameterMismatch') return { kind: 'IDEMPOTENCY_CONFLICT', retryable: false };
  if (AUTH_CODES.has(code) || startsWithAny(code, AUTH_PREFIXES) || /^Forbidden\..*NotAllowedByCaller$/.test(code)) {
    return { kind: 'AUTH', retryable: false };
  }
  if (code === 'OperationFailed.ResourceLockedBySystem') return { kind: 'LOCKED', retryable: false };
  if (DEPENDENCY_CODES.has(code) || code.startsWith('DependencyViolation.')) {
    return { kind: 'DEPENDENCY_ATTACHED', retryable: false };
  }
  if (INVALID_STATE_CODES.has(code) || startsWithAny(code, INVALID_STATE_PREFIXES) || code.endsWith('.NotEnabled')) {
    return { kind: 'INVALID_STATE', retryable: false };
  }
  if (BAD_REQUEST_CODES.has(code)) return { kind: 'BAD_REQUEST', retryable: false };
  if (
    httpStatus === 404 ||
    code.endsWith('NotFound') || // `*.NotFound`, `Forbidden.InstanceNotFound`
    code.startsWith('ResourceNotFound') ||
    code === 'InvalidPhysicalConnectionId.NotMatched'
  ) {
    return { kind: 'NOT_FOUND', retryable: false };
  }
  if (startsWithAny(code, BAD_REQUEST_PREFIXES) || /\.Malforme?d$/.test(code)) {
    return { kind: 'BAD_REQUEST', retryable: false };
  }
  return { kind: 'UNKNOWN', retryable: false };
}

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------

export interface ResponseErrorInput {
  action: string;
  httpStatus: number;
  /** Parsed error body (JSON or XML `Error`), or null when it could not be parsed. */
  body: Record<string, unknown> | null;
  headerRequestId: string | null;
  knownSecrets: ReadonlySet<string>;
}

function field(body: Record<string, unknown> | null, ...names: string[]): unknown {
  if (!body) return undefined;
  for (const n of names) if (body[n] !== undefined && body[n] !== null) return body[n];
  return undefined;
}

/** An HTTP error response (4xx/5xx) or a 2xx body carrying an error `Code` (POP style). */
export function errorFromResponse(input: ResponseErrorInput): UpstreamError {
  const rawCode = field(input.body, 'Code', 'code');
  const code = sanitizeToken(rawCode, 100) ?? `Http.${input.httpStatus}`;
  const rawMessage = field(input.body, 'Message', 'message');
  const message =
    typeof rawMessage === 'string' && rawMessage.trim() !== ''
      ? sanitizeMessage(rawMessage, input.knownSecrets)
      : `The upstream answered HTTP ${input.httpStatus}${input.body ? '' : ' with an unreadable body'}`;
  const { kind, retryable } = classify(code, input.httpStatus);
  return new UpstreamError({
    kind,
    code,
    httpStatus: input.httpStatus,
    requestId: sanitizeToken(field(input.body, 'RequestId', 'requestId')) ?? input.headerRequestId,
    hostId: sanitizeToken(field(input.body, 'HostId', 'hostId'), 253),
    action: input.action,
    message,
    retryable,
  });
}

/** A 2xx whose body could not be read or parsed: the call may have happened; retry is safe. */
export function malformedResponse(
  action: string,
  httpStatus: number,
  requestId: string | null,
  what: string,
): UpstreamError {
  return new UpstreamError({
    kind: 'UNAVAILABLE',
    code: 'Response.Malformed',
    httpStatus,
    requestId,
    hostId: null,
    action,
    message: `The upstream ${action} response could not be read: ${what}`,
    retryable: true,
  });
}

export type TransportFailure = 'timeout' | 'cancelled' | 'transport' | 'too-large';

const TRANSPORT_CODES: Record<TransportFailure, string> = {
  timeout: 'Transport.Timeout',
  cancelled: 'Request.Cancelled',
  transport: 'Transport.Error',
  'too-large': 'Response.TooLarge',
};

/** No (complete) HTTP response: the request may or may not have reached the upstream. */
export function errorFromTransport(
  action: string,
  failure: TransportFailure,
  detail: string,
  knownSecrets: ReadonlySet<string>,
): UpstreamError {
  const messages: Record<TransportFailure, string> = {
    timeout: `The upstream did not answer ${action} in time`,
    cancelled: `The ${action} call was cancelled by the caller`,
    transport: `The connection to the upstream failed during ${action}`,
    'too-large': `The upstream ${action} response exceeded the size limit`,
  };
  const safeDetail = sanitizeMessage(detail, knownSecrets);
  return new UpstreamError({
    kind: 'UNAVAILABLE',
    code: TRANSPORT_CODES[failure],
    httpStatus: 0,
    requestId: null,
    hostId: null,
    action,
    message: safeDetail ? `${messages[failure]} (${safeDetail})` : messages[failure],
    // A cancelled caller has gone away; nobody is waiting for a retry.
    retryable: failure === 'timeout' || failure === 'transport',
  });
}
