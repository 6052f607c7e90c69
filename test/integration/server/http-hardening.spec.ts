/**
 * Review 4's runtime findings, against a whole in-process gateway over real sockets:
 * - a request whose headers or body never complete gets 408 and a closed socket
 *   (GATEWAY_REQUEST_TIMEOUT_MS), while idle keep-alive sockets keep working;
 * - other methods on /graphql: 405 with `Allow: GET, POST`; CORS preflight unaffected;
 * - a prototype-poisoning key is refused with a message naming it;
 * - a URL the router cannot decode gets the GraphQL error shape, without the URL echoed;
 * - automatic persisted queries (unsupported) are a 400, not a 200;
 * - a subscription (no Subscription type) is a validation error, not an internal error.
 */
import { connect, type Socket } from 'node:net';
import { rawExchange, startTestGateway, type TestGateway } from './support';

const TIMEOUT_MS = 500;
const ORIGIN = 'https://console.example.com';

function readUntil(socket: Socket, predicate: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (predicate(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

function bodyOf(raw: string): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { errors: { message: string; extensions: Record<string, unknown> }[] };
}

describe('runtime hardening (review 4)', () => {
  let t: TestGateway;
  let port: number;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), GATEWAY_CORS_ORIGINS: ORIGIN });
    port = Number(new URL(t.url).port);
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.clearCalls());

  describe('GATEWAY_REQUEST_TIMEOUT_MS (slowloris)', () => {
    it('answers a body that never completes with 408 and closes the socket', async () => {
      const partial = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"';
      const { text, closed } = await rawExchange(port, partial);
      expect(closed).toBe(true);
      expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(text).toMatch(/\r\nConnection: close\r\n/i);
      // The abandoned request is the client's doing: nothing at error level.
      expect(t.logs.find((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
      expect(bodyOf(text).errors).toEqual([
        {
          message: `The request was not received within ${TIMEOUT_MS} ms (GATEWAY_REQUEST_TIMEOUT_MS).`,
          extensions: { code: 'REQUEST_TIMEOUT', retryable: true },
        },
      ]);
    }, 15_000);

    it('closes a socket whose headers never complete, and counts it where an operator looks', async () => {
      const timeouts = async () => {
        const metrics = (await t.http('GET', '/metrics')).text;
        return Number(/^gateway_http_client_errors_total\{status_code="408"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
      };
      const before = await timeouts();
      const { text, closed } = await rawExchange(port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
      expect(closed).toBe(true);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(await timeouts()).toBe(before + 1);
    }, 15_000);

    it('keeps an idle keep-alive socket usable past the timeout', async () => {
      const socket = connect({ host: '127.0.0.1', port });
      try {
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        const get = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
        socket.write(get);
        expect(await readUntil(socket, (text) => text.includes('\r\n\r\n') && text.endsWith('}'))).toMatch(/^HTTP\/1\.1 200 /);
        // Idle (between requests) for twice the request timeout: not a slow request, not cut.
        await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
        expect(socket.destroyed).toBe(false);
        socket.write(get);
        expect(await readUntil(socket, (text) => text.includes('\r\n\r\n') && text.endsWith('}'))).toMatch(/^HTTP\/1\.1 200 /);
      } finally {
        socket.destroy();
      }
    }, 15_000);

    it('does not bound the time to answer: a request answered after the timeout is still a 200', async () => {
      await t.control.addFault({ action: 'DescribePhysicalConnections', type: 'latency', latencyMs: TIMEOUT_MS * 3, times: 1 });
      try {
        const res = await t.graphql({ query: '{ physicalConnections(first: 1) { totalCount } }' });
        expect(res.status).toBe(200);
        expect(res.json<{ errors?: unknown }>().errors).toBeUndefined();
        expect(await t.upstreamCalls()).toBe(1);
      } finally {
        await t.control.clearFaults();
      }
    }, 15_000);
  });

  describe('methods on /graphql', () => {
    it.each(['PUT', 'DELETE', 'PATCH'] as const)('answers %s with 405, Allow: GET, POST and a GraphQL error body', async (method) => {
      const res = await t.http(method, '/graphql', {
        body: JSON.stringify({ query: '{ regions { regionId } }' }),
        headers: { 'content-type': 'application/xml' },
      });
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('GET, POST');
      expect(res.json()).toEqual({
        errors: [{ message: `${method} is not supported on /graphql: use GET (queries) or POST.`, extensions: { code: 'METHOD_NOT_ALLOWED', retryable: false } }],
      });
      expect(await t.upstreamCalls()).toBe(0);
    });

    it('still answers a CORS preflight', async () => {
      const res = await t.http('OPTIONS', '/graphql', {
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    });
  });

  it('names prototype poisoning as the reason a JSON body is refused', async () => {
    for (const variables of ['{"input": {"__proto__": {"x": 1}}}', '{"input": {"constructor": {"prototype": {"x": 1}}}}']) {
      const res = await t.http('POST', '/graphql', {
        body: `{"query": "{ regions { regionId } }", "variables": ${variables}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({
        errors: [
          {
            message: 'The request body contains a "__proto__" or "constructor.prototype" key, refused as prototype poisoning.',
            extensions: { code: 'BAD_REQUEST', retryable: false },
          },
        ],
      });
    }
    // Malformed JSON keeps its own message.
    const broken = await t.http('POST', '/graphql', { body: '{"query": ', headers: { 'content-type': 'application/json' } });
    expect(broken.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe('The request body is not valid JSON.');
  });

  it('answers a URL with broken percent-encoding in the GraphQL error shape, echoing nothing of it', async () => {
    const metric = async () => {
      const line = (await t.http('GET', '/metrics')).text.split('\n').find((l) => l.startsWith('gateway_http_client_errors_total{status_code="400"}'));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const counted = await metric();
    for (const path of ['/graphql%ZZ', '/x%ZZ-echo-marker']) {
      const res = await t.http('GET', path, { headers: { 'x-request-id': 'bad-url' } });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-request-id']).toBe('bad-url');
      expect(res.json()).toEqual({
        errors: [{ message: 'The request URL is malformed (invalid percent-encoding).', extensions: { code: 'BAD_REQUEST', retryable: false } }],
      });
      expect(res.text).not.toContain('%ZZ');
      expect(res.text).not.toContain('echo-marker');
    }
    expect(await metric()).toBe(counted + 2);
  });

  it('answers an automatic persisted query with 400 PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const body = {
      query: '{ regions { regionId } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } },
    };
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const res = await t.graphql(body, { accept });
      expect(res.status).toBe(400);
      expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    }
    expect(await t.upstreamCalls()).toBe(0);
  });

  it('refuses a subscription as a validation error, with no error-level log line', async () => {
    const requestId = 'subscription-refused';
    const res = await t.graphql({ query: 'subscription { __typename }' }, { 'x-request-id': requestId });
    expect(res.status).toBe(400);
    // toMatchObject: outside production, Apollo adds a stack trace to every error.
    expect(res.json()).toMatchObject({
      errors: [
        {
          message: 'This API has no subscription operations: the schema defines no Subscription type.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', retryable: false },
        },
      ],
    });
    const lines = t.logs.find((line) => line['requestId'] === requestId);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
  });
});
