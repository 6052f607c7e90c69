/**
 * The trusted-documents manifests (GATEWAY_TRUSTED_DOCUMENTS), loaded once at start-up: each a JSON
 * object `sha256 hex -> document`, as `npm run codegen` and the codegen client preset write them.
 * Invariants: every document is checked here, once: its hash is the sha256 of its text, it parses
 * and validates against the schema within the gateway's limits (so a client built with it cannot
 * be refused later by a limit); any problem stops start-up with a ConfigError naming the variable
 * and the file. Several manifests may list the same document (same hash, same text).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ConfigError, type ConfigProblem } from '../config';
import { documentShapeProblem } from './document-shape';
import { knownOperationTypesRule, limitValidationRules, type Limits } from './validation-rules';

export interface TrustedDocument {
  /** sha256 of `text`, lower-case hex: the manifest's key. */
  hash: string;
  text: string;
  /** `text` parsed: operation names and types without parsing anything a caller sent. */
  document: DocumentNode;
}

export type TrustedDocuments = ReadonlyMap<string, TrustedDocument>;

const VARIABLE = 'GATEWAY_TRUSTED_DOCUMENTS';
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Problems reported per file: a wrong file (not a manifest at all) should not flood the terminal. */
const MAX_PROBLEMS_PER_FILE = 5;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What is wrong with one entry, or its parsed document. */
function checkEntry(hash: string, text: unknown, schema: GraphQLSchema, limits: Limits): DocumentNode | string {
  if (!SHA256_HEX.test(hash)) return `key ${JSON.stringify(hash.slice(0, 80))} is not a sha256 digest (64 lower-case hex digits)`;
  const label = `document ${hash.slice(0, 12)}`;
  if (typeof text !== 'string') return `${label} is not a string`;
  if (sha256Hex(text) !== hash) return `${label}: the key is not the sha256 of the document (edited by hand? regenerate the manifest)`;
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: limits.maxTokens });
  } catch (error) {
    return `${label} does not parse: ${error instanceof GraphQLError ? error.message : String(error)}`;
  }
  const shape = documentShapeProblem(document, limits);
  if (shape !== null) return `${label} is over a limit (${shape.limit}): ${shape.message}`;
  const [invalid] = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits), knownOperationTypesRule]);
  if (invalid === undefined) return document;
  const limit = invalid.extensions['limit'];
  return typeof limit === 'string' ? `${label} is over a limit (${limit}): ${invalid.message}` : `${label} does not validate against the schema: ${invalid.message}`;
}

function loadManifest(path: string, schema: GraphQLSchema, limits: Limits, into: Map<string, TrustedDocument>): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return [code === undefined ? 'is not valid JSON' : `cannot be read (${code})`];
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['must be a JSON object of sha256 hex -> document'];
  const entries = Object.entries(manifest);
  if (entries.length === 0) return ['lists no document'];
  const problems: string[] = [];
  for (const [hash, text] of entries) {
    const checked = checkEntry(hash, text, schema, limits);
    if (typeof checked === 'string') problems.push(checked);
    else into.set(hash, { hash, text: text as string, document: checked });
  }
  return problems.length <= MAX_PROBLEMS_PER_FILE
    ? problems
    : [...problems.slice(0, MAX_PROBLEMS_PER_FILE), `and ${problems.length - MAX_PROBLEMS_PER_FILE} more problems`];
}

/** Every document of every manifest in `paths`, by hash; throws a ConfigError listing every problem. */
export function loadTrustedDocuments(paths: readonly string[], schema: GraphQLSchema, limits: Limits): TrustedDocuments {
  const documents = new Map<string, TrustedDocument>();
  const problems: ConfigProblem[] = paths.flatMap((path) =>
    loadManifest(path, schema, limits, documents).map((message) => ({ variable: VARIABLE, message: `${path}: ${message}` })),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return documents;
}
