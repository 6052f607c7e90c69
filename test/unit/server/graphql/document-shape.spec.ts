import { parse } from 'graphql';
import { documentShapeProblem } from '../../../../src/server/graphql/document-shape';

const limits = { maxDirectives: 3, maxRepeatedFields: 2 };
const shape = (query: string) => documentShapeProblem(parse(query), limits);

describe('documentShapeProblem', () => {
  it('accepts an ordinary document', () => {
    expect(shape('query Q($a: Boolean!) { x @include(if: $a) y: x z: x ... on Query { x } ...F } fragment F on Query { x x }')).toBeNull();
  });

  it('counts every directive in the document, unknown ones included, and reports once', () => {
    expect(shape('{ x @a @b @c }')).toBeNull();
    expect(shape('{ x @a @b y @c z @d }')).toEqual({ message: 'Directives limit of 3 exceeded, found 4.', limit: 'directives' });
    // In fragments and on variable definitions too: every directive the validator would visit.
    expect(shape('query Q($v: Int @d) { ...F @d } fragment F on Query @d { x @d }')).toMatchObject({ limit: 'directives' });
  });

  it('refuses a response key repeated past the limit in one selection set', () => {
    expect(shape('{ x x }')).toBeNull();
    expect(shape(`{ ${'__typename '.repeat(500)}}`)).toEqual({
      message: 'Repeated field limit of 2 exceeded: "__typename" is selected 500 times in one selection set.',
      limit: 'repeatedFields',
    });
    // The response key counts: an alias makes the same field a different key, and vice versa.
    expect(shape('{ a: x b: x c: x }')).toBeNull();
    expect(shape('{ k: x k: y k: z }')).toMatchObject({ limit: 'repeatedFields' });
    // Nested selection sets are checked too.
    expect(shape('{ node { id id id } }')).toMatchObject({ limit: 'repeatedFields' });
  });

  it('refuses a directive written twice at one location (graphql-cop), whatever the total', () => {
    const many = { maxDirectives: 100, maxRepeatedFields: 2 };
    expect(documentShapeProblem(parse('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }'), many)).toEqual({
      message: 'Directive "@aa" is repeated 10 times at one location; a directive may appear once per location.',
      limit: 'directives',
    });
    expect(documentShapeProblem(parse('{ x @skip(if: false) @skip(if: true) }'), many)).toMatchObject({ limit: 'directives' });
    expect(documentShapeProblem(parse('query Q @a @a { x }'), many)).toMatchObject({ limit: 'directives' });
    expect(documentShapeProblem(parse('{ x @skip(if: false) @include(if: true) y @skip(if: false) }'), many)).toBeNull();
  });

  it('counts a spread as one key, and fragments separately with ten times the limit', () => {
    // Direct: limit 2. A named spread is a key of its own.
    expect(shape('{ x ... on Query { x } ...F } fragment F on Query { x }')).toBeNull();
    expect(shape('{ ...F ...F ...F } fragment F on Query { x }')).toMatchObject({ limit: 'repeatedFields' });
    // Colocated fragments each selecting the same key are normal, up to 10 x 2 here.
    const fragments = (n: number) => Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename regions { regionId } }`).join(' ');
    const spreads = (n: number) => Array.from({ length: n }, (_, i) => `...F${i}`).join(' ');
    expect(shape(`{ __typename ${spreads(19)} } ${fragments(19)}`)).toBeNull();
    expect(shape(`{ ${spreads(150)} } ${fragments(150)}`)).toEqual({
      message: 'Repeated field limit of 20 (through fragments) exceeded: "__typename" is selected 150 times in one selection set, counting its fragments.',
      limit: 'repeatedFields',
    });
    expect(shape(`{ ${'... on Query { regions { regionId } } '.repeat(199)}}`)).toMatchObject({ limit: 'repeatedFields' });
    // Fragments spreading fragments are followed; a cycle (invalid, left to the validator) ends.
    const chain = Array.from({ length: 25 }, (_, i) => `fragment C${i} on Query { x ${i < 24 ? `...C${i + 1}` : ''} }`).join(' ');
    expect(shape(`{ ...C0 } ${chain}`)).toMatchObject({ limit: 'repeatedFields' });
    expect(shape('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A y }')).toBeNull();
  });

  it('bounds the echoed key', () => {
    const long = 'k'.repeat(500);
    expect(shape(`{ ${long}: x ${long}: x ${long}: x }`)?.message).toContain(`"${'k'.repeat(64)}"`);
    expect(shape(`{ ${long}: x ${long}: x ${long}: x }`)?.message).not.toContain('k'.repeat(65));
  });
});
