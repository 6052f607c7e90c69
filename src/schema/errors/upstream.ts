/** The upstream's health and the gateway's credentials: throttled, unavailable, refused, anything else. */
import { GatewayError, type BaseExtensions, type GatewayErrorCode, type UpstreamDetails } from './base';

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
