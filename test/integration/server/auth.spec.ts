/**
 * JWT authentication and scopes through the whole runtime: real HTTP to the gateway, real
 * backend, the embedded emulator counting every upstream call. A refused caller must cost
 * nothing upstream.
 */
import { SignJWT } from 'jose';
import { startTestGateway, terminableConnectionId, type TestGateway } from './support';

const SECRET = 'integration-test-secret-with-at-least-32-bytes!';
const key = new TextEncoder().encode(SECRET);

async function token(
  claims: Record<string, unknown>,
  options: { secret?: Uint8Array; expiresIn?: string | number; audience?: string; issuer?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice@example.com')
    .setIssuer(options.issuer ?? 'https://issuer.test')
    .setAudience(options.audience ?? 'vpc-gateway')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.secret ?? key);
}

const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;
const REGIONS = '{ regions { regionId } }';

describe('JWT auth (HS256) in front of the emulator', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({
      GATEWAY_AUTH_MODE: 'jwt',
      GATEWAY_JWT_SECRET: SECRET,
      GATEWAY_JWT_ISSUER: 'https://issuer.test',
      GATEWAY_JWT_AUDIENCE: 'vpc-gateway',
    });
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.reset());

  async function expectRefused(
    headers: Record<string, string>,
    status: number,
    code: string,
    message: RegExp,
    body: unknown = { query: REGIONS },
  ): Promise<void> {
    const res = await t.graphql(body, headers);
    expect(res.status).toBe(status);
    const json = res.json<{ data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] }>();
    expect(json.data ?? null).toBeNull();
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]?.extensions['code']).toBe(code);
    expect(json.errors[0]?.message).toMatch(message);
    expect(await t.upstreamCalls()).toBe(0);
  }

  it('refuses a request without a token with 401 UNAUTHENTICATED and a Bearer challenge', async () => {
    const res = await t.graphql({ query: REGIONS });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="vpc-graphql-gateway"');
    await expectRefused({}, 401, 'UNAUTHENTICATED', /bearer token is required/i);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await token({ scope: 'vpc:read vpc:write' }, { secret: new TextEncoder().encode('x'.repeat(40)) });
    await expectRefused({ authorization: `Bearer ${forged}` }, 401, 'UNAUTHENTICATED', /signature is invalid/);
  });

  it('refuses an expired token', async () => {
    const expired = await token({ scope: 'vpc:read' }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    await expectRefused({ authorization: `Bearer ${expired}` }, 401, 'UNAUTHENTICATED', /expired/);
  });

  it('refuses a token for another audience, and one from another issuer', async () => {
    const otherAudience = await token({ scope: 'vpc:read' }, { audience: 'billing-api' });
    await expectRefused({ authorization: `Bearer ${otherAudience}` }, 401, 'UNAUTHENTICATED', /aud claim/);
    const otherIssuer = await token({ scope: 'vpc:read' }, { issuer: 'https://evil.test' });
    await expectRefused({ authorization: `Bearer ${otherIssuer}` }, 401, 'UNAUTHENTICATED', /iss claim/);
  });

  it('refuses an unsigned (alg none) token and a non-Bearer scheme', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'x', scope: 'vpc:write', exp: 9999999999, aud: 'vpc-gateway', iss: 'https://issuer.test' }),
    ).toString('base64url')}.`;
    await expectRefused({ authorization: `Bearer ${unsigned}` }, 401, 'UNAUTHENTICATED', /algorithm is not accepted|invalid/);
    await expectRefused({ authorization: `Basic dXNlcjpwYXNz` }, 401, 'UNAUTHENTICATED', /must be Bearer/);
  });

  it('lets a vpc:read token query, and refuses it the mutation with 403 FORBIDDEN before any upstream call', async () => {
    const reader = await token({ scope: 'vpc:read' });
    const ok = await t.graphql({ query: REGIONS }, { authorization: `Bearer ${reader}` });
    expect(ok.status).toBe(200);
    expect(ok.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
    await t.control.clearCalls();

    await expectRefused(
      { authorization: `Bearer ${reader}` },
      403,
      'FORBIDDEN',
      /needs the vpc:write scope/,
      { query: TERMINATE, variables: { input: { physicalConnectionId: 'pc-bp1vdhldsun7av8bppxx' } } },
    );
    const forbidden = await t.graphql(
      { query: TERMINATE, variables: { input: { physicalConnectionId: 'pc-bp1vdhldsun7av8bppxx' } } },
      { authorization: `Bearer ${reader}` },
    );
    expect(forbidden.json<{ errors: { extensions: unknown }[] }>().errors[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      retryable: false,
      requiredScope: 'vpc:write',
    });
    expect(await t.upstreamCalls()).toBe(0);
  });

  it('refuses a vpc:write-only token a query (scopes are not hierarchical)', async () => {
    const writer = await token({ scope: ['vpc:write'] });
    await expectRefused({ authorization: `Bearer ${writer}` }, 403, 'FORBIDDEN', /needs the vpc:read scope/);
  });

  it('lets a vpc:write token terminate, and audits the attempt with subject, input, RequestId and clientToken', async () => {
    const reader = await token({ scope: 'vpc:read' });
    const id = await terminableConnectionId({
      ...t,
      graphql: (body) => t.graphql(body, { authorization: `Bearer ${reader}` }),
    });
    const writer = await token({ scope: 'vpc:read vpc:write' });
    const res = await t.graphql(
      { query: TERMINATE, variables: { input: { physicalConnectionId: id, clientToken: 'auth-spec-token-1' } } },
      { authorization: `Bearer ${writer}` },
    );
    expect(res.status).toBe(200);
    const payload = res.json<{
      data: { terminatePhysicalConnection: { requestId: string; clientToken: string; physicalConnection: { id: string; status: string } } };
    }>().data.terminatePhysicalConnection;
    expect(payload.clientToken).toBe('auth-spec-token-1');
    expect(payload.physicalConnection).toEqual({ id, status: 'TERMINATING' });
    expect((await t.control.calls()).byAction['TerminatePhysicalConnection']).toBe(1);

    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subject: 'alice@example.com',
      operationName: 'Terminate',
      outcome: 'OK',
      upstreamRequestId: payload.requestId,
      clientToken: 'auth-spec-token-1',
      fields: [{ name: 'terminatePhysicalConnection', args: { input: { physicalConnectionId: id, clientToken: 'auth-spec-token-1' } } }],
    });
    // The bearer token never reaches the logs.
    expect(t.logs.raw.some((line) => line.includes(writer) || line.includes(SECRET))).toBe(false);
  });

  it('audits a refused mutation attempt too (401 without a token, 403 with a read token)', async () => {
    const anonymous = await t.graphql({ query: TERMINATE, variables: { input: { physicalConnectionId: 'pc-x' } } });
    const reader = await token({ scope: 'vpc:read' });
    const forbidden = await t.graphql(
      { query: TERMINATE, variables: { input: { physicalConnectionId: 'pc-x' } } },
      { authorization: `Bearer ${reader}` },
    );
    const byRequest = (res: { headers: Record<string, unknown> }) =>
      t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id'])[0];
    expect(byRequest(anonymous)).toMatchObject({ subject: null, outcome: 'UNAUTHENTICATED', errorCodes: ['UNAUTHENTICATED'], httpStatus: 401 });
    expect(byRequest(forbidden)).toMatchObject({ subject: 'alice@example.com', outcome: 'FORBIDDEN', errorCodes: ['FORBIDDEN'], httpStatus: 403 });
  });

  it("never parses an unauthenticated caller's document for the audit: the attempt is logged without field names", async () => {
    const byRequest = (res: { headers: Record<string, unknown> }) =>
      t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id']);
    // Field names could only come from a parse; a document that does not parse is audited alike.
    const wellFormed = await t.graphql({ query: TERMINATE, variables: { input: { physicalConnectionId: 'pc-x' } } });
    const broken = await t.graphql({ query: 'mutation { terminatePhysicalConnection(input: { physicalConnectionId: "pc-x" ' });
    for (const res of [wellFormed, broken]) {
      expect(res.status).toBe(401);
      expect(byRequest(res)).toEqual([expect.objectContaining({ outcome: 'UNAUTHENTICATED', operationName: null, fields: [], httpStatus: 401 })]);
    }
    // A query refused the same way is no mutation attempt.
    const query = await t.graphql({ query: REGIONS });
    expect(query.status).toBe(401);
    expect(byRequest(query)).toEqual([]);
  });
});
