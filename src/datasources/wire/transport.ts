/**
 * HTTP over undici: one keep-alive pool per upstream origin, connect/headers/body timeouts, a
 * per-attempt deadline combined with the caller's signal, and the response-size bound
 * (docs/datasource.md#requests).
 *
 * Invariant: a failure without a complete response is a `TransportFailureError` telling timeout,
 * cancellation, size and connection trouble apart; the caller turns it into an `UpstreamError`.
 */
import { Agent, request, type Dispatcher } from 'undici';
import type { TransportFailure } from './classify';

export interface HttpRequest {
  origin: string;
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  /**
   * Aborting ends the attempt: a read whose caller went away, or a write stopped by a shutdown
   * out of time (a write's own caller can no longer cancel it once sent: write-signal.ts).
   */
  cancelSignal?: AbortSignal;
  /** Milliseconds this attempt may take in total (connect + headers + body). */
  deadlineMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class TransportFailureError extends Error {
  constructor(
    readonly failure: TransportFailure,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'TransportFailureError';
  }
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** undici's `maxResponseSize` tripped: it destroys the socket with this code mid-body. */
const TOO_LARGE_CODE = 'UND_ERR_RES_EXCEEDED_MAX_SIZE';

function describe(error: unknown): { code: string; text: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = (error as { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? `: ${cause.message}` : '';
    return { code: typeof code === 'string' ? code : error.name, text: `${error.message}${causeText}` };
  }
  return { code: 'unknown', text: String(error) };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export interface TransportOptions {
  /** Injected dispatcher (tests); when absent an Agent is created and owned. */
  dispatcher?: Dispatcher;
  connectionsPerOrigin: number;
  connectTimeoutMs: number;
  /** Bound of a response body: the owned Agent's `maxResponseSize`; with an injected dispatcher, counted while reading. */
  maxResponseBytes: number;
}

export class Transport {
  private readonly dispatcher: Dispatcher;
  private readonly owned: boolean;
  private readonly maxResponseBytes: number;

  constructor(options: TransportOptions) {
    this.owned = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connections: options.connectionsPerOrigin,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        connect: { timeout: options.connectTimeoutMs },
        maxResponseSize: options.maxResponseBytes,
      });
    this.maxResponseBytes = options.maxResponseBytes;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    if (req.cancelSignal?.aborted) throw new TransportFailureError('cancelled', '');
    // A cleared timer rather than AbortSignal.timeout(): under load the latter leaves one live
    // timer per finished call until it fires.
    const deadlineController = new AbortController();
    const deadline = deadlineController.signal;
    const timer = setTimeout(() => deadlineController.abort(), req.deadlineMs);
    const signal = req.cancelSignal ? AbortSignal.any([req.cancelSignal, deadline]) : deadline;
    try {
      return await this.exchange(req, signal, deadline);
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(req: HttpRequest, signal: AbortSignal, deadline: AbortSignal): Promise<HttpResponse> {
    const failure = (error: unknown): TransportFailureError => {
      if (error instanceof TransportFailureError) return error;
      if (req.cancelSignal?.aborted) return new TransportFailureError('cancelled', '');
      if (deadline.aborted) return new TransportFailureError('timeout', `no complete answer within ${req.deadlineMs} ms`);
      const { code, text } = describe(error);
      if (code === TOO_LARGE_CODE) return new TransportFailureError('too-large', `more than ${this.maxResponseBytes} bytes`);
      return new TransportFailureError(TIMEOUT_CODES.has(code) ? 'timeout' : 'transport', `${code}: ${text}`);
    };

    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${req.origin}${req.path}`, {
        dispatcher: this.dispatcher,
        method: req.method,
        headers: req.headers,
        signal,
        headersTimeout: req.headersTimeoutMs,
        bodyTimeout: req.bodyTimeoutMs,
      });
    } catch (error) {
      throw failure(error);
    }
    try {
      // The owned Agent counts the bytes as they arrive; a declared length over the bound is refused before any.
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
        throw new TransportFailureError('too-large', `content-length ${declared}`);
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of response.body) {
        chunks.push(chunk as Buffer);
        // An injected dispatcher has no `maxResponseSize` of ours (the public `dispatcher` option).
        if (!this.owned && (bytes += (chunk as Buffer).length) > this.maxResponseBytes) {
          throw new TransportFailureError('too-large', `more than ${this.maxResponseBytes} bytes`);
        }
      }
      return {
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        body: Buffer.concat(chunks).toString('utf8'),
      };
    } catch (error) {
      // Release the socket: an unread body would keep the connection busy.
      response.body.destroy();
      throw failure(error);
    }
  }

  async close(): Promise<void> {
    if (this.owned) await this.dispatcher.close();
  }
}
