/** The validated settings `loadConfig` returns: what the rest of the server reads, never `process.env`. */
import type { VpcBackendOptions } from '../../datasources/options';
import type { FlowControlSetting } from '../../emulator';
import type { Rate } from '../../shared/settings';
import type { ParsedHost } from '../../shared/host-names';
import type { AuthSettings } from './auth';
import type { LogLevel } from './process';
import type { TrustedDocumentSettings } from './trusted-documents';
import type { UpstreamModeSetting } from './upstream';

export interface GatewayConfig {
  production: boolean;
  host: string;
  port: number;
  logLevel: LogLevel;
  upstream: {
    mode: UpstreamModeSetting;
    endpoint: string | null;
    defaultRegionId: string;
    signatureVersion: 'v3' | 'v1';
    connectionsPerOrigin?: number;
    /** Only what was set: the data source owns the defaults (src/datasources/options.ts). */
    timeouts: NonNullable<VpcBackendOptions['timeouts']>;
    retry: NonNullable<VpcBackendOptions['retry']>;
    userAgent?: string;
    /** Cross-request read sharing (docs/datasource.md#sharing-reads-across-requests). */
    readSharing: NonNullable<VpcBackendOptions['readSharing']>;
    /** Calls per window per region and action, for every replica together (docs/runtime.md#upstream-budget). */
    quota: Rate | 'off';
  };
  /** Cross-replica state; `redisUrl` null: each process on its own. */
  cluster: { redisUrl: string | null };
  /** Only what was set: the emulator owns the defaults. */
  emulator: { transitionMs?: number; seedPath?: string; flowControl?: FlowControlSetting };
  auth: AuthSettings;
  http: {
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** Fastify's `trustProxy`: `X-Forwarded-*` from every proxy (true), none, or these addresses. */
    trustProxy: boolean | string[];
    /**
     * The Host allowlist. `*`: no check, the operator's choice; null: no check because
     * GATEWAY_ALLOWED_HOSTS is unset and HOST is not loopback (gateway.ts warns in front of a real
     * upstream).
     */
    allowedHosts: ParsedHost[] | '*' | null;
    /** Time to receive a whole request (headers and body), not to answer it. */
    requestTimeoutMs: number;
  };
  /** null: not set; `finalizePosture` (posture.ts) decides once the upstream is known. */
  introspection: boolean | null;
  playground: boolean | null;
  /** Stack traces in error responses; never in production. */
  debugErrors: boolean;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    /** The same response key in one selection set, at most this many times. */
    maxRepeatedFields: number;
    maxCost: number;
    maxMutationFields: number;
  };
  trustedDocuments: TrustedDocumentSettings;
  shutdown: { timeoutMs: number; drainDelayMs: number };
}
