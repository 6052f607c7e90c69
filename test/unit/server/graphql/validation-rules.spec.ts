import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { buildGatewaySchema } from '../../../../src/graphql/build-schema';
import { loadConfig } from '../../../../src/server/config';
import { documentShapeProblem } from '../../../../src/server/graphql/document-shape';
import { knownOperationTypesRule, limitValidationRules, maxMutationFieldsRule, parseOptions } from '../../../../src/server/graphql/validation-rules';

const schema = buildSchema(`
  type Node { id: ID! child: Node name: String }
  type Query { node: Node nodes: [Node!]! }
  type Mutation { a: Boolean b: Boolean }
`);
const limits = { maxDepth: 4, maxAliases: 2, maxTokens: 100, maxDirectives: 2, maxRepeatedFields: 3, maxCost: 50, maxMutationFields: 1 };

function errors(query: string, rules = limitValidationRules(limits)): { message: string; limit: unknown }[] {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => ({ message: e.message, limit: e.extensions['limit'] }));
}

describe('limit validation rules', () => {
  it('accepts an ordinary query', () => {
    expect(errors('{ node { id child { id } } }')).toEqual([]);
  });

  it('refuses depth, aliases, directives and cost, naming the limit', () => {
    expect(errors('{ node { child { child { child { child { id } } } } } }')).toEqual([
      { message: 'Query depth limit of 4 exceeded, found 6.', limit: 'depth' },
    ]);
    expect(errors('{ a: node { id } b: node { id } c: node { id } }')).toEqual([
      { message: 'Aliases limit of 2 exceeded, found 3.', limit: 'aliases' },
    ]);
    expect(errors('{ node { id @skip(if: false) name @skip(if: false) child @skip(if: false) { id } } }')).toEqual([
      { message: 'Directives limit of 2 exceeded, found 3.', limit: 'directives' },
    ]);
    const cheap = limitValidationRules({ ...limits, maxCost: 10 });
    expect(errors('{ node { id } }', cheap)).toEqual([]);
    expect(errors('{ nodes { id name child { id name child { id name } } } }', cheap)).toEqual([
      { message: expect.stringMatching(/^Query Cost limit of 10 exceeded, found \d+/), limit: 'cost' },
    ]);
  });

  it('counts __typename aliases like any other (graphql-cop alias overloading)', () => {
    expect(errors('{ a: __typename b: __typename }')).toEqual([]);
    expect(errors('{ a: __typename b: __typename c: __typename }')).toEqual([
      { message: 'Aliases limit of 2 exceeded, found 3.', limit: 'aliases' },
    ]);
  });

  it('does not count introspection against depth or cost', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });

  it('allows one mutation field, through fragments too', () => {
    const rule = [maxMutationFieldsRule(1)];
    expect(errors('mutation { a }', rule)).toEqual([]);
    expect(errors('mutation { a __typename }', rule)).toEqual([]);
    expect(errors('mutation { a b }', rule)).toEqual([
      { message: expect.stringMatching(/at most 1 mutation field\(s\); found 2/), limit: 'mutationFields' },
    ]);
    expect(errors('mutation { ... on Mutation { a } ...F } fragment F on Mutation { b }', rule)).toHaveLength(1);
    expect(errors('mutation { a b }', [maxMutationFieldsRule(2)])).toEqual([]);
    expect(errors('{ node { id } nodes { id } }', rule)).toEqual([]);
  });

  it('bounds tokens at parse time', () => {
    const big = `{ ${Array.from({ length: 60 }, () => 'node { id }').join(' ')} }`;
    expect(() => parse(big, parseOptions(limits))).toThrow(/more tha[nt] 100 tokens/);
  });
});

describe('the default limits and the example operations', () => {
  it('let every operations/*.graphql document through', async () => {
    const gatewaySchema = await buildGatewaySchema();
    const defaults = loadConfig({}).limits;
    const dir = join(__dirname, '..', '..', '..', '..', 'operations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = parse(readFileSync(join(dir, file), 'utf8'), parseOptions(defaults));
      const found = validate(gatewaySchema, document, [...specifiedRules, ...limitValidationRules(defaults)]);
      expect({ file, errors: found.map((e) => e.message), shape: documentShapeProblem(document, defaults) }).toEqual({ file, errors: [], shape: null });
    }
  });
});

describe('knownOperationTypesRule', () => {
  const schema = buildSchema('type Query { x: Int } type Mutation { y: Int }');
  const errors = (query: string) => validate(schema, parse(query), [...specifiedRules, knownOperationTypesRule]).map((e) => e.message);

  it('refuses a subscription when the schema has no Subscription type', () => {
    expect(errors('subscription { __typename }')).toEqual(['This API has no subscription operations: the schema defines no Subscription type.']);
  });

  it('lets queries and mutations through', () => {
    expect(errors('query Q { x } mutation M { y }')).toEqual([]);
  });

  it('refuses a mutation against a schema without one', () => {
    const readOnly = buildSchema('type Query { x: Int }');
    expect(validate(readOnly, parse('mutation { __typename }'), [knownOperationTypesRule]).map((e) => e.message)).toEqual([
      'This API has no mutation operations: the schema defines no Mutation type.',
    ]);
  });
});
