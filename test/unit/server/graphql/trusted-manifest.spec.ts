/**
 * Loading the trusted-documents manifests: what is accepted, and every refusal naming the
 * variable, the file and the document. A small schema; the shipped manifest against the real one
 * is in test/integration/server/trusted-documents.spec.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, Kind } from 'graphql';
import { ConfigError } from '../../../../src/server/config';
import { loadTrustedDocuments } from '../../../../src/server/graphql/trusted-manifest';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node }
  type Mutation { stop(id: ID!): Boolean }
`);
const limits = { maxDepth: 3, maxAliases: 2, maxTokens: 100, maxDirectives: 2, maxRepeatedFields: 2, maxCost: 1000, maxMutationFields: 1 };
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const entry = (text: string): [string, string] => [sha256(text), text];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trusted-manifest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The problem messages a load of `paths` fails with. */
function problems(...paths: string[]): string[] {
  try {
    loadTrustedDocuments(paths, schema, limits);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.problems.every((p) => p.variable === 'GATEWAY_TRUSTED_DOCUMENTS')).toBe(true);
    return error.problems.map((p) => p.message);
  }
  throw new Error('expected a ConfigError');
}

describe('loadTrustedDocuments', () => {
  it('loads every manifest\'s documents by hash, parsed; a document listed twice is one', () => {
    const query = 'query Node { node { id } }';
    const mutation = 'mutation Stop($id: ID!) { stop(id: $id) }';
    const console = file('console.json', Object.fromEntries([entry(query), entry(mutation)]));
    const ops = file('ops.json', Object.fromEntries([entry(query)]));
    const documents = loadTrustedDocuments([console, ops], schema, limits);
    expect([...documents.keys()]).toEqual([sha256(query), sha256(mutation)]);
    expect(documents.get(sha256(mutation))).toEqual({
      hash: sha256(mutation),
      text: mutation,
      document: expect.objectContaining({ kind: Kind.DOCUMENT }),
    });
  });

  it('refuses a file that is missing, not JSON, not an object, or empty', () => {
    const missing = join(dir, 'missing.json');
    const text = file('text.json', 'query { node { id } }');
    const array = file('array.json', [entry('{ node { id } }')]);
    const empty = file('empty.json', {});
    expect(problems(missing, text, array, empty)).toEqual([
      `${missing}: cannot be read (ENOENT)`,
      `${text}: is not valid JSON`,
      `${array}: must be a JSON object of sha256 hex -> document`,
      `${empty}: lists no document`,
    ]);
  });

  it('refuses an entry whose key is not the sha256 of its document, or not a digest at all', () => {
    const text = '{ node { id } }';
    const path = file('keys.json', { [sha256(`${text} `)]: text, [sha256(text).toUpperCase()]: text, Node: text, [sha256('x')]: 42 });
    expect(problems(path)).toEqual([
      `${path}: document ${sha256(`${text} `).slice(0, 12)}: the key is not the sha256 of the document (edited by hand? regenerate the manifest)`,
      `${path}: key "${sha256(text).toUpperCase()}" is not a sha256 digest (64 lower-case hex digits)`,
      `${path}: key "Node" is not a sha256 digest (64 lower-case hex digits)`,
      `${path}: document ${sha256('x').slice(0, 12)} is not a string`,
    ]);
  });

  it('refuses a document that does not parse or validate, or is over a limit, naming the limit', () => {
    const documents = [
      '{ node { id }',
      '{ node { name } }',
      'subscription { node { id } }',
      '{ node { child { child { child { id } } } } }',
      '{ node { id id id } }',
      `{ node { ${'id '.repeat(120)}} }`,
    ];
    const path = file('invalid.json', Object.fromEntries(documents.map(entry)));
    const label = (text: string): string => `${path}: document ${sha256(text).slice(0, 12)}`;
    expect(problems(path)).toEqual([
      `${label(documents[0] ?? '')} does not parse: Syntax Error: Expected Name, found <EOF>.`,
      `${label(documents[1] ?? '')} does not validate against the schema: Cannot query field "name" on type "Node".`,
      `${label(documents[2] ?? '')} does not validate against the schema: This API has no subscription operations: the schema defines no Subscription type.`,
      `${label(documents[3] ?? '')} is over a limit (depth): Query depth limit of 3 exceeded, found 5.`,
      `${label(documents[4] ?? '')} is over a limit (repeatedFields): Repeated field limit of 2 exceeded: "id" is selected 3 times in one selection set.`,
      `${path}: and 1 more problems`,
    ]);
  });

  it('checks the token limit while parsing', () => {
    const long = `{ node { ${'id '.repeat(120)}} }`;
    const path = file('tokens.json', Object.fromEntries([entry(long)]));
    // graphql-js's own wording ("more that 100 tokens").
    expect(problems(path)).toEqual([expect.stringMatching(new RegExp(`^${path}: document ${sha256(long).slice(0, 12)} does not parse: .* 100 tokens`))]);
  });
});
