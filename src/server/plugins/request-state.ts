/**
 * Each request's state (`request.gateway`), created before any other hook of the gateway runs;
 * the request line, the audit line and the metrics read it. And the end of each request
 * (`whenRequestEnds`), whether it was answered, its client hung up first, or the shutdown deadline
 * cut its connection (`cutConnections`).
 * Invariants: one object per request, never shared; `abort` fires only when the connection closed
 * before the answer was written; the end handlers run exactly once per request.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { GatewayAuth, GatewayContext } from '../../schema/context';
import type { TrustedDocument } from '../graphql/trusted-manifest';

/** A GraphQL name has no length limit of its own: a log line carries at most this much of one. */
export const MAX_LOGGED_OPERATION_NAME = 128;

/** One upstream write a resolver made, as the audit line reports it. */
export interface WriteRecord {
  method: string;
  regionId: string;
  resourceId: string;
  clientToken: string | null;
  upstreamRequestId: string | null;
  /** `success`, or the data-source error code (upstream `Code` or e.g. `Transport.Timeout`). */
  outcome: string;
}

/** The audit line of a mutation, assembled by the Apollo audit plugin, written at response time. */
export interface AuditRecord {
  operationName: string | null;
  fields: { name: string; args: Record<string, unknown> | null }[];
  outcome: string;
  errorCodes: string[];
  upstreamRequestId: string | null;
  clientToken: string | null;
}

export interface RequestState {
  requestId: string;
  /** `performance.now()` at arrival. */
  startedAt: number;
  /**
   * Aborts when the client goes away before the response is written: cancels the request's reads,
   * and a write not sent yet (one already sent runs on: docs/runtime.md#client-disconnects).
   */
  abort: AbortController;
  /** null until authenticated (and forever for requests that are not GraphQL). */
  auth: GatewayAuth | null;
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  /** The manifest document the request named by hash (graphql/trusted-documents.ts); Apollo runs its text. */
  trustedDocument: TrustedDocument | null;
  /** Set when the runtime refused the request itself (auth), with the error code it sent. */
  rejectedWith: string | null;
  /** Set by the metrics plugin once Apollo produced a response. */
  outcome: 'success' | 'partial' | 'error' | null;
  /** A browser GET of /graphql answered with the playground page, not a GraphQL request. */
  servedPlayground: boolean;
  writes: WriteRecord[];
  audit: AuditRecord | null;
  /** The audit line was written (it is written once, graphql/audit-record.ts). */
  audited: boolean;
  /** The end handlers ran. */
  ended: boolean;
  /** Its connection was cut by the shutdown deadline (`cutConnections`) before the answer, not by its client. */
  cutByShutdown: boolean;
}

/** The Apollo context: the resolvers' contract plus the runtime's per-request state. */
export interface ServerContext extends GatewayContext {
  http: RequestState;
}

/**
 * `unanswered`: the connection closed before the answer was written (`reply.statusCode` then means
 * nothing): the client hung up, or the shutdown cut it (`request.gateway.cutByShutdown`).
 */
export type RequestEndHandler = (request: FastifyRequest, reply: FastifyReply, unanswered: boolean) => void;

declare module 'fastify' {
  interface FastifyRequest {
    gateway: RequestState;
  }
  interface FastifyInstance {
    /** Runs `handler` once per request when it is over: answered, or its connection gone first. */
    whenRequestEnds(handler: RequestEndHandler): void;
    /** Closes every connection now (the shutdown deadline); their unanswered requests end as `cutByShutdown`. */
    cutConnections(): void;
  }
}

export function newRequestState(requestId: string, now: number): RequestState {
  return {
    requestId,
    startedAt: now,
    abort: new AbortController(),
    auth: null,
    operationName: null,
    operationType: null,
    trustedDocument: null,
    rejectedWith: null,
    outcome: null,
    servedPlayground: false,
    writes: [],
    audit: null,
    audited: false,
    ended: false,
    cutByShutdown: false,
  };
}

async function requestState(app: FastifyInstance): Promise<void> {
  const endHandlers: RequestEndHandler[] = [];
  const end = (request: FastifyRequest, reply: FastifyReply, unanswered: boolean): void => {
    if (request.gateway.ended) return;
    request.gateway.ended = true;
    for (const handler of endHandlers) handler(request, reply, unanswered);
  };
  app.decorate('whenRequestEnds', (handler: RequestEndHandler) => {
    endHandlers.push(handler);
  });
  // Set just before the cut: every connection closing from then on was closed by the gateway.
  let cutting = false;
  app.decorate('cutConnections', () => {
    cutting = true;
    app.server.closeAllConnections();
  });
  app.decorateRequest('gateway', null as unknown as RequestState);

  app.addHook('onRequest', async (request, reply) => {
    const state = newRequestState(request.id, performance.now());
    request.gateway = state;
    void reply.header('x-request-id', request.id);
    // 'close' also follows a normal finish; only an early one is a disconnect. Fastify runs no
    // onResponse (nor onRequestAbort, once the body was read) for a response that never finished.
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished) return;
      state.cutByShutdown = cutting;
      state.abort.abort(new Error(cutting ? 'connection cut by the shutdown' : 'client disconnected'));
      end(request, reply, true);
    });
  });
  app.addHook('onResponse', async (request, reply) => end(request, reply, false));
}

export const requestStatePlugin = fp(requestState, { name: 'gateway-request-state', fastify: '5.x' });
