/**
 * Shape limits checked on the parsed document BEFORE Apollo validates it:
 * - directives in the document (`GATEWAY_MAX_DIRECTIVES`), and a directive written twice at one
 *   location (never valid here: the schema has no repeatable directive);
 * - the same response key repeated in one selection set, inline fragments included
 *   (`GATEWAY_MAX_REPEATED_FIELDS`).
 *
 * Why before validation and not as one more validation rule: Apollo runs the configured rules
 * (limits.ts) only after graphql-js's own rules passed (`maxRecursiveSelections` moves them to a
 * second pass), so a document of 10 unknown directives got 10 "Unknown directive" errors and never
 * reached the limit; and graphql-js's OverlappingFieldsCanBeMerged compares every pair of fields
 * sharing a response key, so 600 x `b(x: <n>)` costs half a second of CPU per request before any
 * rule of ours could refuse it. This check walks the AST once (plus inline fragments once per
 * enclosing selection set), follows no named fragment (so cycles and fragment bombs cost nothing
 * here), and answers with ONE error naming the limit.
 *
 * The price is a second parse of each document (tens of microseconds for a console query; the
 * token limit bounds the worst case). A document that does not parse is left to Apollo, which
 * answers it with its own parse error.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  BREAK,
  GraphQLError,
  Kind,
  parse,
  visit,
  type ASTVisitor,
  type DirectiveNode,
  type DocumentNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { sendGraphQLErrors } from '../graphql-response';
import type { Limits } from './limits';

export interface ShapeProblem {
  message: string;
  limit: 'directives' | 'repeatedFields';
}

/**
 * What one selection set selects, by response key, with inline fragments flattened into it and a
 * named spread counted under `...Name`: graphql-js compares all of these with each other, so
 * `{ ...on Query { x } ...on Query { x } ... }` is the same pairwise work as `{ x x ... }`.
 */
function countSelections(node: SelectionSetNode, counts: Map<string, number>): void {
  for (const selection of node.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      countSelections(selection.selectionSet, counts);
      continue;
    }
    const key = selection.kind === Kind.FIELD ? (selection.alias?.value ?? selection.name.value) : `...${selection.name.value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** The first directive written twice at one location (no directive of this schema is repeatable). */
function repeatedDirective(directives: readonly DirectiveNode[] | undefined): { name: string; count: number } | null {
  if (directives === undefined || directives.length < 2) return null;
  const counts = new Map<string, number>();
  for (const directive of directives) counts.set(directive.name.value, (counts.get(directive.name.value) ?? 0) + 1);
  for (const [name, count] of counts) if (count > 1) return { name, count };
  return null;
}

export function documentShapeProblem(
  document: DocumentNode,
  limits: Pick<Limits, 'maxDirectives' | 'maxRepeatedFields'>,
): ShapeProblem | null {
  let directives = 0;
  let problem: ShapeProblem | null = null;
  const quoted = (name: string) => `"${name.slice(0, 64)}"`;
  visit(document, {
    enter(node) {
      if (problem !== null) return BREAK;
      if (node.kind === Kind.DIRECTIVE) {
        directives += 1;
        return undefined;
      }
      const repeated = 'directives' in node ? repeatedDirective(node.directives) : null;
      if (repeated !== null) {
        problem = {
          message: `Directive ${quoted(`@${repeated.name}`)} is repeated ${repeated.count} times at one location; a directive may appear once per location.`,
          limit: 'directives',
        };
        return BREAK;
      }
      if (node.kind !== Kind.SELECTION_SET) return undefined;
      const counts = new Map<string, number>();
      countSelections(node, counts);
      for (const [key, count] of counts) {
        if (count > limits.maxRepeatedFields) {
          problem = {
            message: `Repeated field limit of ${limits.maxRepeatedFields} exceeded: ${quoted(key)} is selected ${count} times in one selection set.`,
            limit: 'repeatedFields',
          };
          return BREAK;
        }
      }
      return undefined;
    },
  });
  if (problem !== null) return problem;
  if (directives > limits.maxDirectives) {
    // Worded like graphql-armor's per-operation rule (limits.ts), which still applies after this.
    return { message: `Directives limit of ${limits.maxDirectives} exceeded, found ${directives}.`, limit: 'directives' };
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
/** Longer documents are checked every time: the memo stays within a few MB whatever clients send. */
const PASSED_MEMO_MAX_LENGTH = 8 * 1024;

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
      if (query.length > PASSED_MEMO_MAX_LENGTH) return undefined;
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
