/**
 * The gateway's settings: every environment variable the process reads, validated once at start-up
 * (one file per group; rules in src/shared/settings.ts). See docs/runtime.md#settings.
 *
 * Invariants: an invalid value stops the process with a message naming the variable, never echoing
 * a value; `SETTINGS` is the single list of variables, and README.md (Configuration) documents each
 * one (a unit test keeps them in step).
 */
import { readSettings, type Env, type EnvSettings } from '../../shared/settings';
import { AUTH_SETTINGS, authProblems, authSettings } from './auth';
import { CLUSTER_SETTINGS, clusterProblems } from './cluster';
import type { GatewayConfig } from './gateway-config';
import { defaultAllowedHosts, HTTP_SETTINGS } from './http';
import { LIMIT_SETTINGS } from './limits';
import { ConfigError, type ConfigProblem } from './problems';
import { PROCESS_SETTINGS, processProblems } from './process';
import { TRUSTED_DOCUMENT_SETTINGS, trustedDocumentProblems, trustedDocumentSettings } from './trusted-documents';
import { UPSTREAM_SETTINGS, upstreamProblems } from './upstream';

export type { Env } from '../../shared/settings';
export { missingTokenBinding, type AuthSettings } from './auth';
export type { GatewayConfig } from './gateway-config';
export { ConfigError, type ConfigProblem } from './problems';
export type { LogLevel } from './process';
export type { TrustedDocumentSettings } from './trusted-documents';
export type { UpstreamModeSetting } from './upstream';

/** Every variable the gateway itself reads (the Alibaba credential chain reads its own; see docs). */
export const SETTINGS = {
  ...PROCESS_SETTINGS,
  ...UPSTREAM_SETTINGS,
  ...CLUSTER_SETTINGS,
  ...AUTH_SETTINGS,
  ...HTTP_SETTINGS,
  ...LIMIT_SETTINGS,
  ...TRUSTED_DOCUMENT_SETTINGS,
} satisfies EnvSettings;

/** Copies only defined values, so optional keys stay absent instead of `undefined`. */
function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function loadConfig(env: Env): GatewayConfig {
  const { values: v, problems: invalid } = readSettings(SETTINGS, env);
  const problems: ConfigProblem[] = invalid.map(({ name, message }) => ({ variable: name, message }));
  const production = v.NODE_ENV === 'production';
  const auth = authSettings(v);
  const trustedDocuments = trustedDocumentSettings(v);
  const crossChecks = [
    ...authProblems(auth, production),
    ...upstreamProblems(v),
    ...clusterProblems(v.GATEWAY_REDIS_URL, v.VPC_UPSTREAM_QUOTA),
    ...processProblems(v),
    ...trustedDocumentProblems(trustedDocuments),
  ];
  // A variable already reported as invalid reads as unset here; one message per variable is enough.
  problems.push(...crossChecks.filter((p) => !problems.some((q) => q.variable === p.variable)));
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    upstream: {
      mode: v.VPC_UPSTREAM_MODE,
      endpoint: v.VPC_ENDPOINT ?? null,
      defaultRegionId: v.VPC_DEFAULT_REGION,
      signatureVersion: v.VPC_SIGNATURE_VERSION,
      ...defined({ connectionsPerOrigin: v.VPC_CONNECTIONS_PER_ORIGIN, userAgent: v.VPC_USER_AGENT }),
      timeouts: defined({
        connectMs: v.VPC_CONNECT_TIMEOUT_MS,
        headersMs: v.VPC_HEADERS_TIMEOUT_MS,
        bodyMs: v.VPC_BODY_TIMEOUT_MS,
        totalMs: v.VPC_TOTAL_TIMEOUT_MS,
      }),
      retry: defined({
        maxAttempts: v.VPC_RETRY_MAX_ATTEMPTS,
        baseDelayMs: v.VPC_RETRY_BASE_DELAY_MS,
        maxDelayMs: v.VPC_RETRY_MAX_DELAY_MS,
        budgetMs: v.VPC_RETRY_BUDGET_MS,
      }),
      readSharing: defined({
        coalesce: v.VPC_READ_COALESCING,
        cacheTtlMs: v.VPC_READ_CACHE_TTL_MS,
        cacheMaxEntries: v.VPC_READ_CACHE_MAX_ENTRIES,
      }),
      quota: v.VPC_UPSTREAM_QUOTA,
    },
    cluster: { redisUrl: v.GATEWAY_REDIS_URL ?? null },
    emulator: defined({
      transitionMs: v.VPC_EMULATOR_TRANSITION_MS,
      seedPath: v.VPC_EMULATOR_SEED,
      flowControl: v.VPC_EMULATOR_FLOW_CONTROL,
    }),
    auth,
    http: {
      bodyLimitBytes: v.GATEWAY_BODY_LIMIT_BYTES,
      corsOrigins: v.GATEWAY_CORS_ORIGINS,
      trustProxy: v.GATEWAY_TRUST_PROXY,
      allowedHosts: v.GATEWAY_ALLOWED_HOSTS ?? defaultAllowedHosts(v.HOST),
      requestTimeoutMs: v.GATEWAY_REQUEST_TIMEOUT_MS,
    },
    introspection: v.GATEWAY_INTROSPECTION ?? null,
    playground: v.GATEWAY_PLAYGROUND ?? null,
    debugErrors: v.GATEWAY_DEBUG_ERRORS,
    limits: {
      maxDepth: v.GATEWAY_MAX_DEPTH,
      maxAliases: v.GATEWAY_MAX_ALIASES,
      maxTokens: v.GATEWAY_MAX_TOKENS,
      maxDirectives: v.GATEWAY_MAX_DIRECTIVES,
      maxRepeatedFields: v.GATEWAY_MAX_REPEATED_FIELDS,
      maxCost: v.GATEWAY_MAX_COST,
      maxMutationFields: v.GATEWAY_MAX_MUTATION_FIELDS,
    },
    trustedDocuments,
    shutdown: {
      timeoutMs: v.GATEWAY_SHUTDOWN_TIMEOUT_MS,
      drainDelayMs: v.GATEWAY_DRAIN_DELAY_MS,
    },
  };
}
