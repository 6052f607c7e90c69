/**
 * Shape limits checked on the parsed document BEFORE Apollo validates it:
 * - directives in the document (`GATEWAY_MAX_DIRECTIVES`);
 * - the same response key repeated in one selection set (`GATEWAY_MAX_REPEATED_FIELDS`).
 *
 * Why before validation and not as one more validation rule: Apollo runs the configured rules
 * (limits.ts) only after graphql-js's own rules passed (`maxRecursiveSelections` moves them to a
 * second pass), so a document of 10 unknown directives got 10 "Unknown directive" errors and never
 * reached the limit; and graphql-js's OverlappingFieldsCanBeMerged compares every pair of fields
 * sharing a response key, so 600 x `b(x: <n>)` costs half a second of CPU per request before any
 * rule of ours could refuse it. This check is one linear walk of the AST, follows no fragment
 * (so cycles and fragment bombs cost nothing here), and answers with ONE error naming the limit.
 *
 * The price is a second parse of each document (tens of microseconds for a console query; the
 * token limit bounds the worst case). A document that does not parse is left to Apollo, which
 * answers it with its own parse error.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, Kind, parse, visit, type ASTVisitor, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import { sendGraphQLErrors } from '../graphql-response';
import type { Limits } from './limits';

export interface ShapeProblem {
  message: string;
  limit: 'directives' | 'repeatedFields';
}

export function documentShapeProblem(
  document: DocumentNode,
  limits: Pick<Limits, 'maxDirectives' | 'maxRepeatedFields'>,
): ShapeProblem | null {
  let directives = 0;
  let repeated: { key: string; count: number } | null = null;
  visit(document, {
    Directive() {
      directives += 1;
    },
    SelectionSet(node) {
      if (repeated !== null) return;
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
      }
      for (const [key, count] of counts) {
        if (count > limits.maxRepeatedFields) {
          repeated = { key, count };
          return;
        }
      }
    },
  });
  if (directives > limits.maxDirectives) {
    // Worded like graphql-armor's per-operation rule (limits.ts), which still applies after this.
    return { message: `Directives limit of ${limits.maxDirectives} exceeded, found ${directives}.`, limit: 'directives' };
  }
  const found = repeated as { key: string; count: number } | null;
  if (found !== null) {
    return {
      message: `Repeated field limit of ${limits.maxRepeatedFields} exceeded: "${found.key.slice(0, 64)}" is selected ${found.count} times in one selection set.`,
      limit: 'repeatedFields',
    };
  }
  return null;
}

/** The document of a GraphQL request, GET (query string) or POST (JSON body); null when absent. */
function queryOf(request: FastifyRequest): string | null {
  const source = request.method === 'GET' ? request.query : request.body;
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return null;
  const query = (source as Record<string, unknown>)['query'];
  return typeof query === 'string' ? query : null;
}

/**
 * Documents that passed, by text: clients send the same few documents over and over, so the
 * second parse is paid once per document, not per request. Bounded; oldest dropped first.
 */
const PASSED_MEMO_SIZE = 500;

/** Route preHandler for `/graphql`, after authentication: refuses an over-limit shape with 400. */
export function documentGuard(limits: Pick<Limits, 'maxDirectives' | 'maxRepeatedFields' | 'maxTokens'>) {
  const passed = new Set<string>();
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const query = queryOf(request);
    if (query === null || passed.has(query)) return undefined;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch {
      return undefined;
    }
    const problem = documentShapeProblem(document, limits);
    if (problem === null) {
      passed.add(query);
      if (passed.size > PASSED_MEMO_SIZE) passed.delete(passed.values().next().value as string);
      return undefined;
    }
    request.gateway.rejectedWith = 'GRAPHQL_VALIDATION_FAILED';
    return sendGraphQLErrors(request, reply, 400, [
      { message: problem.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: problem.limit, retryable: false } },
    ]);
  };
}

/**
 * graphql-js 16 validates `subscription { ... }` against a schema without a Subscription type
 * and only execution fails ("Schema is not configured to execute subscription operation"), which
 * Apollo reports as an internal error with an error-level log line. Refusing it in validation
 * makes it what it is: the client's mistake (400 GRAPHQL_VALIDATION_FAILED).
 */
export const knownOperationTypesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if ((context.getSchema().getRootType(node.operation) ?? null) !== null) return;
    const typeName = node.operation.charAt(0).toUpperCase() + node.operation.slice(1);
    context.reportError(
      new GraphQLError(`This API has no ${node.operation} operations: the schema defines no ${typeName} type.`, { nodes: [node] }),
    );
  },
});
