/**
 * Route preHandler of `/graphql`, after authentication: refuses a document over the shape limits
 * (document-shape.ts) with ONE 400 error, before Apollo validates it.
 * Invariants: a document that does not parse is left to Apollo; documents that passed (bounded
 * count and length) are remembered by text, so the second parse is paid once per document.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { sendGraphQLErrors } from '../graphql-response';
import { documentShapeProblem } from './document-shape';
import type { Limits } from './validation-rules';

/** The document of a GraphQL request, GET (query string) or POST (JSON body); null when absent. */
function queryOf(request: FastifyRequest): string | null {
  const source = request.method === 'GET' ? request.query : request.body;
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return null;
  const query = (source as Record<string, unknown>)['query'];
  return typeof query === 'string' ? query : null;
}

/** Documents that passed, by text; the least recently used one leaves first. */
const PASSED_MEMO_SIZE = 500;
/** Longer documents are checked every time: the memo stays within a few MB whatever clients send. */
const PASSED_MEMO_MAX_LENGTH = 8 * 1024;

export function documentGuard(limits: Pick<Limits, 'maxDirectives' | 'maxRepeatedFields' | 'maxTokens'>) {
  const passed = new LRUCache<string, true>({ max: PASSED_MEMO_SIZE });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const query = queryOf(request);
    if (query === null || passed.get(query) === true) return undefined;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch {
      return undefined;
    }
    const problem = documentShapeProblem(document, limits);
    if (problem === null) {
      if (query.length > PASSED_MEMO_MAX_LENGTH) return undefined;
      passed.set(query, true);
      return undefined;
    }
    request.gateway.rejectedWith = 'GRAPHQL_VALIDATION_FAILED';
    return sendGraphQLErrors(request, reply, 400, [
      { message: problem.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: problem.limit, retryable: false } },
    ]);
  };
}

