import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../../../../src/server/config';
import { createAuthenticator, requiredScope, scopesOf, SCOPE_READ, SCOPE_WRITE } from '../../../../src/server/auth/authenticator';
import { UnauthenticatedError } from '../../../../src/schema/errors';

const SECRET = 'unit-test-secret-0123456789abcdef!!';
const settings = loadConfig({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: SECRET, GATEWAY_JWT_AUDIENCE: 'gw', GATEWAY_JWT_ISSUER: 'iss' }).auth;
const key = new TextEncoder().encode(SECRET);

const sign = (claims: Record<string, unknown>, exp: string | number = '1m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setAudience('gw').setIssuer('iss').setExpirationTime(exp).sign(key);

async function refusal(promise: Promise<unknown>): Promise<UnauthenticatedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return error;
    throw error;
  }
  throw new Error('expected UnauthenticatedError');
}

describe('createAuthenticator', () => {
  it('none: anonymous with every scope, whatever the header', async () => {
    const auth = await createAuthenticator('none', settings).authenticate('Bearer garbage');
    expect(auth.subject).toBeNull();
    expect([...auth.scopes].sort()).toEqual([SCOPE_READ, SCOPE_WRITE]);
  });

  const jwt = createAuthenticator('jwt', settings);

  it('jwt: subject and scopes from a valid token', async () => {
    const token = await sign({ sub: 'bob', scope: 'vpc:read other' });
    const auth = await jwt.authenticate(`Bearer ${token}`);
    expect(auth.subject).toBe('bob');
    expect([...auth.scopes]).toEqual(['vpc:read', 'other']);
    // Case-insensitive scheme.
    expect((await jwt.authenticate(`bearer ${token}`)).subject).toBe('bob');
  });

  it.each([
    ['no header', undefined, /bearer token is required/],
    ['another scheme', 'Basic Ym9iOnB3', /must be Bearer/],
    ['not a JWT', 'Bearer abc', /must be Bearer/],
    ['an oversized header', `Bearer ${'a'.repeat(9000)}.b.c`, /must be Bearer/],
  ])('jwt: refuses %s', async (_name, header, message) => {
    expect((await refusal(jwt.authenticate(header))).message).toMatch(message);
  });

  it('jwt: refuses expired, wrong audience, wrong issuer, missing exp, bad signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await refusal(jwt.authenticate(`Bearer ${await sign({}, now - 60)}`))).message).toMatch(/expired/);
    const wrongAud = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience('x').setIssuer('iss').setExpirationTime('1m').sign(key);
    expect((await refusal(jwt.authenticate(`Bearer ${wrongAud}`))).message).toMatch(/aud claim/);
    const wrongIss = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience('gw').setIssuer('x').setExpirationTime('1m').sign(key);
    expect((await refusal(jwt.authenticate(`Bearer ${wrongIss}`))).message).toMatch(/iss claim/);
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience('gw').setIssuer('iss').sign(key);
    expect((await refusal(jwt.authenticate(`Bearer ${noExp}`))).message).toMatch(/exp claim/);
    const token = await sign({});
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await refusal(jwt.authenticate(`Bearer ${tampered}`))).message).toMatch(/signature is invalid/);
  });

  it('jwt with a key set: asymmetric keys only', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] });
    const viaJwks = createAuthenticator('jwt', { ...settings, jwtSecret: null, jwksUrl: 'https://idp.example.com/jwks' }, { keyResolver: jwks });
    const good = await new SignJWT({ sub: 'svc', scp: ['vpc:write'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setAudience('gw')
      .setIssuer('iss')
      .setExpirationTime('1m')
      .sign(privateKey);
    expect([...(await viaJwks.authenticate(`Bearer ${good}`)).scopes]).toEqual(['vpc:write']);
    const hs = await sign({});
    expect((await refusal(viaJwks.authenticate(`Bearer ${hs}`))).message).toMatch(/algorithm is not accepted/);
  });
});

describe('scopes', () => {
  it('reads scope as a string or an array, and scp too', () => {
    expect([...scopesOf({ scope: 'a  b' })]).toEqual(['a', 'b']);
    expect([...scopesOf({ scope: ['a', 7, 'b'] })]).toEqual(['a', 'b']);
    expect([...scopesOf({ scp: 'c', scope: 'a' })]).toEqual(['a', 'c']);
    expect([...scopesOf({})]).toEqual([]);
  });

  it('maps operation types to scopes', () => {
    expect(requiredScope('query')).toBe('vpc:read');
    expect(requiredScope('mutation')).toBe('vpc:write');
    expect(requiredScope('subscription')).toBe('vpc:write');
  });
});
