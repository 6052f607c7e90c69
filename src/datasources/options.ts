/**
 * Settings of the VPC backend: the public option shape (`VpcBackendOptions`), its defaults, and
 * the validated, fully resolved form every other module reads (`ResolvedSettings`).
 *
 * Invalid settings throw at construction time (a misconfigured gateway must not start), never at
 * the first request.
 */
import type { Dispatcher } from 'undici';
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
 * too large to walk (loaders.ts MAX_PAGES_PER_WALK), for which the whole read fails.
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

/** A read served without an upstream call of its own (see read-coalescer.ts). */
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
   * Cross-request read sharing (read-coalescer.ts): identical concurrent reads share one call
   * (`coalesce`, default true); successful reads may be reused for `cacheTtlMs` (default 0: off),
   * at most `cacheMaxEntries` of them (default 1000). Fresh reads and writes never share.
   */
  readSharing?: { coalesce?: boolean; cacheTtlMs?: number; cacheMaxEntries?: number };

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
  /** Responses larger than this are refused (a VPC page of 50 items is well under 1 MiB). */
  maxResponseBytes: number;
  readSharing: ReadSharingSettings;
}

const DEFAULTS = {
  // A console list walks VBR pages concurrently: 64 concurrent GraphQL requests need up to 128
  // upstream calls at once, and a pool of 64 capped such a load at 0.6 of what the latency allows
  // (BENCHMARKS.md). Sockets open on demand, so an idle gateway holds none of them.
  connectionsPerOrigin: 128,
  timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000, totalMs: 15_000 },
  retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 3_000, budgetMs: 20_000 },
  maxResponseBytes: 8 * 1024 * 1024,
  readSharing: { coalesce: true, cacheTtlMs: 0, cacheMaxEntries: 1_000 },
} as const;

/** A cache older than a minute would hide real changes for too long; 0 turns it off. */
export const MAX_CACHE_TTL_MS = 60_000;
export const MAX_CACHE_ENTRIES = 100_000;

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`VPC backend option ${name} must be an integer between 1 and ${max} (got ${String(value)})`);
  }
  return value;
}

export function resolveSettings(options: VpcBackendOptions): ResolvedSettings {
  const t = options.timeouts ?? {};
  const r = options.retry ?? {};
  const signatureVersion = options.signatureVersion ?? 'v3';
  if (signatureVersion !== 'v3' && signatureVersion !== 'v1') {
    throw new RangeError(`VPC backend option signatureVersion must be 'v3' or 'v1' (got ${String(signatureVersion)})`);
  }
  const userAgent = options.userAgent === undefined ? null : options.userAgent;
  if (userAgent !== null && !/^[\x20-\x7e]{1,128}$/.test(userAgent)) {
    throw new RangeError('VPC backend option userAgent must be 1..128 printable ASCII characters');
  }
  const hour = 3_600_000;
  const settings: ResolvedSettings = {
    endpoint: options.endpoint === undefined ? null : parseEndpointOverride(options.endpoint),
    signatureVersion,
    connectionsPerOrigin: positiveInt('connectionsPerOrigin', options.connectionsPerOrigin, DEFAULTS.connectionsPerOrigin, 4096),
    timeouts: {
      connectMs: positiveInt('timeouts.connectMs', t.connectMs, DEFAULTS.timeouts.connectMs, hour),
      headersMs: positiveInt('timeouts.headersMs', t.headersMs, DEFAULTS.timeouts.headersMs, hour),
      bodyMs: positiveInt('timeouts.bodyMs', t.bodyMs, DEFAULTS.timeouts.bodyMs, hour),
      totalMs: positiveInt('timeouts.totalMs', t.totalMs, DEFAULTS.timeouts.totalMs, hour),
    },
    retry: {
      maxAttempts: positiveInt('retry.maxAttempts', r.maxAttempts, DEFAULTS.retry.maxAttempts, 20),
      baseDelayMs: positiveInt('retry.baseDelayMs', r.baseDelayMs, DEFAULTS.retry.baseDelayMs, hour),
      maxDelayMs: positiveInt('retry.maxDelayMs', r.maxDelayMs, DEFAULTS.retry.maxDelayMs, hour),
      budgetMs: positiveInt('retry.budgetMs', r.budgetMs, DEFAULTS.retry.budgetMs, hour),
    },
    userAgent,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    readSharing: resolveReadSharing(options.readSharing ?? {}),
  };
  if (settings.retry.maxDelayMs < settings.retry.baseDelayMs) {
    throw new RangeError('VPC backend option retry.maxDelayMs must be >= retry.baseDelayMs');
  }
  return settings;
}

function resolveReadSharing(options: NonNullable<VpcBackendOptions['readSharing']>): ReadSharingSettings {
  const coalesce = options.coalesce ?? DEFAULTS.readSharing.coalesce;
  if (typeof coalesce !== 'boolean') throw new RangeError('VPC backend option readSharing.coalesce must be a boolean');
  const ttl = options.cacheTtlMs ?? DEFAULTS.readSharing.cacheTtlMs;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_CACHE_TTL_MS) {
    throw new RangeError(`VPC backend option readSharing.cacheTtlMs must be an integer between 0 and ${MAX_CACHE_TTL_MS} (got ${String(ttl)})`);
  }
  return {
    coalesce,
    cacheTtlMs: ttl,
    cacheMaxEntries: positiveInt('readSharing.cacheMaxEntries', options.cacheMaxEntries, DEFAULTS.readSharing.cacheMaxEntries, MAX_CACHE_ENTRIES),
  };
}
