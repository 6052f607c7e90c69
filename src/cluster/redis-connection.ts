/**
 * The process's one Redis connection (ioredis), shared by everything cross-replica (the upstream
 * budget, read sharing, the decommission store). Built only when `GATEWAY_REDIS_URL` is set.
 *
 * - Connects in the background: start-up never waits for Redis, and a gateway whose Redis is down
 *   serves in degraded mode (each user of the connection falls back on its own).
 * - Fails fast: no offline queue (a command while disconnected fails at once instead of waiting for
 *   a reconnect), a bounded connect and command timeout, one attempt per command.
 * - Reconnects by itself for ever, backing off up to `MAX_RECONNECT_DELAY_MS`.
 * - Logs once per state change (unavailable at warn, ready again at info), never the URL's
 *   password: the URL is shown redacted and error texts pass the shared scrubber with the
 *   password as a known secret. Every error is counted (`onError`).
 */
import { Redis } from 'ioredis';
import { redactSecrets } from '../shared/redact';
import { redactRedisUrl, redisPassword } from './redis-url';

export type RedisState = 'connecting' | 'ready' | 'unavailable' | 'closed';

export interface ClusterLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

export interface RedisConnectionOptions {
  /** A URL `parseRedisUrl` accepts (config validated it). */
  url: string;
  logger: ClusterLogger;
  /** Every error: connection failures and failed commands alike. */
  onError?: () => void;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

/** A TCP+TLS connect on a LAN takes milliseconds; more means the server is not there. */
const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
/** A budget decision waits on a command: past this, the process decides alone (degraded). */
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 5_000;

export class RedisConnection {
  readonly client: Redis;
  /** The URL without its password. */
  readonly displayUrl: string;
  private current: RedisState = 'connecting';
  private readonly secrets: string[];
  private readonly listeners = new Set<(state: RedisState) => void>();

  constructor(private readonly options: RedisConnectionOptions) {
    this.displayUrl = redactRedisUrl(options.url);
    const password = redisPassword(options.url);
    this.secrets = password === null ? [] : [password];
    this.client = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), MAX_RECONNECT_DELAY_MS),
      // How long a closing socket may take before it is destroyed (ioredis keeps a timer that long,
      // which would keep a stopping process alive).
      disconnectTimeout: 200,
      // Commands sent before a connection dropped are not replayed on the next one: their callers
      // already went on without them.
      autoResendUnfulfilledCommands: false,
    });
    this.client.on('ready', () => this.enter('ready'));
    this.client.on('close', () => {
      if (this.current === 'ready') this.enter('unavailable');
    });
    this.client.on('error', (error: Error) => {
      this.countError();
      if (this.current !== 'unavailable' && this.current !== 'closed') this.enter('unavailable', error);
    });
    // The first attempt, in the background; failures go to the 'error' listener and are retried.
    this.client.connect().catch(() => undefined);
  }

  get state(): RedisState {
    return this.current;
  }

  get ready(): boolean {
    return this.current === 'ready';
  }

  /** Told on every state change, after its log line; returns the unsubscribe. */
  subscribe(listener: (state: RedisState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts a failed command (the caller fell back); connection errors count themselves. */
  countError(): void {
    try {
      this.options.onError?.();
    } catch {
      // Observers must not break the connection's bookkeeping.
    }
  }

  /** A text (an error message) safe to log: the password and credential shapes removed. */
  scrub(text: string): string {
    return redactSecrets(text, this.secrets).slice(0, 300);
  }

  /** Closes the connection (QUIT when connected, else stops reconnecting); idempotent. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.current = 'closed';
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Closing anyway, below.
      }
    }
    this.client.disconnect();
  }

  private enter(state: RedisState, error?: Error): void {
    if (this.current === 'closed' || this.current === state) return;
    const previous = this.current;
    this.current = state;
    if (state === 'ready') {
      this.options.logger.info({ component: 'redis', url: this.displayUrl, previous }, 'Redis connected');
    } else {
      this.options.logger.warn(
        { component: 'redis', url: this.displayUrl, previous, error: error === undefined ? 'connection closed' : this.scrub(error.message) },
        'Redis unavailable: cross-replica state falls back to this process until it returns',
      );
    }
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // Observers must not break the connection's bookkeeping.
      }
    }
  }
}
