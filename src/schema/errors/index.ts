/**
 * THE error vocabulary of the GraphQL API. Every error a client can see is one of these classes;
 * `extensions` is typed per class and always carries `code` and `retryable`. Upstream-caused errors
 * add `upstream` ({ code, httpStatus, requestId }: enough for a support ticket, never the upstream
 * message, which may echo request details). Mapping from data-source errors: `../map-error.ts`.
 */
export { GATEWAY_ERROR_CODES, GatewayError } from './base';
export type { BaseExtensions, GatewayErrorCode, UpstreamDetails } from './base';
export * from './input';
export * from './preconditions';
export * from './lifecycle';
export * from './macsec';
export * from './upstream';
export * from './access';
export * from './internal';
export * from './vbr-messages';
