/**
 * JWT verification against a JWKS URL: the gateway fetches the key set over real HTTP from a
 * local server (127.0.0.1), as it would from an identity provider.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { startTestGateway, type TestGateway } from './support';

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
