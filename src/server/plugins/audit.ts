/**
 * The audit line's Fastify side: written when the response is sent, or at once for a client that
 * hung up (graphql/audit-record.ts); a mutation refused before Apollo ran (401, CSRF, batching,
 * limits) gets a record assembled here.
 * Invariant: the document of a caller that did not authenticate is never parsed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { writeAuditLine } from '../graphql/audit-record';
import type { AuditRecord } from './request-state';

/**
 * The GraphQL document texts of a refused request (JSON body, batch array, GET query). A
 * text/plain body is read as JSON only when `decodeText` (it is a CSRF refusal's only trace).
 */
function documentTexts(request: FastifyRequest, decodeText: boolean): string[] {
  let body: unknown = request.body;
  if (typeof body === 'string') {
    if (!decodeText) return [body];
    try {
      body = JSON.parse(body);
    } catch {
      return [];
    }
  }
  const candidates = [...(Array.isArray(body) ? body : [body]), request.query];
  const texts: string[] = [];
  for (const candidate of candidates.slice(0, 10)) {
    const query = typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>)['query'] : undefined;
    if (typeof query === 'string') texts.push(query);
  }
  return texts;
}

/**
 * The mutation fields of a request refused before Apollo ran it; null when it held no mutation.
 * An unauthenticated caller's document is not parsed: the word `mutation` in it makes it an
 * attempt without field names (it can only over-report).
 */
function refusedMutation(request: FastifyRequest, maxTokens: number): Pick<AuditRecord, 'operationName' | 'fields'> | null {
  if (request.gateway.auth === null) {
    return documentTexts(request, false).some((text) => text.includes('mutation')) ? { operationName: null, fields: [] } : null;
  }
  const mutations: OperationDefinitionNode[] = [];
  for (const text of documentTexts(request, true)) {
    try {
      for (const d of parse(text, { maxTokens }).definitions) {
        if (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation') mutations.push(d);
      }
    } catch {
      // Not a document: nothing of it could have been a mutation attempt.
    }
  }
  if (mutations.length === 0) return null;
  return {
    operationName: mutations[0]?.name?.value ?? null,
    fields: mutations.flatMap((op) =>
      op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).map((s) => ({ name: s.name.value, args: null })),
    ),
  };
}

export interface AuditPluginOptions {
  graphqlPath: string;
  /** The parse bound of a refused request's document (GATEWAY_MAX_TOKENS). */
  maxTokens: number;
}

/**
 * The line is written when the response has been sent, or for a client that hung up as soon as
 * the record is complete: at once if Apollo already assembled it, else when Apollo does
 * (`auditRecordPlugin`), after the operation and its write settled.
 */
async function auditLog(app: FastifyInstance, { graphqlPath, maxTokens }: AuditPluginOptions): Promise<void> {
  app.whenRequestEnds((request, reply, unanswered) => {
    const state = request.gateway;
    if (unanswered) {
      writeAuditLine(state, request.log, null);
      return;
    }
    if (request.routeOptions.url !== graphqlPath || state.servedPlayground) return;
    if (state.audit === null && reply.statusCode >= 400) {
      const mutation = refusedMutation(request, maxTokens);
      if (mutation === null) return;
      state.audit = {
        ...mutation,
        outcome: state.rejectedWith ?? `HTTP_${reply.statusCode}`,
        // The code the client was answered with, as for a mutation that reached Apollo.
        errorCodes: state.rejectedWith === null ? [] : [state.rejectedWith],
        upstreamRequestId: null,
        clientToken: null,
      };
    }
    writeAuditLine(state, request.log, reply.statusCode);
  });
}

export const auditLogPlugin = fp(auditLog, { name: 'gateway-audit', fastify: '5.x', dependencies: ['gateway-request-state'] });
