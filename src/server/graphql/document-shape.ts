/**
 * Shape limits of a parsed document: directives in the whole document (GATEWAY_MAX_DIRECTIVES), a
 * directive written twice at one location, a response key repeated in one selection set
 * (GATEWAY_MAX_REPEATED_FIELDS directly, FRAGMENT_FACTOR times that through fragments).
 * Hand-written: it must run before graphql-js validation, where no validation rule runs
 * (docs/runtime.md#limits-and-browser-protections).
 * Invariants: one walk of the AST, each fragment expanded at most once per selection set (cycles
 * and fragment bombs stay linear); at most one problem is reported.
 */
import { BREAK, Kind, visit, type DirectiveNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Limits } from './validation-rules';

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
    // Worded like graphql-armor's per-operation rule (validation-rules.ts), which still applies after this.
    return { message: `Directives limit of ${limits.maxDirectives} exceeded, found ${directives}.`, limit: 'directives' };
  }
  return null;
}
