import Fastify from 'fastify';
import { hostCheckPlugin } from '../../../../src/server/plugins/host-check';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

describe('requestStatePlugin', () => {
  it('gives each request its own state and echoes the request id', async () => {
    const app = Fastify({ genReqId: (req) => String(req.headers['x-request-id'] ?? 'generated') });
    app.register(requestStatePlugin);
    app.get('/state', async (request) => ({ requestId: request.gateway.requestId, aborted: request.gateway.abort.signal.aborted }));
    const res = await app.inject({ url: '/state', headers: { 'x-request-id': 'given' } });
    expect(res.headers['x-request-id']).toBe('given');
    expect(res.json()).toEqual({ requestId: 'given', aborted: false });
    await app.close();
  });

  it('is a declared dependency: a plugin reading the state refuses to load without it', async () => {
    const app = Fastify();
    app.register(hostCheckPlugin, { allowed: null });
    await expect(app.ready()).rejects.toThrow(/gateway-request-state/);
    await app.close();
  });
});
