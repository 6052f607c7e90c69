/**
 * The base of the vocabulary: the codes, `GatewayError` (the marker `formatGatewayError` passes
 * through) and the upstream details every upstream-caused error carries.
 */
import { GraphQLError } from 'graphql';

export const GATEWAY_ERROR_CODES = [
  'BAD_USER_INPUT',
  'PHYSICAL_CONNECTION_NOT_FOUND',
  'PHYSICAL_CONNECTION_NOT_ENABLED',
  'VBRS_ATTACHED',
  'RESOURCE_LOCKED',
  'OPERATION_CONFLICT',
  'PHYSICAL_CONNECTION_INVALID_STATE',
  'VBR_NOT_FOUND',
  'VBR_INVALID_STATE',
  'ACCOUNT_NOT_ALLOWED',
  'FOREIGN_VBRS_ATTACHED',
  'QUOTA_EXCEEDED',
  'MACSEC_KEY_NOT_FOUND',
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

export function withUpstream<X extends object>(extensions: X, upstream: UpstreamDetails | undefined): X {
  return upstream === undefined ? extensions : { ...extensions, upstream };
}
