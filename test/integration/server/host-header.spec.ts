/**
 * Which request headers the gateway believes (security review): the Host header (malformed ->
 * 400, a name not allowed -> 421, DNS rebinding) and X-Forwarded-For (GATEWAY_TRUST_PROXY).
 * Raw sockets, so the Host header is exactly what the test writes.
 */
import { createVpcBackend } from '../../../src/datasources';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator/defaults';
import { loadConfig } from '../../../src/server/config';
import { startGateway } from '../../../src/server/gateway';
import { createLogger } from '../../../src/server/logger';
import { LogCapture, rawExchange, startTestGateway, type TestGateway } from './support';

interface Answer {
  status: number;
  body: { errors?: { message: string; extensions: { code: string } }[] } & Record<string, unknown>;
}

async function get(t: { url: string }, path: string, host: string | null, extra = ''): Promise<Answer> {
  const port = Number(new URL(t.url).port);
  // HTTP/1.0 when there is no Host at all (HTTP/1.1 requires one; Node refuses it before routing).
  const head = host === null ? `GET ${path} HTTP/1.0\r\n` : `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n`;
  const { text } = await rawExchange(port, `${head}apollo-require-preflight: 1\r\n${extra}Connection: close\r\n\r\n`);
  return { status: Number(text.slice(9, 12)), body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Answer['body'] };
}

const QUERY = '/graphql?query=%7B__typename%7D';
const MISDIRECTED = {
  errors: [
    {
      message: 'This gateway does not answer for the host in the Host header (GATEWAY_ALLOWED_HOSTS).',
      extensions: { code: 'MISDIRECTED_REQUEST', retryable: false },
    },
  ],
};

describe('Host header, gateway bound to loopback (default allowlist)', () => {
  let t: TestGateway;
  let port: number;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_TRUST_PROXY: 'true' });
    port = Number(new URL(t.url).port);
  });
  afterAll(() => t.close());

  it.each([
    ['an unclosed IPv6 bracket', '[::1'],
    ['a space', 'a b'],
    ['an empty value', ''],
    ['a bare IPv6 address', '::1'],
    ['a path', 'x/y'],
    ['a port out of range', 'localhost:99999'],
  ])('refuses a Host with %s: 400, and no error-level log line', async (_what, host) => {
    const before = t.logs.lines.length;
    const res = await get(t, QUERY, host);
    expect(res).toEqual({
      status: 400,
      body: { errors: [{ message: 'The Host header is missing or malformed.', extensions: { code: 'BAD_REQUEST', retryable: false } }] },
    });
    expect(t.logs.lines.slice(before).filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  });

  it('refuses a missing Host (HTTP/1.0), and a malformed X-Forwarded-Host or -Proto from a trusted proxy, the same way', async () => {
    expect((await get(t, QUERY, null)).status).toBe(400);
    expect((await get(t, QUERY, '127.0.0.1', 'X-Forwarded-Host: a b\r\n')).status).toBe(400);
    expect(await get(t, QUERY, '127.0.0.1', 'X-Forwarded-Proto: https, ht tp\r\n')).toEqual({
      status: 400,
      body: { errors: [{ message: 'The X-Forwarded-Proto header is malformed.', extensions: { code: 'BAD_REQUEST', retryable: false } }] },
    });
    expect((await get(t, QUERY, '127.0.0.1', 'X-Forwarded-Proto: HTTPS\r\n')).status).toBe(200);
    expect(t.logs.find((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  });

  it.each(['localhost', 'LOCALHOST:4000', 'localhost.', '127.0.0.1', '[::1]', '10.0.0.7:4000'])(
    'answers Host %s (a loopback name, or any IP address: those cannot be rebound)',
    async (host) => {
      const res = await get(t, QUERY, host.replace('4000', String(port)));
      expect(res).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    },
  );

  it('refuses every other name with 421 before any work (DNS rebinding), on every route but the probes', async () => {
    await t.control.clearCalls();
    for (const path of [QUERY, '/playground', '/metrics', '/nowhere']) {
      expect(await get(t, path, `rebind.attacker.example:${port}`)).toEqual({ status: 421, body: MISDIRECTED });
    }
    // A trusted proxy's X-Forwarded-Host does not help: a rebinding page may set it, never Host.
    expect(await get(t, QUERY, 'rebind.attacker.example', 'X-Forwarded-Host: localhost\r\n')).toEqual({ status: 421, body: MISDIRECTED });
    expect(await t.upstreamCalls()).toBe(0);
    // Probes address pods by IP, or send no Host at all.
    expect((await get(t, '/healthz', 'rebind.attacker.example')).status).toBe(200);
    expect((await get(t, '/readyz', 'rebind.attacker.example')).status).toBe(200);
    expect((await get(t, '/healthz', null)).status).toBe(200);
  });
});

describe('Host header with GATEWAY_ALLOWED_HOSTS', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_ALLOWED_HOSTS: 'api.example.com:8443, console.example.com' });
  });
  afterAll(() => t.close());

  it('answers the listed names (port as listed, any port when none is), and no longer localhost', async () => {
    expect((await get(t, QUERY, 'api.example.com:8443')).status).toBe(200);
    expect((await get(t, QUERY, 'Console.Example.com:1234')).status).toBe(200);
    expect(await get(t, QUERY, 'api.example.com:9999')).toEqual({ status: 421, body: MISDIRECTED });
    expect(await get(t, QUERY, 'localhost')).toEqual({ status: 421, body: MISDIRECTED });
    expect((await get(t, QUERY, '127.0.0.1')).status).toBe(200);
  });
});

describe('Host header with GATEWAY_ALLOWED_HOSTS=*', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_ALLOWED_HOSTS: '*' });
  });
  afterAll(() => t.close());

  it('answers any well-formed name, and still refuses a malformed Host', async () => {
    expect((await get(t, QUERY, 'anything.example')).status).toBe(200);
    expect((await get(t, QUERY, 'a b')).status).toBe(400);
  });
});

describe('Host header with no allowlist in front of a real upstream', () => {
  it('warns at start', async () => {
    const config = loadConfig({ PORT: '0', VPC_UPSTREAM_MODE: 'endpoint', VPC_ENDPOINT: 'http://127.0.0.1:9', GATEWAY_AUTH_MODE: 'none' });
    const logs = new LogCapture();
    // What config.ts decides for an unset GATEWAY_ALLOWED_HOSTS on a non-loopback HOST; the test
    // still binds to loopback.
    const gateway = await startGateway(
      { ...config, http: { ...config.http, allowedHosts: null } },
      {
        logger: createLogger('info', logs),
        createBackend: (options) => createVpcBackend({ ...options, credentials: DEFAULT_ACCESS_KEY }),
      },
    );
    try {
      expect(logs.find((l) => l.level === 'warn' && /GATEWAY_ALLOWED_HOSTS is unset/.test(l.msg ?? ''))).toHaveLength(1);
      expect((await get(gateway, QUERY, 'any.name.example')).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});

describe('GATEWAY_TRUST_PROXY with proxy addresses', () => {
  const remoteAddressOf = async (t: TestGateway, requestId: string, forwardedFor: string) => {
    await get(t, QUERY, '127.0.0.1', `X-Request-Id: ${requestId}\r\nX-Forwarded-For: ${forwardedFor}\r\n`);
    return t.logs.find((l) => l['requestId'] === requestId && l.msg === 'request')[0]?.['remoteAddress'];
  };

  it('believes X-Forwarded-For from a listed proxy only', async () => {
    const behindLoopback = await startTestGateway({ GATEWAY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1/8' });
    const behindOther = await startTestGateway({ GATEWAY_TRUST_PROXY: '10.0.0.0/8' });
    try {
      // The proxy (127.0.0.1, listed) is believed; the client's own claim beyond it (198.51.100.1,
      // not a listed proxy) is where trust stops.
      expect(await remoteAddressOf(behindLoopback, 'via-listed-proxy', '203.0.113.9, 198.51.100.1')).toBe('198.51.100.1');
      expect(await remoteAddressOf(behindOther, 'via-unlisted-peer', '198.51.100.1')).toBe('127.0.0.1');
    } finally {
      await behindLoopback.close();
      await behindOther.close();
    }
  });
});
