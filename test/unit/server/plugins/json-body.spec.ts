import { forbiddenPrototypeKey, parseJsonBody, PROTOTYPE_KEY_CODE } from '../../../../src/server/plugins/json-body';

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
    expect(() => parseJsonBody('{"__proto__": {}}')).toThrow(
      expect.objectContaining({ statusCode: 400, message: expect.stringContaining('"__proto__"') }),
    );
  });

  it('allows a constructor key that is not an object with a prototype', () => {
    expect(parseJsonBody('{"constructor": "x", "c": {"constructor": {"name": 1}}}')).toEqual({ constructor: 'x', c: { constructor: { name: 1 } } });
  });
});

describe('forbiddenPrototypeKey', () => {
  it('walks deep values without recursion', () => {
    let deep: unknown = JSON.parse('{"__proto__": 1}');
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(forbiddenPrototypeKey(deep)).toBe('__proto__');
    expect(forbiddenPrototypeKey([[[1, 'x', null]]])).toBeNull();
  });
});
