/**
 * One logical upstream call: endpoint, signature (fresh per attempt), send, read, classify, retry
 * what may be retried (retry.ts), report every attempt to the hooks.
 *
 * Invariants: the parameters are fixed for the whole call, so a write's token is the same on every
 * retry; a write once sent is no longer cancelled by its caller (write-signal.ts) and is tracked
 * until it settles, so the backend's close can wait for it.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { errorFromResponse, errorFromTransport, malformedResponse } from './classify';
import type { CredentialSource } from './credentials';
import { GLOBAL_REGION, resolveEndpoint, type RegionId } from './endpoints';
import { UpstreamError } from '../errors';
import type { UpstreamBudget } from '../budget';
import type { ResolvedSettings, VpcBackendHooks } from '../options';
import { passBudget } from './budget-gate';
import { BodyParseError, parseBody } from './parse';
import { withRetries } from './retry';
import { sanitizeMessage, sanitizeToken } from './sanitize';
import { sign } from './signer';
import { Transport, TransportFailureError, type HttpResponse } from './transport';
import { WriteSignal } from './write-signal';
import type { InFlight } from '../../shared/in-flight';

export interface VpcCallRequest {
  action: string;
  /** Null for calls that are not regional (DescribeRegions): sent to the central endpoint. */
  regionId: RegionId | null;
  /** Flattened business parameters, `RegionId` included when the API takes it. */
  params: Readonly<Record<string, string>>;
  /** The caller's cancellation: of the whole call for a read, of a write only until it is sent. */
  signal?: AbortSignal;
  /** A write: it outlives its caller once its first attempt is handed to the transport. */
  write?: boolean;
  /** A read a decision depends on: like a write, it may use the budget's reserve. */
  fresh?: boolean;
  /**
   * Default true. False for a write without an idempotency token: an attempt that may have reached
   * the upstream is not resent (it could act twice); only throttling, refused before acting, is.
   */
  resendable?: boolean;
}

export interface VpcCallResult {
  body: Record<string, unknown>;
  requestId: string;
  attempts: number;
}

export interface UpstreamClientDeps {
  settings: ResolvedSettings;
  transport: Transport;
  credentials: CredentialSource;
  /** Secrets in use, removed verbatim from any upstream text that reaches an error. */
  knownSecrets: ReadonlySet<string>;
  hooks: VpcBackendHooks;
  now: () => number;
  nonce: () => string;
  random: () => number;
  /** Every write, from the call until it settles. */
  writes: InFlight;
  /** Ends the writes still in flight (a forced shutdown): they fail as cancelled, outcome unknown. */
  stopWrites: AbortSignal;
  /** Asked before every attempt; null: no budget (`budget: 'off'`). */
  budget: UpstreamBudget | null;
}

const SUCCESS_CODES: ReadonlySet<string> = new Set(['200', 'OK', 'Success', 'success']);
/** The official SDK reads `x-acs-retry-after` as milliseconds (darabonba `getBackoffDelay`). */
const MAX_RETRY_AFTER_MS = 3_600_000;
const SDK_USER_AGENT = `AlibabaCloud (${process.platform}; ${process.arch}) Node.js/${process.version} Core/1.0.1 TeaDSL/2`;

/** 32 hex digits, like the SDK's; randomUUID draws from a cached entropy pool (randomBytes does a syscall per call). */
export function defaultNonce(): string {
  return randomUUID().replaceAll('-', '');
}

/** Server-requested waits, kept beside the error rather than on it (it is not part of the vocabulary). */
const retryAfter = new WeakMap<UpstreamError, number>();

export class UpstreamClient {
  private readonly userAgent: string;

  constructor(private readonly deps: UpstreamClientDeps) {
    this.userAgent = deps.settings.userAgent ? `${SDK_USER_AGENT} ${deps.settings.userAgent}` : SDK_USER_AGENT;
  }

  /** What a call reports when its caller cancels it (also for a caller that stops waiting on a shared read). */
  cancelled(action: string): UpstreamError {
    return errorFromTransport(action, 'cancelled', '', this.deps.knownSecrets);
  }

  async call(req: VpcCallRequest): Promise<VpcCallResult> {
    if (req.write !== true) return this.run(req, req.signal, () => undefined);
    const cancellation = new WriteSignal(req.signal, this.deps.stopWrites);
    const write = this.run(req, cancellation.signal, () => cancellation.sent());
    return this.deps.writes.track(write.finally(() => cancellation.dispose()));
  }

  /** The logical call under `signal`; `sending` runs just before an attempt goes to the transport. */
  private async run(req: VpcCallRequest, signal: AbortSignal | undefined, sending: () => void): Promise<VpcCallResult> {
    const { settings, hooks } = this.deps;
    let attempts = 0;
    let lastDelay = 0;
    // The budget may hold an attempt back as long as the retry budget lasts, not longer.
    const deadline = this.deps.now() + settings.retry.budgetMs;
    const { budget } = this.deps;
    try {
      return await withRetries(
        async ({ attempt }) => {
          attempts = attempt;
          if (budget !== null) await passBudget(budget, req, deadline, signal, () => this.cancelled(req.action));
          const result = await this.attempt(req, attempt, lastDelay, signal, sending);
          return { ...result, attempts: attempt };
        },
        {
          settings: settings.retry,
          ...(signal ? { signal } : {}),
          now: this.deps.now,
          random: this.deps.random,
          isRetryable: (e) => e instanceof UpstreamError && e.retryable && (req.resendable !== false || e.kind === 'THROTTLED'),
          retryAfterMs: (e) => (e instanceof UpstreamError ? retryAfter.get(e) : undefined),
          onRetry: ({ attempt, error, delayMs }) => {
            lastDelay = delayMs;
            const code = error instanceof UpstreamError ? error.code : 'unknown';
            safely(() => hooks.onRetry?.({ action: req.action, attempt, code, delayMs }));
          },
          cancelled: () => this.cancelled(req.action),
        },
      );
    } catch (error) {
      if (error instanceof UpstreamError) throw error.with({ attempts: Math.max(1, attempts) });
      // Not expected: still leave the data source as the documented vocabulary, never raw.
      throw new UpstreamError({
        kind: 'UNKNOWN',
        code: 'Gateway.Unexpected',
        httpStatus: 0,
        requestId: null,
        hostId: null,
        action: req.action,
        message: sanitizeMessage(error instanceof Error ? error.message : String(error), this.deps.knownSecrets),
        retryable: false,
        attempts: Math.max(1, attempts),
      });
    }
  }

  private async attempt(
    req: VpcCallRequest,
    attempt: number,
    delayMs: number,
    signal: AbortSignal | undefined,
    sending: () => void,
  ): Promise<Omit<VpcCallResult, 'attempts'>> {
    const { settings, hooks, knownSecrets } = this.deps;
    const cancelled = () => errorFromTransport(req.action, 'cancelled', '', knownSecrets);
    if (signal?.aborted) throw cancelled();
    const endpoint = resolveEndpoint(req.regionId ?? GLOBAL_REGION, settings.endpoint);
    const credentials = await this.deps.credentials.get();
    const signed = sign(settings.signatureVersion, {
      action: req.action,
      host: endpoint.host,
      params: req.params,
      credentials,
      now: new Date(this.deps.now()),
      nonce: this.deps.nonce(),
      userAgent: this.userAgent,
      ...(attempt > 1 ? { retry: { attemptsMade: attempt - 1, delayMs } } : {}),
    });
    const started = performance.now();
    const report = (outcome: string, httpStatus: number) =>
      safely(() =>
        hooks.onUpstreamCall?.({
          action: req.action,
          regionId: req.regionId ?? '',
          outcome,
          httpStatus,
          durationMs: performance.now() - started,
          attempt,
        }),
      );

    // Credentials may have taken a while: a caller gone by now still cancels a write unsent.
    if (signal?.aborted) throw cancelled();
    sending();
    let response: HttpResponse;
    try {
      response = await this.deps.transport.send({
        origin: endpoint.origin,
        method: signed.method,
        path: signed.path,
        headers: signed.headers,
        ...(signal ? { cancelSignal: signal } : {}),
        deadlineMs: settings.timeouts.totalMs,
        headersTimeoutMs: settings.timeouts.headersMs,
        bodyTimeoutMs: settings.timeouts.bodyMs,
      });
    } catch (error) {
      const upstream =
        error instanceof TransportFailureError
          ? errorFromTransport(req.action, error.failure, error.detail, knownSecrets)
          : errorFromTransport(req.action, 'transport', error instanceof Error ? error.message : '', knownSecrets);
      report(upstream.code, 0);
      throw upstream;
    }
    try {
      const result = this.interpret(req.action, response);
      report('success', response.status);
      return result;
    } catch (error) {
      if (error instanceof UpstreamError) report(error.code, response.status);
      throw error;
    }
  }

  private interpret(action: string, response: HttpResponse): Omit<VpcCallResult, 'attempts'> {
    const headerRequestId = sanitizeToken(response.headers['x-acs-request-id']);
    const contentType = response.headers['content-type'] ?? null;
    if (response.status < 200 || response.status >= 300) {
      let body: Record<string, unknown> | null = null;
      try {
        body = parseBody(contentType, response.body);
      } catch {
        // An unreadable error body still yields a classified error from the status alone.
      }
      const error = errorFromResponse({ action, httpStatus: response.status, body, headerRequestId, knownSecrets: this.deps.knownSecrets });
      const delayMs = Number.parseInt(response.headers['x-acs-retry-after'] ?? '', 10);
      if (Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= MAX_RETRY_AFTER_MS) retryAfter.set(error, delayMs);
      throw error;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(contentType, response.body);
    } catch (error) {
      throw malformedResponse(action, response.status, headerRequestId, error instanceof BodyParseError ? error.message : 'unreadable');
    }
    // The legacy POP convention: an error `Code` inside a 2xx body is still an error.
    const code = body.Code ?? body.code;
    if (code !== undefined && code !== null && !SUCCESS_CODES.has(String(code))) {
      throw errorFromResponse({ action, httpStatus: response.status, body, headerRequestId, knownSecrets: this.deps.knownSecrets });
    }
    const requestId = sanitizeToken(body.RequestId) ?? headerRequestId;
    if (!requestId) throw malformedResponse(action, response.status, null, 'no RequestId');
    return { body, requestId };
  }
}

/** A hook that throws must not turn a successful upstream call into a failure. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Deliberately ignored: hooks are observers.
  }
}
