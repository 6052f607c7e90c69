import { parseJsonBody, PROTOTYPE_KEY_CODE } from '../../../../src/server/plugins/json-body';

function codeOf(text: string): unknown {
  try {
    parseJsonBody(text);
    return null;
  } catch (error) {
    return (error as { code?: string; statusCode?: number }).code;
  }
}

describe('parseJsonBody', () => {
  it('parses ordinary JSON, prototype-like words in values included', () => {
    expect(parseJsonBody('{"query":"{ x }","variables":{"a":"__proto__","prototype":1}}')).toEqual({
      query: '{ x }',
      variables: { a: '__proto__', prototype: 1 },
    });
  });

  it('skips a leading UTF-8 byte order mark, as Fastify\'s own parser did', () => {
    expect(parseJsonBody('\uFEFF{"query":"{ x }"}')).toEqual({ query: '{ x }' });
    expect(codeOf('\uFEFF')).toBe('FST_ERR_CTP_EMPTY_JSON_BODY');
  });

  it('refuses empty and malformed bodies with Fastify codes', () => {
    expect(codeOf('')).toBe('FST_ERR_CTP_EMPTY_JSON_BODY');
    expect(codeOf('{"query": ')).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
  });

  it('refuses prototype keys with their own code and status 400, at any depth, escaped or not', () => {
    expect(codeOf('{"__proto__": {"x": 1}}')).toBe(PROTOTYPE_KEY_CODE);
    expect(codeOf('{"variables": {"input": {"__proto__": {"x": 1}}}}')).toBe(PROTOTYPE_KEY_CODE);
    expect(codeOf('{"a": [{"constructor": {"prototype": {"x": 1}}}]}')).toBe(PROTOTYPE_KEY_CODE);
    expect(codeOf('{"\\u005f_proto__": {}}')).toBe(PROTOTYPE_KEY_CODE);
    expect(codeOf('{"constructor": {"\\u0070rototype": {}}}')).toBe(PROTOTYPE_KEY_CODE);
    expect(() => parseJsonBody('{"__proto__": {}}')).toThrow(expect.objectContaining({ statusCode: 400 }));
  });

  it('allows a constructor key that is not an object with a prototype', () => {
    expect(parseJsonBody('{"constructor": "x", "c": {"constructor": {"name": 1}}}')).toEqual({ constructor: 'x', c: { constructor: { name: 1 } } });
  });
});

describe('deep bodies', () => {
  it('finds a prototype key nested 50 000 levels deep, and parses a clean one', () => {
    const depth = 50_000;
    expect(codeOf(`${'['.repeat(depth)}{"__proto__": 1}${']'.repeat(depth)}`)).toBe(PROTOTYPE_KEY_CODE);
    expect(codeOf(`${'['.repeat(depth)}{"proto": 1}${']'.repeat(depth)}`)).toBeNull();
  });
});
