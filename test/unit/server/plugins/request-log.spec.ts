import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../../../src/server/logger';
import { requestLogPlugin } from '../../../../src/server/plugins/request-log';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';
import { requestIdFrom } from '../../../../src/server/server-options';

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

describe('requestLogPlugin', () => {
  it('echoes the request id and writes one line per request (probes at debug)', async () => {
    const { stream, lines } = capture();
    const app = Fastify({ loggerInstance: createLogger('info', stream) as FastifyBaseLogger, genReqId: (req) => requestIdFrom(req.headers['x-request-id']) });
    app.register(requestStatePlugin);
    app.register(requestLogPlugin);
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
