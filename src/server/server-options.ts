/**
 * Fastify server options that act before any route: request ids, the receive timeout, and the
 * answers to what no route sees (Node's client errors).
 * Invariants: only the time to RECEIVE a request is bounded (headers and body alike), never the
 * time to answer it; an early answer has the GraphQL error shape and closes its socket.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config';
import type { GatewayMetrics } from './metrics';
import { handleError } from './plugins/error-handler';

/** Letters, digits and `._:-`, at most 128: safe in a header, a log line and a metric-free id. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's `x-request-id` when it is well-formed, else a fresh UUID (never the bad value). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value !== undefined && REQUEST_ID.test(value) ? value : randomUUID();
}

export function genReqId(raw: IncomingMessage): string {
  return requestIdFrom(raw.headers['x-request-id']);
}

export interface RequestTimeoutOptions {
  requestTimeout: number;
  http: Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'>;
}

export function requestTimeoutOptions(timeoutMs: number): RequestTimeoutOptions {
  // Node checks incomplete requests every `connectionsCheckingInterval` (default 30 s): a tenth of
  // the timeout, at most every second, keeps the 408 within about 10 % of it.
  const checkEveryMs = Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 10)));
  return {
    // Also Fastify's own: its default (0) would switch Node's off.
    requestTimeout: timeoutMs,
    // Headers get the same bound as the whole request: one setting, one promise to operators.
    http: { requestTimeout: timeoutMs, headersTimeout: timeoutMs, connectionsCheckingInterval: checkEveryMs },
  };
}

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

function answerFor(errorCode: string | undefined, timeoutMs: number): ClientErrorAnswer {
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      reason: 'Request Timeout',
      code: 'REQUEST_TIMEOUT',
      message: `The request was not received within ${timeoutMs} ms (GATEWAY_REQUEST_TIMEOUT_MS).`,
    };
  }
  if (errorCode === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, reason: 'Request Header Fields Too Large', code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', message: 'The request headers are too large.' };
  }
  return { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' };
}

/**
 * Fastify's `clientErrorHandler`: errors Node raises before there is a request object (timeout,
 * header overflow, unparsable HTTP). Answered in the GraphQL error shape of every other refusal,
 * then the socket is closed: the stream is out of sync, nothing more can be read from it.
 */
export function clientErrorHandler(timeoutMs: number, onAnswer: (statusCode: number) => void = () => undefined) {
  return function handleClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
    // A reset or already-destroyed socket has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const answer = answerFor(error.code, timeoutMs);
    onAnswer(answer.status);
    this.log.debug({ err: { name: error.name, code: error.code }, remoteAddress: socket.remoteAddress }, 'client error');
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code, retryable: answer.status === 408 } }] });
    const head = [
      `HTTP/1.1 ${answer.status} ${answer.reason}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
    ].join('\r\n');
    // Destroyed once flushed (a half-closed socket would wait for a FIN the client may never
    // send), or after a second if a client that stopped reading keeps the flush from finishing.
    const fallback = setTimeout(() => socket.destroy(), 1_000);
    fallback.unref();
    socket.end(`${head}\r\n\r\n${body}`, () => {
      clearTimeout(fallback);
      socket.destroy();
    });
  };
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route or hook (a URL it cannot
 * decode), answered like any other error and counted with Node's client errors.
 */
export function frameworkErrorHandler(bodyLimit: number, onAnswer: (statusCode: number) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void reply.header('x-request-id', request.id);
    request.log.debug({ err: { name: error.name, code: error.code } }, 'client error');
    void handleError(error, request, reply, bodyLimit);
    onAnswer(reply.statusCode);
  };
}

/** Fastify's options for the gateway's server (`Fastify(serverOptions(...))`). */
export function serverOptions(config: GatewayConfig, logger: Logger, metrics: Pick<GatewayMetrics, 'countClientError'>): FastifyServerOptions {
  return {
    loggerInstance: logger as FastifyBaseLogger,
    // The request line is the gateway's own (plugins/request-log.ts).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimitBytes,
    ...requestTimeoutOptions(config.http.requestTimeoutMs),
    clientErrorHandler: clientErrorHandler(config.http.requestTimeoutMs, (status) => metrics.countClientError(status)),
    frameworkErrors: frameworkErrorHandler(config.http.bodyLimitBytes, (status) => metrics.countClientError(status)),
    trustProxy: config.http.trustProxy,
    // While closing: new requests get 503, idle keep-alive sockets close, in-flight ones finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  };
}
