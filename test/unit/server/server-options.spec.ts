import { requestIdFrom, requestTimeoutOptions } from '../../../src/server/server-options';

describe('requestTimeoutOptions', () => {
  it('bounds headers and body with the same timeout, checked at a tenth of it (at most every second)', () => {
    expect(requestTimeoutOptions(30_000)).toEqual({
      requestTimeout: 30_000,
      http: { requestTimeout: 30_000, headersTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    });
    expect(requestTimeoutOptions(500).http.connectionsCheckingInterval).toBe(50);
    expect(requestTimeoutOptions(100).http.connectionsCheckingInterval).toBe(10);
  });
});

describe('requestIdFrom', () => {
  it('keeps a well-formed id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_x.y:z'.replace('_', '-'))).toBe('abc-123-x.y:z');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', ' ', 'a b', 'x\r\ny', '"quoted"', '-leading', 'a'.repeat(129), '<script>']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
  });
});
