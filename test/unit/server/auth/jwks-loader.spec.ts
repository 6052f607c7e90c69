/**
 * The key-set loader's policy (one module, undici MockAgent, a test clock): when it fetches,
 * what it refuses, what it keeps. The real-network behaviours (a body that stalls or trickles,
 * the gateway's readiness) are in test/integration/server/auth-jwks.spec.ts.
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { MockAgent } from 'undici';
import {
  FAILURE_COOLDOWN_MS,
  JWKS_MAX_BYTES,
  JwksLoader,
  KeySetUnavailableError,
  MAX_AGE_MS,
  UNKNOWN_KEY_REFETCH_MS,
  type JwksFailureReason,
} from '../../../../src/server/auth/jwks-loader';

const ORIGIN = 'https://idp.example.com';
const URL_ = `${ORIGIN}/jwks.json?tenant=t1`;

interface Answer {
  statusCode: number;
  data: string | Buffer;
  headers?: Record<string, string>;
}

describe('JwksLoader', () => {
  let agent: MockAgent;
  let answer: Answer;
  let fetches: number;
  let now: number;
  let failures: JwksFailureReason[];
  let warnings: Record<string, unknown>[];
  let loader: JwksLoader;
  let key1: { privateKey: KeyLike; jwk: JWK };
  let key2: { privateKey: KeyLike; jwk: JWK };

  const keyPair = async (kid: string) => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
  };
  const keySet = (...jwks: JWK[]): Answer => ({ statusCode: 200, data: JSON.stringify({ keys: jwks }) });
  const sign = (key: { privateKey: KeyLike; jwk: JWK }) =>
    new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: key.jwk.kid! }).setExpirationTime('5m').sign(key.privateKey);
  const verify = async (token: string) => (await jwtVerify(token, loader.getKey)).payload;
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    key1 = await keyPair('k1');
    key2 = await keyPair('k2');
  });

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get(ORIGIN)
      .intercept({ path: '/jwks.json?tenant=t1', method: 'GET' })
      .reply(() => {
        fetches += 1;
        return { statusCode: answer.statusCode, data: answer.data, responseOptions: { headers: answer.headers ?? {} } };
      })
      .persist();
    fetches = 0;
    now = 1_000_000;
    failures = [];
    warnings = [];
    answer = keySet(key1.jwk);
    loader = new JwksLoader({
      url: URL_,
      timeoutMs: 1_000,
      dispatcher: agent,
      now: () => now,
      onFailure: (reason) => failures.push(reason),
      logger: { info: () => undefined, warn: (obj) => warnings.push(obj as Record<string, unknown>) },
    });
  });

  afterEach(async () => {
    await loader.close();
    await agent.close();
  });

  it('fetches once for concurrent requests, then verifies from memory', async () => {
    const token = await sign(key1);
    await Promise.all([verify(token), verify(token), loader.ensureLoaded()]);
    await verify(token);
    expect(fetches).toBe(1);
  });

  it('after a failed fetch, refuses at once and fetches again only after the cooldown', async () => {
    answer = { statusCode: 500, data: 'upstream broke' };
    const token = await sign(key1);
    const first = await refusal(verify(token));
    expect(first).toBeInstanceOf(KeySetUnavailableError);
    expect(first).toMatchObject({ reason: 'http_status', message: 'key set fetch failed: HTTP 500' });
    // Twenty more tokens (garbage or not) within the cooldown: no fetch.
    for (let i = 0; i < 20; i += 1) expect(await refusal(verify(token))).toBe(first);
    await expect(loader.ensureLoaded()).rejects.toBe(first);
    expect(fetches).toBe(1);
    expect(failures).toEqual(['http_status']);
    // The operator's line: reason and URL without its query string; nothing of the token.
    expect(warnings).toEqual([
      { url: `${ORIGIN}/jwks.json`, reason: 'http_status', detail: 'key set fetch failed: HTTP 500', keptPreviousSet: false },
    ]);
    expect(JSON.stringify(warnings)).not.toContain(token.split('.')[0]);

    answer = keySet(key1.jwk);
    now += FAILURE_COOLDOWN_MS;
    await expect(verify(token)).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it.each<[string, Answer, JwksFailureReason]>([
    ['not JSON', { statusCode: 200, data: '<html>login</html>' }, 'invalid_json'],
    ['JSON but no key set', { statusCode: 200, data: '{"issuer":"x"}' }, 'invalid_key_set'],
    ['an empty key set', { statusCode: 200, data: '{"keys":[]}' }, 'invalid_key_set'],
    ['keys that are not objects', { statusCode: 200, data: '{"keys":[1,2]}' }, 'invalid_key_set'],
    ['a body over the cap', { statusCode: 200, data: Buffer.alloc(JWKS_MAX_BYTES + 1, 0x20) }, 'too_large'],
    [
      'a declared length over the cap',
      { statusCode: 200, data: '{}', headers: { 'content-length': String(JWKS_MAX_BYTES + 1) } },
      'too_large',
    ],
    ['a redirect (not followed)', { statusCode: 302, data: '', headers: { location: 'https://elsewhere.example.com/' } }, 'http_status'],
  ])('refuses %s as no key set', async (_what, bad, reason) => {
    answer = bad;
    expect(await refusal(loader.ensureLoaded())).toMatchObject({ reason });
    expect(failures).toEqual([reason]);
  });

  it('refetches for an unknown key id (rotation), at most once per interval', async () => {
    await loader.ensureLoaded();
    answer = keySet(key1.jwk, key2.jwk);
    now += UNKNOWN_KEY_REFETCH_MS;
    await expect(verify(await sign(key2))).resolves.toBeDefined();
    expect(fetches).toBe(2);

    // Tokens naming keys nobody has: one refetch per interval, however many arrive.
    const stranger = await keyPair('k-unknown');
    const strangerToken = await sign(stranger);
    now += UNKNOWN_KEY_REFETCH_MS;
    for (let i = 0; i < 10; i += 1) expect(await refusal(verify(strangerToken))).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(fetches).toBe(3);
  });

  it('refreshes a stale set in the background, and keeps the last good set when that refresh fails', async () => {
    const token = await sign(key1);
    await loader.ensureLoaded();
    answer = { statusCode: 503, data: '' };
    now += MAX_AGE_MS;
    // Stale: a refresh starts (and fails); the request is verified with the set in hand.
    await expect(verify(token)).resolves.toBeDefined();
    while (failures.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toEqual(['http_status']);
    expect(warnings[0]).toMatchObject({ keptPreviousSet: true });
    await expect(verify(token)).resolves.toBeDefined();
    await expect(loader.ensureLoaded()).resolves.toBeUndefined();
    expect(fetches).toBe(2);
  });
});
