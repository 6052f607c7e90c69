/**
 * The JWT key set of GATEWAY_JWKS_URL. Hand-written, not jose's createRemoteJWKSet: that one
 * neither bounds a body that stalls after its headers nor cools down after a failed fetch
 * (docs/runtime.md#authentication-and-authorization).
 * Invariants: one fetch at a time, bounded in time (GATEWAY_JWKS_TIMEOUT_MS) and size
 * (JWKS_MAX_BYTES), no redirects; none within FAILURE_COOLDOWN_MS of a failure, none for an unknown
 * key id within UNKNOWN_KEY_REFETCH_MS of the last; a failed refresh keeps the last good set;
 * nothing of a token is logged.
 */
import { createLocalJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { Agent, request, type Dispatcher } from 'undici';
import type { GatewayLogger } from '../../schema/context';

export const JWKS_MAX_BYTES = 512 * 1024;
export const FAILURE_COOLDOWN_MS = 10_000;
export const UNKNOWN_KEY_REFETCH_MS = 30_000;
export const MAX_AGE_MS = 10 * 60_000;

export type JwksFailureReason = 'timeout' | 'network' | 'http_status' | 'too_large' | 'invalid_json' | 'invalid_key_set';

/** No key set to verify with. Its message is for the operator's log, not for the caller. */
export class KeySetUnavailableError extends Error {
  constructor(
    readonly reason: JwksFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'KeySetUnavailableError';
  }
}

export interface JwksLoaderOptions {
  url: string;
  timeoutMs: number;
  logger?: Pick<GatewayLogger, 'info' | 'warn'>;
  /** Once per failed fetch (the metric). */
  onFailure?: (reason: JwksFailureReason) => void;
  now?: () => number;
  /** Replaces the loader's own connection pool (unit tests: undici MockAgent). */
  dispatcher?: Dispatcher;
}

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

interface LoadedKeySet {
  getKey: LocalKeySet;
  loadedAt: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function failureOf(error: unknown): KeySetUnavailableError {
  if (error instanceof KeySetUnavailableError) return error;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const label = [name, code].filter((part) => typeof part === 'string').join(' ') || 'unknown error';
  const timedOut = name === 'TimeoutError' || (typeof code === 'string' && TIMEOUT_CODES.has(code));
  return new KeySetUnavailableError(timedOut ? 'timeout' : 'network', `key set fetch failed: ${label}`);
}

/** The set's URL as logged: no query string (an operator may have put a key in it). */
function urlForLog(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export class JwksLoader {
  private current: LoadedKeySet | null = null;
  private inFlight: Promise<LoadedKeySet> | null = null;
  private lastAttemptAt = -Infinity;
  private lastFailure: { at: number; error: KeySetUnavailableError } | null = null;
  private readonly dispatcher: Dispatcher;
  private readonly closing = new AbortController();
  private readonly now: () => number;

  constructor(private readonly options: JwksLoaderOptions) {
    this.now = options.now ?? Date.now;
    const { timeoutMs } = options;
    // Two sockets at most: one fetch at a time, plus one left closing after an aborted fetch.
    this.dispatcher =
      options.dispatcher ?? new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 2 });
  }

  /** Readiness: settles once a key set was ever loaded; otherwise tries a fetch (not while cooling down). */
  async ensureLoaded(): Promise<void> {
    if (this.current === null) await this.refresh();
  }

  /** jose's key lookup (`jwtVerify(token, loader.getKey, ...)`). */
  readonly getKey: JWTVerifyGetKey = async (protectedHeader, token) => {
    const set = this.current ?? (await this.refresh());
    if (this.now() - set.loadedAt >= MAX_AGE_MS) this.refresh().catch(() => undefined);
    try {
      return await set.getKey(protectedHeader, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey) || this.now() - this.lastAttemptAt < UNKNOWN_KEY_REFETCH_MS) throw error;
      // A failed refetch leaves the token as it was: no key matches it.
      const fresh = await this.refresh().catch(() => set);
      if (fresh === set) throw error;
      return fresh.getKey(protectedHeader, token);
    }
  };

  /** Aborts a fetch under way and closes the loader's sockets. */
  async close(): Promise<void> {
    this.closing.abort();
    if (this.options.dispatcher === undefined) await this.dispatcher.destroy();
  }

  private refresh(): Promise<LoadedKeySet> {
    if (this.inFlight !== null) return this.inFlight;
    const failure = this.lastFailure;
    if (failure !== null && this.now() - failure.at < FAILURE_COOLDOWN_MS) return Promise.reject(failure.error);
    this.lastAttemptAt = this.now();
    this.inFlight = this.fetchKeySet()
      .then(
        ({ getKey, keys }) => {
          this.current = { getKey, loadedAt: this.now() };
          this.lastFailure = null;
          this.options.logger?.info({ url: urlForLog(this.options.url), keys }, 'JWT key set loaded');
          return this.current;
        },
        (error: unknown) => {
          const unavailable = failureOf(error);
          this.lastFailure = { at: this.now(), error: unavailable };
          if (!this.closing.signal.aborted) {
            this.options.onFailure?.(unavailable.reason);
            this.options.logger?.warn(
              { url: urlForLog(this.options.url), reason: unavailable.reason, detail: unavailable.message, keptPreviousSet: this.current !== null },
              'JWT key set unavailable',
            );
          }
          throw unavailable;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async fetchKeySet(): Promise<{ getKey: LocalKeySet; keys: number }> {
    const { url, timeoutMs } = this.options;
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), this.closing.signal]);
    const response = await request(url, { method: 'GET', headers: { accept: 'application/json' }, dispatcher: this.dispatcher, signal });
    const { body } = response;
    // Destroying an unread body makes undici emit an abort error: expected, and nobody else listens.
    const discard = () => body.once('error', () => undefined).destroy();
    if (response.statusCode !== 200) {
      discard();
      throw new KeySetUnavailableError('http_status', `key set fetch failed: HTTP ${response.statusCode}`);
    }
    const tooLarge = () => new KeySetUnavailableError('too_large', `key set fetch failed: larger than ${JWKS_MAX_BYTES} bytes`);
    if (Number(response.headers['content-length'] ?? 0) > JWKS_MAX_BYTES) {
      discard();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > JWKS_MAX_BYTES) {
        discard();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new KeySetUnavailableError('invalid_json', 'key set fetch failed: the answer is not JSON');
    }
    const keys = (parsed as { keys?: unknown } | null)?.keys;
    // An empty set would make every token fail while looking loaded: treated as no set at all.
    if (!Array.isArray(keys) || keys.length === 0) {
      throw new KeySetUnavailableError('invalid_key_set', 'key set fetch failed: no "keys" array with at least one key');
    }
    try {
      return { getKey: createLocalJWKSet(parsed as Parameters<typeof createLocalJWKSet>[0]), keys: keys.length };
    } catch {
      throw new KeySetUnavailableError('invalid_key_set', 'key set fetch failed: not a JSON Web Key Set');
    }
  }
}
