import { requestTimeoutOptions } from '../../../../src/server/plugins/request-timeout';

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
