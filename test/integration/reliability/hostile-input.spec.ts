/**
 * Issue 7, item 4: malformed and malicious requests against a production-configured gateway (JWT
 * auth with a valid token, so refusals come from input handling, not from authentication). Each
 * must be a 4xx or a typed GraphQL error, cost no upstream request (emulator counters), leave the
 * process serving, and carry nothing secret.
 */
import { SignJWT } from 'jose';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator';
import { scanCaptured } from '../../support/leak-scan';
import type { HttpResult, TestGateway } from '../server/support';
import { startReliabilityGateway, type GraphQLError } from './support';

const JWT_SECRET = 'hostile-input-suite-secret-of-more-than-32-bytes';
const PC = DEMO_IDS.enabledReadyToTerminate[0] ?? '';

const TERMINATE = 'mutation T($input: TerminatePhysicalConnectionInput!) { terminatePhysicalConnection(input: $input) { clientToken } }';
const CIRCUIT = 'query C($id: ID!, $regionId: String) { physicalConnection(id: $id, regionId: $regionId) { id } }';
const LIST = 'query L($regionId: String, $filter: PhysicalConnectionFilter, $first: Int, $after: String) { physicalConnections(regionId: $regionId, filter: $filter, first: $first, after: $after) { totalCount } }';

interface HostileCase {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path?: string;
  /** null: no content-type header. */
  contentType?: string | null;
  body?: string;
  /** Send the suite's valid bearer token (default true). */
  auth?: boolean;
  headers?: Record<string, string>;
  status: number;
  /** `extensions.code` of the first error. */
  code?: string;
  /** `extensions.field` of the first error (BAD_USER_INPUT). */
  field?: string;
  /** A value that must not come back verbatim (the gateway never echoes hostile input). */
  echo?: string;
  /** Exactly this many errors (a limit refuses with one error, not one per offending node). */
  errorCount?: number;
}

const op = (query: string, variables?: Record<string, unknown>): string => JSON.stringify({ query, ...(variables ? { variables } : {}) });
const terminate = (input: Record<string, unknown>) => op(TERMINATE, { input: { physicalConnectionId: PC, ...input } });

/** `{ a: { a: ... } }`, `depth` levels. */
function nestedObject(depth: number): unknown {
  let value: unknown = 'pc-bp1';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const badId = (name: string, id: string): HostileCase => ({
  name: `circuit id: ${name}`,
  body: op(CIRCUIT, { id }),
  status: 200,
  code: 'BAD_USER_INPUT',
  field: 'id',
  echo: id,
});
const badTerminateId = (name: string, id: string): HostileCase => ({
  name: `terminate id: ${name}`,
  body: terminate({ physicalConnectionId: id }),
  status: 200,
  code: 'BAD_USER_INPUT',
  field: 'input.physicalConnectionId',
  echo: id,
});
const badRegion = (name: string, regionId: string): HostileCase => ({
  name: `region: ${name}`,
  body: op(LIST, { regionId }),
  status: 200,
  code: 'BAD_USER_INPUT',
  field: 'regionId',
  echo: regionId,
});
const badToken = (name: string, clientToken: string): HostileCase => ({
  name: `clientToken: ${name}`,
  body: terminate({ clientToken }),
  status: 200,
  code: 'BAD_USER_INPUT',
  field: 'input.clientToken',
  echo: clientToken,
});

/** A list literal nested `depth` levels deep. */
const nestedList = (depth: number) => op(`{ physicalConnections(filter: { ids: ${'['.repeat(depth)}"pc-1"${']'.repeat(depth)} }) { totalCount } }`);

/** graphql-cop's denial-of-service probes, verbatim (dolevf/graphql-cop lib/tests/dos_*.py). */
const COP_ALIASES = `query cop { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('')} }`;
const COP_DUPLICATE_FIELDS = `query cop { ${'__typename \n'.repeat(500)}} `;
const COP_DIRECTIVES = 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }';
const COP_KNOWN_DIRECTIVES = `query cop { __typename ${'@skip(if:false)'.repeat(10)} }`;

const CASES: HostileCase[] = [
  // ---- the HTTP envelope
  { name: 'invalid JSON', body: '{"query": "{ regions { regionId } }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON string instead of an object', body: '"{ regions { regionId } }"', status: 400 },
  { name: 'JSON null', body: 'null', status: 400 },
  { name: 'empty body', body: '', status: 400 },
  { name: 'batch array', body: `[${op('{ regions { regionId } }')}]`, status: 400 },
  { name: 'no query', body: '{"variables": {}}', status: 400 },
  { name: 'query not a string', body: '{"query": {"kind": "Document"}}', status: 400 },
  { name: 'variables not an object', body: '{"query": "{ regions { regionId } }", "variables": "x"}', status: 400 },
  { name: 'unknown operationName', body: JSON.stringify({ query: 'query A { regions { regionId } }', operationName: 'B' }), status: 400 },
  { name: 'prototype pollution in variables', body: `{"query": ${JSON.stringify(TERMINATE)}, "variables": {"input": {"__proto__": {"physicalConnectionId": "${PC}"}}}}`, status: 400, code: 'BAD_REQUEST' },
  { name: 'constructor.prototype in variables', body: `{"query": ${JSON.stringify(TERMINATE)}, "variables": {"input": {"constructor": {"prototype": {"physicalConnectionId": "${PC}"}}}}}`, status: 400, code: 'BAD_REQUEST' },
  { name: 'prototype pollution at the top level', body: `{"query": ${JSON.stringify(TERMINATE)}, "__proto__": {"variables": {"input": {"physicalConnectionId": "${PC}"}}}}`, status: 400, code: 'BAD_REQUEST' },
  // ---- content types
  { name: 'text/plain (CSRF)', contentType: 'text/plain', body: terminate({}), status: 400 },
  { name: 'form encoded', contentType: 'application/x-www-form-urlencoded', body: `query=${encodeURIComponent(TERMINATE)}`, status: 415 },
  { name: 'multipart', contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ regions { regionId } }\r\n--x--', status: 415 },
  { name: 'XML', contentType: 'application/xml', body: '<query>{ regions { regionId } }</query>', status: 415 },
  { name: 'no content type', contentType: null, body: op('{ regions { regionId } }'), status: 415 },
  { name: 'a JSON-like media type', contentType: 'application/vnd.api+json', body: op('{ regions { regionId } }'), status: 415 },
  { name: 'GraphQL media type', contentType: 'application/graphql', body: '{ regions { regionId } }', status: 415 },
  // ---- size and depth
  { name: 'huge variables (over the body limit)', body: op(LIST, { filter: { names: ['x'.repeat(200_000)] } }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'huge variables (5000 ids within the body limit)', body: op(LIST, { filter: { ids: Array.from({ length: 5000 }, (_, i) => `pc-${i}`) } }), status: 200, code: 'BAD_USER_INPUT', field: 'filter.ids' },
  { name: 'deeply nested input object (2000 levels)', body: op(TERMINATE, { input: nestedObject(2000) }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'deeply nested JSON array (40 000 levels)', body: `{"query": ${JSON.stringify(LIST)}, "variables": {"filter": {"ids": ${'['.repeat(40_000)}${']'.repeat(40_000)}}}}`, status: 400 },
  // Past the token limit, or past the parser's stack a little before it (depends on the JIT).
  { name: 'deeply nested list literal (token limit)', body: nestedList(3000), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'nested list literal within the token limit', body: nestedList(400), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'recursive fragments', body: op('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'NUL byte in the document', body: op('{ regions { regionId } }\u0000'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  // ---- graphql-cop (HIGH "Denial of Service" findings when accepted)
  { name: 'graphql-cop alias overloading (101 __typename aliases)', body: op(COP_ALIASES), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', errorCount: 1 },
  { name: 'graphql-cop field duplication (500 x __typename)', body: op(COP_DUPLICATE_FIELDS), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', errorCount: 1 },
  { name: 'graphql-cop directive overloading (10 unknown directives)', body: op(COP_DIRECTIVES), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', errorCount: 1 },
  { name: 'graphql-cop directive overloading (10 x @skip)', body: op(COP_KNOWN_DIRECTIVES), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', errorCount: 1 },
  // ---- operations and protocol features the gateway does not have
  { name: 'subscription (no Subscription type)', body: op('subscription { __typename }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', errorCount: 1 },
  { name: 'automatic persisted query', body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
  // ---- ids: unicode, control characters, injection
  badId('NUL', `${PC}\u0000`),
  badId('CRLF header injection', `${PC}\r\nHost: evil.example`),
  badId('right-to-left override', `pc-\u202Ehlftw0dhtobvxxjqv1pb`),
  badId('zero-width space', `pc-bp1\u200Bvqjxxvbothd0wtflh`),
  badId('full-width letters', 'pc-ｂｐ１ｖｑｊ'),
  badId('emoji', 'pc-🔥'),
  badId('upper case', PC.toUpperCase()),
  badId('percent-encoded parameter injection', `${PC}%26Action%3DDeletePhysicalConnection`),
  badId('raw parameter injection', `${PC}&Action=DeletePhysicalConnection&RegionId=cn-shanghai`),
  badId('path traversal', '../../_emulator/reset'),
  badId('a VBR id where a circuit id belongs', 'vbr-bp16x30fov6kr8i1edwl'),
  badId('very long', `pc-${'a'.repeat(10_000)}`),
  badTerminateId('NUL', `${PC}\u0000`),
  badTerminateId('percent-encoded parameter injection', `${PC}%26ClientToken%3Dstolen`),
  badTerminateId('semicolon list', `${PC};pc-bp1bmuaptt0zn3x0pdqx`),
  { name: 'id literal with a unicode escape', body: op(`{ physicalConnection(id: "pc-bp1\\u0000x") { id } }`), status: 200, code: 'BAD_USER_INPUT', field: 'id' },
  { name: 'id of the wrong type', body: op(CIRCUIT, { id: { $ne: null } }), status: 400, code: 'BAD_USER_INPUT' },
  // ---- regions that would change the upstream host
  badRegion('another domain', 'cn-hangzhou.evil.example'),
  badRegion('userinfo', 'cn-hangzhou@evil.example'),
  badRegion('port', 'cn-hangzhou:8080'),
  badRegion('path', 'cn-hangzhou/evil'),
  badRegion('percent-encoded slash', 'cn-hangzhou%2Fevil'),
  badRegion('fragment', 'cn-hangzhou#'),
  badRegion('IP address', '127.0.0.1'),
  badRegion('dot segments', '..'),
  badRegion('upper case', 'CN-HANGZHOU'),
  badRegion('trailing space', 'cn-hangzhou '),
  badRegion('CRLF', 'cn-hangzhou\r\nx-acs-action: DeletePhysicalConnection'),
  badRegion('unicode dot', 'cn-hangzhou\u3002evil'),
  badRegion('very long', `cn-${'a'.repeat(5_000)}`),
  { name: 'terminate region: another domain', body: terminate({ regionId: 'vpc.evil.example' }), status: 200, code: 'BAD_USER_INPUT', field: 'input.regionId', echo: 'vpc.evil.example' },
  // ---- client tokens
  badToken('65 characters', 't'.repeat(65)),
  badToken('90 000 characters', 't'.repeat(90_000)),
  badToken('non-ASCII', 'tökén-1'),
  badToken('newline', 'token\nx-acs-action: DeletePhysicalConnection'),
  badToken('empty', ''),
  // ---- pagination and filters
  { name: 'first: 0', body: op(LIST, { first: 0 }), status: 200, code: 'BAD_USER_INPUT', field: 'first' },
  { name: 'first: -1', body: op(LIST, { first: -1 }), status: 200, code: 'BAD_USER_INPUT', field: 'first' },
  { name: 'first beyond Int', body: op(LIST, { first: 2 ** 31 }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'forged cursor', body: op(LIST, { after: 'not-a-cursor' }), status: 200, code: 'BAD_USER_INPUT', field: 'after' },
  { name: 'cursor past every page', body: op(LIST, { after: Buffer.from('999999999999').toString('base64') }), status: 200, code: 'BAD_USER_INPUT', field: 'after' },
  { name: 'unknown filter enum', body: op('{ physicalConnections(filter: { statuses: [HACKED] }) { totalCount } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'empty filter list', body: op(LIST, { filter: { ids: [] } }), status: 200, code: 'BAD_USER_INPUT', field: 'filter.ids' },
  // ---- production mode: no schema disclosure
  { name: 'introspection (__schema)', body: op('{ __schema { types { name } } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'introspection (__type)', body: op('{ __type(name: "Mutation") { fields { name } } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'introspection behind an alias and a fragment', body: op('{ ...F } fragment F on Query { s: __schema { queryType { name } } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  // ---- methods and auth
  { name: 'PUT', method: 'PUT', body: terminate({}), status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'DELETE', method: 'DELETE', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PATCH with an XML body', method: 'PATCH', contentType: 'application/xml', body: '<query/>', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'mutation over GET', method: 'GET', path: `/graphql?query=${encodeURIComponent(TERMINATE)}`, headers: { 'apollo-require-preflight': 'true' }, status: 405 },
  { name: 'GET with a hostile region in the URL', method: 'GET', path: `/graphql?query=${encodeURIComponent(LIST)}&variables=${encodeURIComponent('{"regionId":"evil.example/"}')}`, headers: { 'apollo-require-preflight': 'true' }, status: 200, code: 'BAD_USER_INPUT', field: 'regionId' },
  { name: 'no bearer token', auth: false, body: terminate({}), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'forged bearer token', auth: false, headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzY29wZSI6InZwYzp3cml0ZSJ9.' }, body: terminate({}), status: 401, code: 'UNAUTHENTICATED' },
];

describe('hostile input (production mode, JWT auth)', () => {
  let t: TestGateway;
  let bearer: string;

  beforeAll(async () => {
    t = await startReliabilityGateway({ NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET });
    bearer = await new SignJWT({ scope: 'vpc:read vpc:write' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('hostile-input-suite')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JWT_SECRET));
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.clearCalls());

  function send(c: HostileCase): Promise<HttpResult> {
    const headers: Record<string, string> = { ...(c.auth === false ? {} : { authorization: `Bearer ${bearer}` }), ...c.headers };
    const contentType = c.contentType === undefined ? 'application/json' : c.contentType;
    if (contentType !== null && c.body !== undefined) headers['content-type'] = contentType;
    return t.http(c.method ?? 'POST', c.path ?? '/graphql', { headers, ...(c.body === undefined ? {} : { body: c.body }) });
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await send(c);

    expect({ status: res.status, body: res.text.slice(0, 300) }).toMatchObject({ status: c.status });
    const body = res.json<{ data?: unknown; errors?: GraphQLError[] }>();
    const first = body.errors?.[0];
    // Typed: every error has a code and says whether to retry (none of these should be retried).
    expect(body.errors?.length).toBeGreaterThanOrEqual(1);
    for (const error of body.errors ?? []) {
      expect(typeof error.extensions?.code).toBe('string');
      expect(error.extensions?.retryable).toBe(false);
      expect(error.extensions?.['stacktrace']).toBeUndefined();
    }
    if (c.code !== undefined) expect(first?.extensions?.code).toBe(c.code);
    if (c.errorCount !== undefined) expect(body.errors).toHaveLength(c.errorCount);
    if (c.field !== undefined) expect(first?.extensions?.['field']).toBe(c.field);
    if (c.echo !== undefined && c.echo.length > 3) expect(res.text).not.toContain(JSON.stringify(c.echo).slice(1, -1));

    // Nothing reached the VPC API.
    expect(await t.upstreamCalls()).toBe(0);
    // Nothing secret came back.
    const secrets = [
      { value: JWT_SECRET, label: 'JWT secret' },
      { value: bearer, label: 'bearer token' },
      { value: DEFAULT_ACCESS_KEY.accessKeySecret, label: 'emulator secret' },
    ];
    expect(scanCaptured([{ kind: 'response', source: c.name, text: `${JSON.stringify(res.headers)}\n${res.text}` }], secrets)).toEqual([]);
    // Still alive and serving.
    expect((await t.http('GET', '/healthz')).status).toBe(200);
  });

  it('still executes a well-formed request after all of the above', async () => {
    const res = await send({ name: 'ok', body: op(CIRCUIT, { id: PC }), status: 200 });
    expect(res.json<{ data: { physicalConnection: { id: string } } }>().data.physicalConnection.id).toBe(PC);
    expect(await t.upstreamCalls()).toBe(1);
  });
});

describe('a document nested deeper than the parser can recurse (GATEWAY_MAX_TOKENS=100000)', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startReliabilityGateway({ NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none', GATEWAY_MAX_TOKENS: '100000' });
  });
  afterAll(() => t.close());

  it('is a parse failure for the client, not an internal error', async () => {
    // graphql-js recurses per level and runs out of stack long before 45 000 levels: a RangeError,
    // which the gateway used to answer as INTERNAL_SERVER_ERROR with an error log line per request.
    const res = await t.graphql(JSON.parse(nestedList(45_000)) as unknown, { 'x-request-id': 'nested-too-deeply' });
    expect(res.status).toBe(400);
    expect(res.json<{ errors: GraphQLError[] }>().errors).toEqual([
      { message: 'Syntax Error: Document is nested too deeply. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED', retryable: false } },
    ]);
    expect(t.logs.find((l) => l['requestId'] === 'nested-too-deeply' && l.level === 'error')).toEqual([]);
    expect(await t.upstreamCalls()).toBe(0);
    expect((await t.http('GET', '/healthz')).status).toBe(200);
  });
});
