/**
 * The audit line's Fastify side: written when the response is sent, or at once for a client that
 * hung up (graphql/audit-record.ts); a mutation refused before Apollo ran (401, CSRF, batching,
 * limits) gets a record assembled here.
 * Invariant: the document of a caller that did not authenticate is never parsed (a trusted
 * document's hash names a document parsed at start-up, so its fields are known even then).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Kind, parse, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import { writeAuditLine } from '../graphql/audit-record';
import { documentIdOf } from '../graphql/trusted-documents';
import type { TrustedDocument, TrustedDocuments } from '../graphql/trusted-manifest';
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

/** The manifest document a request names by hash, resolved already or (refused before that) looked up now. */
function trustedDocumentOf(request: FastifyRequest, documents: TrustedDocuments | null): TrustedDocument | null {
  if (request.gateway.trustedDocument !== null || documents === null) return request.gateway.trustedDocument;
  const id = documentIdOf(request);
  return id !== null && 'hash' in id ? (documents.get(id.hash) ?? null) : null;
}

const isMutation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation';

function parsedMutations(text: string, maxTokens: number): OperationDefinitionNode[] {
  try {
    return parse(text, { maxTokens }).definitions.filter(isMutation);
  } catch {
    return []; // Not a document: nothing of it could have been a mutation attempt.
  }
}

/**
 * The mutation fields of a request refused before Apollo ran it; null when it held no mutation.
 * An unauthenticated caller's document is not parsed: the word `mutation` in it makes it an
 * attempt without field names (it can only over-report).
 */
function refusedMutation(
  request: FastifyRequest,
  maxTokens: number,
  trustedDocuments: TrustedDocuments | null,
): Pick<AuditRecord, 'operationName' | 'fields'> | null {
  const trusted = trustedDocumentOf(request, trustedDocuments);
  if (trusted === null && request.gateway.auth === null) {
    return documentTexts(request, false).some((text) => text.includes('mutation')) ? { operationName: null, fields: [] } : null;
  }
  const mutations =
    trusted === null
      ? documentTexts(request, true).flatMap((text) => parsedMutations(text, maxTokens))
      : trusted.document.definitions.filter(isMutation);
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
  /** GATEWAY_TRUSTED_DOCUMENTS's documents, or null. */
  trustedDocuments: TrustedDocuments | null;
}

/**
 * The line is written when the response has been sent, or for a client that hung up as soon as
 * the record is complete: at once if Apollo already assembled it, else when Apollo does
 * (`auditRecordPlugin`), after the operation and its write settled.
 */
async function auditLog(app: FastifyInstance, { graphqlPath, maxTokens, trustedDocuments }: AuditPluginOptions): Promise<void> {
  app.whenRequestEnds((request, reply, unanswered) => {
    const state = request.gateway;
    if (unanswered) {
      writeAuditLine(state, request.log, null);
      return;
    }
    if (request.routeOptions.url !== graphqlPath || state.servedPlayground) return;
    if (state.audit === null && reply.statusCode >= 400) {
      const mutation = refusedMutation(request, maxTokens, trustedDocuments);
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
