/**
 * The validation rules of the gateway's limits: depth, aliases (`__typename` ones included),
 * directives per operation, cost (graphql-armor), mutation fields per operation, and no operation
 * type the schema lacks; the token limit is a parse option.
 * Invariant: a refusal is one GRAPHQL_VALIDATION_FAILED error naming its limit (`extensions.limit`).
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

/** armor throws from inside the visitor by default, which escapes graphql's `validate`: report instead. */
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

/** At most `max` root fields per mutation, through fragments: one decision, one outcome. */
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
 * An operation type the schema lacks (`subscription`) is the client's mistake: graphql-js 16 would
 * only fail at execution, which Apollo reports as an internal error.
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
