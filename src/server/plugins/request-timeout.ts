/**
 * A bound on the time to RECEIVE a request (headers and body), so a client that opens a socket
 * and trickles bytes (slowloris) cannot hold a descriptor and an in-flight slot forever. It does
 * not bound the time to answer: once the body is in, a slow upstream is governed by the data
 * source's own timeouts and retry budget.
 *
 * Node enforces it (`requestTimeout`, `headersTimeout`), but only checks incomplete requests every
 * `connectionsCheckingInterval` (30 s by default), so a 30 s timeout would fire anywhere between
 * 30 and 60 s; checking at a tenth of the timeout (at most every second) keeps the 408 close to
 * the configured time. Fastify's own `requestTimeout` default (0) would switch Node's off.
 * Idle keep-alive sockets are not concerned: Node only checks sockets with a request under way,
 * and `keepAliveTimeout` (Fastify's default) still closes idle ones.
 */
import type { ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface RequestTimeoutOptions {
  requestTimeout: number;
  http: Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'>;
}

export function requestTimeoutOptions(timeoutMs: number): RequestTimeoutOptions {
  const checkEveryMs = Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 10)));
  return {
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
