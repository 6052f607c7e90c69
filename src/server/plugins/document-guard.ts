/**
 * Shape limits checked on the parsed document BEFORE Apollo validates it:
 * - directives in the document (`GATEWAY_MAX_DIRECTIVES`), and a directive written twice at one
 *   location (never valid here: the schema has no repeatable directive);
 * - the same response key repeated in one selection set: `GATEWAY_MAX_REPEATED_FIELDS` times
 *   directly, ten times that counting its inline and named fragments.
 *
 * Why before validation and not as one more validation rule: Apollo runs the configured rules
 * (limits.ts) only after graphql-js's own rules passed (`maxRecursiveSelections` moves them to a
 * second pass), so a document of 10 unknown directives got 10 "Unknown directive" errors and never
 * reached the limit; and graphql-js's OverlappingFieldsCanBeMerged compares every pair of fields
 * sharing a response key, so ~330 x `b(x: <n>)` (what the default token limit admits) costs
 * 70-280 ms of CPU per request before any rule of ours could refuse it. This check walks the AST once, plus each fragment at most once per
 * enclosing selection set (so cycles and fragment bombs stay cheap here), and answers with ONE
 * error naming the limit.
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
  type FragmentDefinitionNode,
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
 * What one selection set selects, by response key. Flattened (`expanded` a set), as graphql-js's
 * field-merging check sees it: inline fragments merged in, each named spread counted under
 * `...Name` and expanded once per selection set (cycles and fragment bombs stay linear), so
 * `{ ...on Query { x } ...F1 ...F2 }` with F1 and F2 selecting `x` is the pairwise work of `{ x x x }`.
 */
function countSelections(
  node: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  counts: Map<string, number>,
  /** null: direct selections only (no fragment of either kind is entered). */
  expanded: Set<string> | null,
): void {
  for (const selection of node.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (expanded !== null) countSelections(selection.selectionSet, fragments, counts, expanded);
      continue;
    }
    const key = selection.kind === Kind.FIELD ? (selection.alias?.value ?? selection.name.value) : `...${selection.name.value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (expanded === null || selection.kind !== Kind.FRAGMENT_SPREAD || expanded.has(selection.name.value)) continue;
    expanded.add(selection.name.value);
    const fragment = fragments.get(selection.name.value);
    if (fragment !== undefined) countSelections(fragment.selectionSet, fragments, counts, expanded);
  }
}

const NO_FRAGMENTS: ReadonlyMap<string, FragmentDefinitionNode> = new Map();

/**
 * Through fragments a key may repeat this many times more than directly: colocated fragments
 * each selecting `id` (and Apollo Client adding `__typename` to every one of them) are normal,
 * 150 fragments selecting the same field are not.
 */
const FRAGMENT_FACTOR = 10;

function firstOver(counts: ReadonlyMap<string, number>, max: number): { key: string; count: number } | null {
  for (const [key, count] of counts) if (count > max) return { key, count };
  return null;
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
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
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
      const direct = new Map<string, number>();
      countSelections(node, NO_FRAGMENTS, direct, null);
      const overLimit = firstOver(direct, limits.maxRepeatedFields);
      if (overLimit !== null) {
        problem = {
          message: `Repeated field limit of ${limits.maxRepeatedFields} exceeded: ${quoted(overLimit.key)} is selected ${overLimit.count} times in one selection set.`,
          limit: 'repeatedFields',
        };
        return BREAK;
      }
      const flattened = new Map<string, number>();
      countSelections(node, fragments, flattened, new Set());
      const max = limits.maxRepeatedFields * FRAGMENT_FACTOR;
      const overFlattened = firstOver(flattened, max);
      if (overFlattened !== null) {
        problem = {
          message: `Repeated field limit of ${max} (through fragments) exceeded: ${quoted(overFlattened.key)} is selected ${overFlattened.count} times in one selection set, counting its fragments.`,
          limit: 'repeatedFields',
        };
        return BREAK;
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
