/**
 * Settings of the VPC backend: the public option shape (`VpcBackendOptions`), each option's rule
 * and default (`BACKEND_SETTINGS`), and the resolved form every other module reads (`ResolvedSettings`).
 *
 * Invariant: an invalid option throws at construction (a misconfigured gateway must not start),
 * never at the first request.
 */
import type { Dispatcher } from 'undici';
import { flag, integer, oneOf, printable, readSettings, setting, type Settings, type Values } from '../shared/settings';
import type { UpstreamBudget } from './budget';
import type { CredentialProviderLike } from './wire/credentials';
import { parseEndpointOverride, type Endpoint } from './wire/endpoints';
import type { ReadSharingSettings, SharedSource } from './operations/read-coalescer';

export interface UpstreamCallEvent {
  action: string;
  /** `''` for DescribeRegions, which is not regional. */
  regionId: string;
  /** `'success'` or the error code (upstream `Code`, or e.g. `Transport.Timeout`). */
  outcome: 'success' | string;
  /** 0 when no HTTP response arrived. */
  httpStatus: number;
  durationMs: number;
  /** 1-based attempt number within the logical call. */
  attempt: number;
}

export interface RetryEvent {
  action: string;
  /** The attempt about to be made (2 for the first retry). */
  attempt: number;
  /** The code of the failure being retried. */
  code: string;
  delayMs: number;
}

/**
 * An upstream value the gateway does not know or cannot handle: an optional enum value mapped to
 * null, an item dropped from a list because its required `Status` is unknown, or a `TotalCount`
 * too large to walk (reads/page-walk.ts MAX_PAGES_PER_WALK), for which the whole read fails.
 */
export interface UnexpectedValueEvent {
  action: string;
  resourceId: string | null;
  field: string;
  /** Bounded, control characters removed. */
  value: string;
  /** `walked-to-short-page`: a list without `TotalCount` was read page after page until one came back short. */
  consequence: 'null' | 'item-rejected' | 'list-refused' | 'walked-to-short-page';
}

/** A read served without an upstream call of its own (see operations/read-coalescer.ts). */
export interface SharedReadEvent {
  action: string;
  /** `''` for DescribeRegions. */
  regionId: string;
  /** `coalesced`: joined an identical call in flight; `cache`: a cached result. */
  source: SharedSource;
}

export interface VpcBackendHooks {
  onUpstreamCall?(e: UpstreamCallEvent): void;
  onRetry?(e: RetryEvent): void;
  onUnexpectedValue?(e: UnexpectedValueEvent): void;
  onSharedRead?(e: SharedReadEvent): void;
}

export interface VpcBackendOptions {
  /** E.g. `http://127.0.0.1:9100`; else the per-region public endpoints (HTTPS). */
  endpoint?: string;
  /** Static credentials; else the Alibaba default credential chain. */
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  /** Default `v3` (ACS3-HMAC-SHA256); `v1` is HMAC-SHA1. */
  signatureVersion?: 'v3' | 'v1';
  /** Upper bound of sockets per upstream origin. Default 128. */
  connectionsPerOrigin?: number;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number; totalMs?: number };
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; budgetMs?: number };
  hooks?: VpcBackendHooks;
  /** Appended to the SDK-style user agent. */
  userAgent?: string;
  /**
   * Cross-request read sharing (operations/read-coalescer.ts): identical concurrent reads share one call
   * (`coalesce`, default true); successful reads may be reused for `cacheTtlMs` (default 0: off),
   * at most `cacheMaxEntries` of them (default 1000). Fresh reads and writes never share.
   */
  readSharing?: { coalesce?: boolean; cacheTtlMs?: number; cacheMaxEntries?: number };
  /**
   * Asked before every upstream attempt, per region and action (docs/datasource.md#upstream-budget):
   * default in-process, Alibaba's 300 calls per 60 s (`DEFAULT_UPSTREAM_QUOTA`); the gateway passes
   * its configured one (in-process or cluster-wide); `off`: none.
   */
  budget?: UpstreamBudget | 'off';

  // --- seams for tests (not configuration a deployment sets) ---
  /** An undici dispatcher (e.g. `MockAgent`) used instead of the pooled Agent; `close()` leaves it open. */
  dispatcher?: Dispatcher;
  /** A credential provider object (`getCredential()`), e.g. `new Credential(null, provider)`. */
  credentialProvider?: CredentialProviderLike;
  /** Clock for signatures and the retry budget. */
  now?: () => number;
  /** Signature nonce generator. */
  nonce?: () => string;
  /** Uniform [0, 1) source for backoff jitter. */
  random?: () => number;
}

export interface ResolvedSettings {
  endpoint: Endpoint | null;
  signatureVersion: 'v3' | 'v1';
  connectionsPerOrigin: number;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number; totalMs: number };
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; budgetMs: number };
  userAgent: string | null;
  maxResponseBytes: number;
  readSharing: ReadSharingSettings;
}

const HOUR_MS = 3_600_000;
/** A cache older than a minute would hide real changes for too long; 0 turns it off. */
export const MAX_CACHE_TTL_MS = 60_000;
export const MAX_CACHE_ENTRIES = 100_000;
/** Responses larger than this are refused (a VPC page of 50 items is well under 1 MiB). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Each option's rule and default, written once: `resolveSettings` applies them to the options,
 * and the gateway parses its `VPC_*` variables into the same rules (src/server/config/upstream.ts).
 */
export const BACKEND_SETTINGS = {
  signatureVersion: setting(oneOf(['v3', 'v1'] as const), 'v3'),
  /** 128 sockets: 64 concurrent console lists walking their VBR pages (docs/datasource.md#settings-vpcbackendoptions). */
  connectionsPerOrigin: setting(integer(1, 4096), 128),
  userAgent: setting(printable(128)),
  timeouts: {
    connectMs: setting(integer(1, HOUR_MS), 5_000),
    headersMs: setting(integer(1, HOUR_MS), 10_000),
    bodyMs: setting(integer(1, HOUR_MS), 10_000),
    totalMs: setting(integer(1, HOUR_MS), 15_000),
  },
  retry: {
    maxAttempts: setting(integer(1, 20), 4),
    baseDelayMs: setting(integer(1, HOUR_MS), 200),
    maxDelayMs: setting(integer(1, HOUR_MS), 3_000),
    budgetMs: setting(integer(1, HOUR_MS), 20_000),
  },
  readSharing: {
    coalesce: setting(flag, true),
    cacheTtlMs: setting(integer(0, MAX_CACHE_TTL_MS), 0),
    cacheMaxEntries: setting(integer(1, MAX_CACHE_ENTRIES), 1_000),
  },
};

/** The backoff cap is not below its base (the gateway checks its variables with the same rule). */
export function retryDelaysInOrder(retry: { baseDelayMs: number; maxDelayMs: number }): boolean {
  return retry.maxDelayMs >= retry.baseDelayMs;
}

export function resolveSettings(options: VpcBackendOptions): ResolvedSettings {
  const { timeouts, retry, readSharing, ...client } = BACKEND_SETTINGS;
  const top = resolve('', client, options);
  const settings: ResolvedSettings = {
    endpoint: options.endpoint === undefined ? null : parseEndpointOverride(options.endpoint),
    signatureVersion: top.signatureVersion,
    connectionsPerOrigin: top.connectionsPerOrigin,
    timeouts: resolve('timeouts.', timeouts, options.timeouts ?? {}),
    retry: resolve('retry.', retry, options.retry ?? {}),
    userAgent: top.userAgent ?? null,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    readSharing: resolve('readSharing.', readSharing, options.readSharing ?? {}),
  };
  if (!retryDelaysInOrder(settings.retry)) {
    throw new RangeError('VPC backend option retry.maxDelayMs must be >= retry.baseDelayMs');
  }
  return settings;
}

/** One group of options with its defaults applied; the first invalid one throws, naming it. */
function resolve<S extends Settings>(prefix: string, group: S, options: { readonly [K in keyof S]?: unknown }): Values<S> {
  const { values, problems } = readSettings(group, options, (raw) => raw === undefined);
  const [first] = problems;
  if (first !== undefined) {
    const got = (options as Readonly<Record<string, unknown>>)[first.name];
    throw new RangeError(`VPC backend option ${prefix}${first.name} ${first.message} (got ${String(got)})`);
  }
  return values;
}
