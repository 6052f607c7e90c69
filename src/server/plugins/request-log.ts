/**
 * The request line: one `request` log line per request, with its id, route, status, duration and
 * GraphQL operation. Probes (`/healthz`, `/readyz`, `/metrics`) log at debug unless they fail.
 * Invariants: exactly one line per request, a client that hung up included (`statusCode` null,
 * `clientDisconnected`), and one cut by the shutdown deadline (`statusCode` null, `cutByShutdown`);
 * no query string and nothing unbounded a client chose goes into the line.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { MAX_LOGGED_OPERATION_NAME, type RequestState } from './request-state';

/** Probes hit every few seconds; at info they would drown the useful lines. */
const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  // The query string of a GET /graphql is the whole operation: the line has it as operationName.
  return (end === -1 ? url : url.slice(0, end)).slice(0, 256);
}

/** `statusCode` null: the connection closed before the answer was written. */
function requestLine(request: FastifyRequest, statusCode: number | null, state: RequestState): object {
  const userAgent = request.headers['user-agent'];
  return {
    method: request.method,
    path: pathOf(request.url),
    statusCode,
    ...(statusCode === null ? (state.cutByShutdown ? { cutByShutdown: true } : { clientDisconnected: true }) : {}),
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    remoteAddress: request.ip,
    ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 200) } : {}),
    ...(state.operationName === null ? {} : { operationName: state.operationName.slice(0, MAX_LOGGED_OPERATION_NAME) }),
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

async function requestLog(app: FastifyInstance): Promise<void> {
  app.whenRequestEnds((request, reply, unanswered) => {
    const statusCode = unanswered ? null : reply.statusCode;
    const level = QUIET_PATHS.has(pathOf(request.url)) && statusCode !== null && statusCode < 400 ? 'debug' : 'info';
    // Built only when it will be written: at warn (production) this runs for every request.
    if (!levelEnabled(request.log, level)) return;
    const line = requestLine(request, statusCode, request.gateway);
    if (level === 'debug') request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}

export const requestLogPlugin = fp(requestLog, { name: 'gateway-request-log', fastify: '5.x', dependencies: ['gateway-request-state'] });
