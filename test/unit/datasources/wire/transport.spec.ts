/**
 * The response-size bound, over a real loopback server: undici's `maxResponseSize` (which MockAgent
 * bypasses) ends a body that grows past it, and a declared `content-length` over it is refused
 * before any of the body is read; an injected dispatcher's body is counted while it is read. All are
 * the `too-large` failure, `Response.TooLarge` upstream.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { createVpcBackend } from '../../../../src/datasources';
import { Transport, TransportFailureError } from '../../../../src/datasources/wire/transport';
import { STATIC_CREDENTIALS } from '../support/mock-upstream';

const LIMIT = 2_048;
const servers: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Sends `total` bytes of a JSON-ish body in chunks, with no content-length (chunked). */
function chunked(total: number, chunk = 1_024) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    for (let sent = 0; sent < total; sent += chunk) res.write('x'.repeat(Math.min(chunk, total - sent)));
    res.end();
  };
}

async function send(origin: string, dispatcher?: Dispatcher): Promise<unknown> {
  const transport = new Transport({ dispatcher, connectionsPerOrigin: 1, connectTimeoutMs: 5_000, maxResponseBytes: LIMIT });
  try {
    return await transport.send({
      origin,
      method: 'POST',
      path: '/',
      headers: {},
      deadlineMs: 60_000,
      headersTimeoutMs: 60_000,
      bodyTimeoutMs: 60_000,
    });
  } catch (error) {
    return error;
  } finally {
    await transport.close();
  }
}

describe('response-size bound', () => {
  it('a body of exactly the bound is read whole', async () => {
    const { origin } = await serve(chunked(LIMIT));
    expect(await send(origin)).toMatchObject({ status: 200, body: 'x'.repeat(LIMIT) });
  });

  it('a chunked body growing past the bound fails as too-large', async () => {
    const { origin } = await serve(chunked(LIMIT * 4));
    const error = await send(origin);
    expect(error).toBeInstanceOf(TransportFailureError);
    expect(error).toMatchObject({ failure: 'too-large' });
  });

  it('a declared content-length over the bound is refused before any of the body is read', async () => {
    // Headers only: a body read would wait (60 s) for bytes that never come.
    const { origin } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) });
      res.flushHeaders();
    });
    const error = await send(origin);
    expect(error).toMatchObject({ failure: 'too-large', detail: `content-length ${LIMIT + 1}` });
  });

  it('an injected dispatcher (no maxResponseSize of ours) is bounded too, while reading', async () => {
    const agent = new Agent();
    try {
      const exact = await serve(chunked(LIMIT));
      expect(await send(exact.origin, agent)).toMatchObject({ status: 200, body: 'x'.repeat(LIMIT) });
      const large = await serve(chunked(LIMIT * 4));
      expect(await send(large.origin, agent)).toMatchObject({ failure: 'too-large', detail: `more than ${LIMIT} bytes` });
    } finally {
      await agent.close();
    }
  });

  it('through the backend: Response.TooLarge, not retried, past the default 8 MiB', async () => {
    const upstream = await serve(chunked(9 * 1024 * 1024, 64 * 1024));
    const backend = createVpcBackend({ endpoint: upstream.origin, credentials: STATIC_CREDENTIALS });
    try {
      await expect(backend.api.describeRegions()).rejects.toMatchObject({
        kind: 'UNAVAILABLE',
        code: 'Response.TooLarge',
        retryable: false,
        attempts: 1,
      });
      expect(upstream.requests()).toBe(1);
    } finally {
      await backend.close();
    }
  });
});
