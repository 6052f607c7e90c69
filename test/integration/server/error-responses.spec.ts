/**
 * Every kind of error response, over real HTTP, in each posture (src/server/posture.ts): none
 * carries a stack trace or a path into the code base (`stacktrace`, `node_modules`, `dist/`, a
 * `    at ` frame), whatever NODE_ENV says. Development on the embedded emulator keeps its helpful
 * messages ("Did you mean ...?"); the safe posture (a real upstream, or production) drops the
 * hints from validation and variable errors alike.
 */
import { createVpcBackend, type VpcBackendOptions } from '../../../src/datasources';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator/defaults';
import { startTestGateway, type HttpResult, type TestGateway } from './support';

const MARKERS = ['stacktrace', 'node_modules', 'dist/', '    at '];

/** Low limits, so that each refusal is reachable with a small document. */
const LIMITS = { GATEWAY_MAX_DEPTH: '4', GATEWAY_MAX_COST: '20', GATEWAY_BODY_LIMIT_BYTES: '1024' };

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** extensions.code of the first error; absent for Fastify's own 404 body. */
  code?: string;
  limit?: string;
  /** graphql-js appends a "Did you mean ...?" suggestion to this message when hints are on. */
  hinted?: boolean;
}

const post = (payload: unknown): Pick<Case, 'method' | 'body' | 'headers'> => ({
  method: 'POST',
  body: JSON.stringify(payload),
  headers: { 'content-type': 'application/json' },
});

const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ');

const CASES: Case[] = [
  { name: 'parse error', ...post({ query: '{ regions { regionId }' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'validation error', ...post({ query: '{ region { regionId } }' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', hinted: true },
  {
    name: 'depth limit',
    ...post({ query: '{ physicalConnections { edges { node { vbrs { id } } } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'depth',
  },
  { name: 'alias limit', ...post({ query: `{ ${aliases} }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' },
  {
    name: 'cost limit',
    ...post({ query: '{ physicalConnections { nodes { id name status bandwidth circuitCode description regionId type vlanId } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'cost',
  },
  {
    name: 'variable coercion error (input field)',
    ...post({
      query: 'mutation T($input: TerminatePhysicalConnectionInput!) { terminatePhysicalConnection(input: $input) { clientToken } }',
      variables: { input: { physicalConnectionId: 'pc-1', regionIdd: 'cn-hangzhou' } },
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
    hinted: true,
  },
  {
    name: 'variable coercion error (enum value)',
    ...post({ query: 'query R($l: RegionLanguage) { regions(language: $l) { regionId } }', variables: { l: 'ZH_CNN' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    hinted: true,
  },
  { name: 'Apollo: no query', ...post({ variables: {} }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'Apollo: unknown operationName',
    ...post({ query: 'query A { regions { regionId } }', operationName: 'B' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  { name: 'Apollo: CSRF refusal', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ regions { regionId } }')}`, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'resolver GatewayError',
    ...post({ query: 'mutation { terminatePhysicalConnection(input: { physicalConnectionId: "not a circuit id" }) { clientToken } }' }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  { name: 'internal error', ...post({ query: '{ regions { regionId } }' }), status: 200, code: 'INTERNAL_SERVER_ERROR' },
  { name: 'Fastify: bad JSON', method: 'POST', body: '{"query": ', headers: { 'content-type': 'application/json' }, status: 400, code: 'BAD_REQUEST' },
  { name: 'Fastify: 415', method: 'POST', body: '<query/>', headers: { 'content-type': 'application/xml' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'Fastify: 413', ...post({ query: `{ regions { regionId } } # ${'x'.repeat(2000)}` }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: '404 route', method: 'GET', path: '/nope', status: 404 },
  { name: '405 method', method: 'PUT', path: '/graphql', body: '{}', headers: { 'content-type': 'application/json' }, status: 405, code: 'METHOD_NOT_ALLOWED' },
];

/** A library failure with internals in its message: what an INTERNAL_SERVER_ERROR is made of. */
function brokenRegions(options: VpcBackendOptions) {
  const real = createVpcBackend(options);
  return {
    ...real,
    forRequest: (o: Parameters<typeof real.forRequest>[0]) => ({
      ...real.forRequest(o),
      regions: () => Promise.reject(new Error('ENOENT: no such file, open /srv/app/node_modules/x/dist/index.js')),
    }),
  };
}

interface Posture {
  name: string;
  hints: boolean;
  start(emulatorUrl: string): Promise<TestGateway>;
}

const POSTURES: Posture[] = [
  {
    name: 'development on the embedded emulator (no NODE_ENV)',
    hints: true,
    start: () => startTestGateway({ ...LIMITS }, { createBackend: brokenRegions }),
  },
  {
    name: 'a real upstream (endpoint) without NODE_ENV',
    hints: false,
    start: (emulatorUrl) =>
      startTestGateway(
        { ...LIMITS, VPC_UPSTREAM_MODE: 'endpoint', VPC_ENDPOINT: emulatorUrl, GATEWAY_AUTH_MODE: 'none' },
        { createBackend: (options) => brokenRegions({ ...options, credentials: { ...DEFAULT_ACCESS_KEY } }) },
      ),
  },
  {
    name: 'NODE_ENV=production',
    hints: false,
    start: () => startTestGateway({ ...LIMITS, NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none' }, { createBackend: brokenRegions }),
  },
];

interface Body {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe.each(POSTURES)('$name', (posture) => {
  let emulator: RunningEmulator;
  let t: TestGateway;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    t = await posture.start(emulator.url);
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  const send = (c: Case): Promise<HttpResult> =>
    t.http(c.method, c.path ?? '/graphql', { ...(c.body === undefined ? {} : { body: c.body }), ...(c.headers ? { headers: c.headers } : {}) });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no stack trace, no path', async (_name, c) => {
    const res = await send(c);
    expect({ status: res.status, body: res.text.slice(0, 500) }).toMatchObject({ status: c.status });
    expect(MARKERS.filter((marker) => res.text.includes(marker))).toEqual([]);
    if (c.code !== undefined) {
      const first = res.json<Body>().errors?.[0];
      expect(first?.extensions?.['code']).toBe(c.code);
      if (c.limit !== undefined) expect(first?.extensions?.['limit']).toBe(c.limit);
    }
    if (c.hinted === true) {
      const messages = (res.json<Body>().errors ?? []).map((e) => e.message);
      expect(messages.some((m) => m.includes(' Did you mean '))).toBe(posture.hints);
    }
  });
});
