/**
 * Logs: pino JSON on stdout, one line per request, correlated by a request id that the caller may
 * supply (`x-request-id`, sanitized and bounded: it ends up in every log line and response) and
 * that the response always echoes.
 *
 * Redaction is structural (pino `redact`) for the places a secret could sit in a logged object:
 * headers, credentials, tokens. Messages never interpolate secrets in the first place.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { newRequestState, type RequestState } from '../request-state';

const REDACT_PATHS = [
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'accessKeySecret',
  '*.accessKeySecret',
  'securityToken',
  '*.securityToken',
  'jwtSecret',
  '*.jwtSecret',
  'token',
  '*.token',
  'signature',
  '*.signature',
  'stringToSign',
  '*.stringToSign',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'vpc-graphql-gateway' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Label instead of number: log pipelines filter on `"level":"warn"` more often than on 40.
    formatters: { level: (label) => ({ level: label }) },
  };
  // Synchronous stdout: the last lines before process.exit (shutdown, fatal start-up errors)
  // must reach a pipe, and an async buffer would drop them.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

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

/** A GraphQL name has no length limit of its own: a client could write kilobytes into each line. */
const MAX_OPERATION_NAME = 128;

/** Probes hit every few seconds; at info they would drown the useful lines. */
const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  // The query string of a GET /graphql is the whole operation: the line has it as operationName.
  return (end === -1 ? url : url.slice(0, end)).slice(0, 256);
}

function requestLine(request: FastifyRequest, reply: FastifyReply, state: RequestState): object {
  const userAgent = request.headers['user-agent'];
  return {
    method: request.method,
    path: pathOf(request.url),
    statusCode: reply.statusCode,
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    remoteAddress: request.ip,
    ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 200) } : {}),
    ...(state.operationName === null ? {} : { operationName: state.operationName.slice(0, MAX_OPERATION_NAME) }),
    ...(state.operationType === null ? {} : { operationType: state.operationType }),
    ...(state.auth?.subject ? { subject: state.auth.subject } : {}),
    ...(state.rejectedWith === null ? {} : { rejectedWith: state.rejectedWith }),
  };
}

/** pino's check; Fastify's logger type does not declare it (a custom logger may lack it: then log). */
function levelEnabled(log: FastifyBaseLogger, level: 'debug' | 'info'): boolean {
  const check = (log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
  return typeof check === 'function' ? check.call(log, level) : true;
}

/**
 * Creates each request's state, echoes the request id, wires client disconnects to the request's
 * AbortSignal, and writes the one line per request.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  app.decorateRequest('gateway', null as unknown as RequestState);

  app.addHook('onRequest', async (request, reply) => {
    const state = newRequestState(request.id, performance.now());
    request.gateway = state;
    void reply.header('x-request-id', request.id);
    // 'close' on the response also fires after a normal finish; only an early close is a disconnect.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) state.abort.abort(new Error('client disconnected'));
    });
  });

  app.addHook('onResponse', async (request, reply) => {
    const level = QUIET_PATHS.has(pathOf(request.url)) && reply.statusCode < 400 ? 'debug' : 'info';
    // Built only when it will be written: at warn (production) this hook runs for every request.
    if (!levelEnabled(request.log, level)) return;
    const line = requestLine(request, reply, request.gateway);
    if (level === 'debug') request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });

  app.addHook('onRequestAbort', async (request) => {
    request.log.info({ method: request.method, path: pathOf(request.url) }, 'request aborted by the client');
  });
}
