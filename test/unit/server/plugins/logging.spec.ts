import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createLogger, registerRequestLogging, requestIdFrom } from '../../../../src/server/plugins/logging';

function capture(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Record<string, unknown>);
      callback();
    },
  });
  return { stream, lines };
}

describe('requestIdFrom', () => {
  it('keeps a well-formed id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_x.y:z'.replace('_', '-'))).toBe('abc-123-x.y:z');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', ' ', 'a b', 'x\r\ny', '"quoted"', '-leading', 'a'.repeat(129), '<script>']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
  });
});

describe('createLogger', () => {
  it('writes JSON with a level label and redacts secrets wherever they sit', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'sid=1', accept: 'x' },
        credentials: { accessKeySecret: 'EmulatorAccessKeySecret', accessKeyId: 'LTAI' },
        token: 't0k3n',
        request: { signature: 'c2ln', stringToSign: 'POST\n/\n...' },
      },
      'hello',
    );
    logger.debug({}, 'not at info');
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines[0]);
    for (const secret of ['eyJ.secret.sig', 'sid=1', 'EmulatorAccessKeySecret', 't0k3n', 'c2ln', 'POST\\n']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', service: 'vpc-graphql-gateway', credentials: { accessKeyId: 'LTAI' } });
  });
});

describe('registerRequestLogging', () => {
  it('echoes the request id and writes one line per request (probes at debug)', async () => {
    const { stream, lines } = capture();
    const app = Fastify({ loggerInstance: createLogger('info', stream) as FastifyBaseLogger, genReqId: (req) => requestIdFrom(req.headers['x-request-id']) });
    registerRequestLogging(app);
    app.get('/thing', async () => ({ ok: true }));
    app.get('/healthz', async () => ({ ok: true }));
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/thing?secret=query', headers: { 'x-request-id': 'given-id', 'user-agent': 'jest' } });
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.close();
    expect(res.headers['x-request-id']).toBe('given-id');
    const requestLines = lines.filter((l) => l['msg'] === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ reqId: 'given-id', method: 'GET', path: '/thing', statusCode: 200, userAgent: 'jest' });
    expect(JSON.stringify(requestLines[0])).not.toContain('secret=query');
  });
});
