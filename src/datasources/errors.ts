/**
 * The data source's error vocabulary: every failure that leaves `src/datasources` is one of these
 * (kinds and codes: docs/datasource.md#error-kinds); src/schema/map-error.ts maps them once.
 *
 * Invariant: messages are sanitized at construction, so no property ever holds an access key
 * secret, a signature or a string-to-sign (SignatureDoesNotMatch echoes the string-to-sign).
 */
import { sanitizeMessage } from './wire/sanitize';

export type UpstreamErrorKind =
  /** The resource does not exist (HTTP 404, `*.NotFound`). */
  | 'NOT_FOUND'
  /** The resource is in a state that does not allow the operation. */
  | 'INVALID_STATE'
  /** Something still hangs off the resource (VBRs, vpconns, MACsec keys, router interfaces). */
  | 'DEPENDENCY_ATTACHED'
  /** Financially or security locked by the provider. */
  | 'LOCKED'
  /** Throttled; retryable after a backoff. */
  | 'THROTTLED'
  /** 5xx, ServiceUnavailable, timeouts, transport errors; retryable. */
  | 'UNAVAILABLE'
  /** Credentials, signature or permissions. */
  | 'AUTH'
  /** The upstream refused the request's parameters. */
  | 'BAD_REQUEST'
  /** The ClientToken was already used with different parameters. */
  | 'IDEMPOTENCY_CONFLICT'
  | 'UNKNOWN';

export interface UpstreamErrorInit {
  kind: UpstreamErrorKind;
  /** The upstream `Code`, or a gateway code such as `Transport.Timeout` when nothing came back. */
  code: string;
  /** 0 when no HTTP response arrived. */
  httpStatus: number;
  requestId: string | null;
  hostId: string | null;
  action: string;
  message: string;
  retryable: boolean;
  /** Attempts made, retries included. */
  attempts?: number;
  /**
   * On a failed write: the idempotency token it was sent with (the caller's or a generated one).
   * The failure may not mean the write did not happen (a timeout, a lost response); retrying
   * with this token replays it instead of repeating it.
   */
  clientToken?: string | null;
}

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly code: string;
  readonly httpStatus: number;
  readonly requestId: string | null;
  readonly hostId: string | null;
  readonly action: string;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly clientToken: string | null;

  constructor(init: UpstreamErrorInit) {
    // Builders sanitize with the secrets in use; this pattern-based pass is the backstop.
    super(sanitizeMessage(init.message));
    this.name = 'UpstreamError';
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.hostId = init.hostId;
    this.action = init.action;
    this.retryable = init.retryable;
    this.attempts = init.attempts ?? 1;
    this.clientToken = init.clientToken ?? null;
  }

  /** A copy with what a later layer learnt (attempts made, the write's token); same stack. */
  with(changes: Pick<UpstreamErrorInit, 'attempts' | 'clientToken'>): UpstreamError {
    const copy = new UpstreamError({
      kind: this.kind,
      code: this.code,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      hostId: this.hostId,
      action: this.action,
      message: this.message,
      retryable: this.retryable,
      attempts: this.attempts,
      clientToken: this.clientToken,
      ...changes,
    });
    copy.stack = this.stack;
    return copy;
  }
}

/**
 * An argument failed validation before anything was sent upstream. `field` names the argument
 * (`regionId`, `physicalConnectionId`, `clientToken`, `filter.ids`, ...).
 */
export class BadInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}
