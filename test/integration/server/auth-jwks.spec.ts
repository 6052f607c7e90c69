/**
 * JWT verification against a JWKS URL: the gateway fetches the key set over real HTTP from a
 * local server (127.0.0.1), as it would from an identity provider; then that server misbehaves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { FAILURE_COOLDOWN_MS } from '../../../src/server/auth/jwks-loader';
import { startTestGateway, type HttpResult, type TestGateway } from './support';

describe('JWT auth with GATEWAY_JWKS_URL', () => {
  let jwks: Server;
  let jwksHits = 0;
  let trusted: KeyLike;
  let untrusted: KeyLike;
  let t: TestGateway;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    trusted = pair.privateKey;
    untrusted = (await generateKeyPair('ES256')).privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      jwksHits += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestGateway({
      GATEWAY_AUTH_MODE: 'jwt',
      GATEWAY_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      GATEWAY_JWT_AUDIENCE: 'vpc-gateway',
    });
  });

  afterAll(async () => {
    await t.close();
    jwks.closeAllConnections();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  const sign = (privateKey: KeyLike, kid = 'key-1') =>
    new SignJWT({ scope: 'vpc:read' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('svc-console')
      .setAudience('vpc-gateway')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token signed by a key of the set', async () => {
    const res = await t.graphql({ query: '{ regions { regionId } }' }, { authorization: `Bearer ${await sign(trusted)}` });
    expect(res.status).toBe(200);
    expect(res.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
    expect(jwksHits).toBeGreaterThanOrEqual(1);
  });

  it('warns at start that no issuer is checked (outside production; production refuses to start)', () => {
    expect(t.logs.find((l) => l.level === 'warn' && Array.isArray(l['unset']))).toEqual([
      expect.objectContaining({ unset: ['GATEWAY_JWT_ISSUER'], msg: expect.stringMatching(/tokens issued for other applications are accepted/) }),
    ]);
  });

  it('refuses a token signed by another key with the same kid, and one with an unknown kid', async () => {
    await t.control.clearCalls();
    const forged = await t.graphql({ query: '{ regions { regionId } }' }, { authorization: `Bearer ${await sign(untrusted)}` });
    expect(forged.status).toBe(401);
    expect(forged.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(/signature is invalid/);
    const unknownKid = await t.graphql(
      { query: '{ regions { regionId } }' },
      { authorization: `Bearer ${await sign(untrusted, 'key-2')}` },
    );
    expect(unknownKid.status).toBe(401);
    expect(unknownKid.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(/No trusted key/);
    expect(await t.upstreamCalls()).toBe(0);
  });

  it('refuses an HS256 token even when signed with a plausible secret (JWKS mode is asymmetric only)', async () => {
    const hs = await new SignJWT({ scope: 'vpc:read' })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setAudience('vpc-gateway')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a'.repeat(32)));
    const res = await t.graphql({ query: '{ regions { regionId } }' }, { authorization: `Bearer ${hs}` });
    expect(res.status).toBe(401);
    expect(res.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(/algorithm is not accepted/);
  });
});

/**
 * The identity provider misbehaving (security review): a key-set answer that stalls or trickles
 * after its headers, a 500, bad JSON, then recovery. The gateway's clock is the test's, moved past
 * the cooldowns instead of waiting them out; the fetch deadline (GATEWAY_JWKS_TIMEOUT_MS) is real.
 */
describe('JWT auth with GATEWAY_JWKS_URL while the identity provider fails', () => {
  type Mode = 'stall' | 'trickle' | 'error' | 'badJson' | 'ok';
  let mode: Mode = 'stall';
  let fetches = 0;
  let idp: Server;
  let key: KeyLike;
  let offset = 0;
  let t: TestGateway;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
    idp = createServer((_req, res) => {
      fetches += 1;
      const json = { 'content-type': 'application/json' };
      if (mode === 'ok') res.writeHead(200, json).end(JSON.stringify({ keys: [publicJwk] }));
      else if (mode === 'error') res.writeHead(500, json).end('{"error":"internal"}');
      else if (mode === 'badJson') res.writeHead(200, json).end('{"keys": [');
      else {
        // Headers and a first byte, then nothing (stall) or a byte every 20 ms forever (trickle:
        // never idle long enough for a body timeout; only an overall deadline ends it).
        res.writeHead(200, { ...json, 'content-length': '100000' }).write('{');
        if (mode === 'trickle') {
          const timer = setInterval(() => res.write(' '), 20);
          res.once('close', () => clearInterval(timer));
        }
      }
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const { port } = idp.address() as AddressInfo;
    t = await startTestGateway(
      {
        GATEWAY_AUTH_MODE: 'jwt',
        GATEWAY_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        GATEWAY_JWKS_TIMEOUT_MS: '300',
        GATEWAY_JWT_ISSUER: 'https://idp.example.com',
        GATEWAY_JWT_AUDIENCE: 'vpc-gateway',
      },
      { now: () => Date.now() + offset },
    );
  });

  afterAll(async () => {
    await t.close();
    idp.closeAllConnections();
    await new Promise<void>((resolve) => idp.close(() => resolve()));
  });

  const token = () =>
    new SignJWT({ scope: 'vpc:read' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer('https://idp.example.com')
      .setAudience('vpc-gateway')
      .setExpirationTime('5m')
      .sign(key);
  const query = async (bearer: string) => t.graphql({ query: '{ regions { regionId } }' }, { authorization: `Bearer ${bearer}` });
  const errorOf = (res: HttpResult) => res.json<{ errors: { message: string }[] }>().errors[0]?.message;
  const pastCooldown = () => (offset += FAILURE_COOLDOWN_MS);
  const failureCount = async (reason: string) => {
    const line = (await t.http('GET', '/metrics')).text.split('\n').find((l) => l.startsWith(`gateway_jwks_fetch_failures_total{reason="${reason}"}`));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };
  const UNAVAILABLE = 'The bearer token could not be verified: the identity provider key set is unavailable.';

  it('a key set that stalls after its headers: the fetch is cut, /readyz says why, requests are refused, not held', async () => {
    // The start-up fetch is stalled; this probe waits for it to be cut by the deadline.
    const ready = await t.http('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not ready', checks: { keySet: 'failed' }, reason: 'JWKS_UNAVAILABLE' });
    const refused = await query(await token());
    expect(refused.status).toBe(401);
    expect(errorOf(refused)).toBe(UNAVAILABLE);
    expect(fetches).toBe(1);
    expect(await failureCount('timeout')).toBe(1);
    expect(t.logs.find((l) => l.msg === 'JWT key set unavailable')).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'timeout', url: expect.stringMatching(/\/jwks$/) }),
    ]);
  });

  it('garbage RS256-shaped tokens during the cooldown drive no fetch', async () => {
    const garbage = `${Buffer.from('{"alg":"RS256","kid":"nope"}').toString('base64url')}.e30.AAAA`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => query(garbage)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(new Set(answers.map(errorOf))).toEqual(new Set([UNAVAILABLE]));
    expect(fetches).toBe(1);
  });

  it('a key set that trickles forever is cut by the overall deadline', async () => {
    mode = 'trickle';
    pastCooldown();
    const refused = await query(await token());
    expect(refused.status).toBe(401);
    expect(fetches).toBe(2);
    expect(await failureCount('timeout')).toBe(2);
  });

  it.each<[Mode, string]>([
    ['error', 'http_status'],
    ['badJson', 'invalid_json'],
  ])('a key set answering %s is told to the operator (%s), and to the caller as unavailable, not as a bad token', async (bad, reason) => {
    mode = bad;
    pastCooldown();
    const before = fetches;
    const refused = await query(await token());
    expect(refused.status).toBe(401);
    expect(errorOf(refused)).toBe(UNAVAILABLE);
    expect(fetches).toBe(before + 1);
    expect(await failureCount(reason)).toBe(1);
    expect(t.logs.find((l) => l.msg === 'JWT key set unavailable' && l['reason'] === reason)).toHaveLength(1);
  });

  it('recovers by itself once the identity provider does: requests pass, /readyz turns ready', async () => {
    mode = 'ok';
    pastCooldown();
    const ok = await query(await token());
    expect(ok.status).toBe(200);
    const ready = await t.http('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { keySet: 'ok' } });
    expect(t.logs.find((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  });
});
