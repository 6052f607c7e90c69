/**
 * Limits applied before execution, so an abusive document costs a parse and a validation pass and
 * never an upstream call:
 * - tokens: graphql-js's own `maxTokens` parse option (aborts the parse itself);
 * - depth, aliases (`__typename` aliases included), directives, cost: graphql-armor's validation rules;
 * - directives in the whole document and repeated response keys: document-guard.ts, before validation;
 * - mutation fields: at most `maxMutationFields` root fields per mutation (default 1), because a
 *   destructive call should be one decision with one outcome, not a batch that half-succeeds.
 * Body size and batching are HTTP-level (app.ts: Fastify `bodyLimit`, Apollo batching off).
 *
 * armor throws from inside the visitor by default (`propagateOnRejection`), which escapes
 * graphql's `validate`; here it reports instead, so refusals are ordinary
 * GRAPHQL_VALIDATION_FAILED errors (HTTP 400) with a message naming the limit.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { GatewayConfig } from '../config';

export type Limits = GatewayConfig['limits'];

function reportInstead(limit: string) {
  return {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const message = error.message.replace(/^Syntax Error: /, '');
        context?.reportError(new GraphQLError(message, { extensions: { limit } }));
      },
    ],
  };
}

/** Root fields of a selection set, through inline fragments and fragment spreads. */
function countRootFields(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(context, selection.selectionSet, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment !== undefined && fragment !== null) count += countRootFields(context, fragment.selectionSet, seen);
    }
  }
  return count;
}

export function maxMutationFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation !== 'mutation') return;
      const count = countRootFields(context, node.selectionSet, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(
            `A mutation operation may contain at most ${max} mutation field(s); found ${count}. Send each mutation as its own operation.`,
            { nodes: [node], extensions: { limit: 'mutationFields' } },
          ),
        );
      }
    },
  });
}

export function limitValidationRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...reportInstead('depth') }),
    // armor exempts `__typename` aliases by default; 101 of them is graphql-cop's alias-overloading probe.
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reportInstead('aliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportInstead('directives') }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...reportInstead('cost') }),
    maxMutationFieldsRule(limits.maxMutationFields),
  ] as ValidationRule[];
}

export function parseOptions(limits: Limits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
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
