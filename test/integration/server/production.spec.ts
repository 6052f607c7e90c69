/**
 * The safe posture (src/server/posture.ts) with NODE_ENV=production and in front of a real upstream
 * without NODE_ENV, and the browser-facing settings (CORS, playground switch): introspection and
 * playground off unless enabled, no stack traces or internal messages, no schema hints.
 * Every kind of error response, scanned for stack traces and paths: error-responses.spec.ts.
 */
import type { VpcBackend, VpcBackendOptions } from '../../../src/datasources';
import { createVpcBackend } from '../../../src/datasources';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator/defaults';
import { startTestGateway, type TestGateway } from './support';

/** A backend whose `regions()` fails with something a library might throw: internals in the message. */
function brokenRegionsBackend(options: VpcBackendOptions): VpcBackend {
  const real = createVpcBackend(options);
  return {
    ...real,
    forRequest: (o) => ({
      ...real.forRequest(o),
      regions: () => Promise.reject(new Error('socket hang up https://vpc.aliyuncs.com/?Signature=c2VjcmV0&AccessKeyId=LTAI')),
    }),
  };
}

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('NODE_ENV=production (the embedded emulator, chosen explicitly)', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway(
      { NODE_ENV: 'production', VPC_UPSTREAM_MODE: 'emulator', GATEWAY_AUTH_MODE: 'none', GATEWAY_CORS_ORIGINS: 'https://console.example.com' },
      { createBackend: brokenRegionsBackend },
    );
  });
  afterAll(() => t.close());

  it('refuses introspection', async () => {
    const res = await t.graphql({ query: '{ __schema { queryType { name } } }' });
    expect(res.status).toBe(400);
    expect(res.json<Body>().errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it('does not serve the playground', async () => {
    expect((await t.http('GET', '/playground')).status).toBe(404);
    const browser = await t.http('GET', '/graphql', { headers: { accept: 'text/html' } });
    expect(browser.headers['content-type']).not.toMatch(/text\/html/);
  });

  it('masks an internal error: no message, no stack trace, a correlation id equal to the request id', async () => {
    const res = await t.graphql({ query: '{ regions { regionId } }' }, { 'x-request-id': 'prod-internal-1' });
    const body = res.json<Body>();
    expect(body.errors).toEqual([
      {
        message: 'Internal server error.',
        locations: [{ line: 1, column: 3 }],
        path: ['regions'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId: 'prod-internal-1' },
      },
    ]);
    expect(res.text).not.toMatch(/socket|Signature|stacktrace/);
    // The details are in the log, redacted.
    const logged = t.logs.find((l) => l['requestId'] === 'prod-internal-1' && l.msg === 'internal error');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toContain('socket hang up');
    expect(JSON.stringify(logged[0])).not.toContain('c2VjcmV0');
  });

  it('gives no "did you mean" hints about the schema', async () => {
    const res = await t.graphql({ query: '{ region { regionId } }' });
    expect(res.status).toBe(400);
    expect(res.json<Body>().errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers CORS preflights for an allowed origin only', async () => {
    const preflight = (origin: string) =>
      t.http('OPTIONS', '/graphql', {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight('https://console.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/authorization/);
    const other = await preflight('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('a real upstream without NODE_ENV: the same safe posture', () => {
  let emulator: RunningEmulator;
  let t: TestGateway;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    t = await startTestGateway(
      { VPC_UPSTREAM_MODE: 'endpoint', VPC_ENDPOINT: emulator.url, GATEWAY_AUTH_MODE: 'none' },
      // The emulator's key as static credentials: the process environment stays untouched.
      { createBackend: (options) => createVpcBackend({ ...options, credentials: { ...DEFAULT_ACCESS_KEY } }) },
    );
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('serves the upstream', async () => {
    expect(t.gateway.mode.kind).toBe('endpoint');
    const res = await t.graphql({ query: '{ regions { regionId } }' });
    expect(res.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
  });

  it('refuses introspection, serves no playground, gives no hints', async () => {
    expect(t.gateway.posture).toEqual({ introspection: false, playground: false, schemaHints: false, stackTraces: false, playgroundFreeText: false });
    const introspection = await t.graphql({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.json<Body>().errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    expect(t.gateway.playgroundUrl).toBeNull();
    expect((await t.http('GET', '/playground')).status).toBe(404);
    const typo = await t.graphql({ query: '{ region { regionId } }' });
    expect(typo.json<Body>().errors?.[0]?.message).toBe('Cannot query field "region" on type "Query".');
  });
});

describe('development defaults with explicit switches', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_INTROSPECTION: 'false' }, { createBackend: brokenRegionsBackend });
  });
  afterAll(() => t.close());

  it('honours GATEWAY_INTROSPECTION=false outside production', async () => {
    const res = await t.graphql({ query: '{ __schema { queryType { name } } }' });
    expect(res.status).toBe(400);
  });

  it('shows no stack trace of an internal error outside production either', async () => {
    const res = await t.graphql({ query: '{ regions { regionId } }' });
    const body = res.json<Body>();
    expect(body.errors?.[0]?.message).toBe('Internal server error.');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId: expect.any(String) });
    expect(res.text).not.toMatch(/socket|stacktrace/);
  });

  it('sends no CORS headers when GATEWAY_CORS_ORIGINS is unset', async () => {
    const res = await t.http('OPTIONS', '/graphql', {
      headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
