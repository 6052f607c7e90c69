/**
 * The per-request GraphQL context. The runtime (src/server) builds one per HTTP request; resolvers
 * and services read nothing else (no globals), so a test can hand them any data source.
 */
import type { VpcDataSourceApi } from '../datasources/types';

/** pino-compatible subset: structured object first, message second. */
export interface GatewayLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface GatewayAuth {
  /** Authenticated principal, null for anonymous requests. */
  subject: string | null;
  scopes: ReadonlySet<string>;
}

export interface GatewayContext {
  /** One per GraphQL request: owns that request's DataLoaders and cancellation signal. */
  dataSource: VpcDataSourceApi;
  /** `VPC_DEFAULT_REGION` (default `cn-hangzhou`): used when an operation omits `regionId`. */
  defaultRegionId: string;
  /** Correlation id (`x-request-id`). */
  requestId: string;
  logger: GatewayLogger;
  auth: GatewayAuth;
}
