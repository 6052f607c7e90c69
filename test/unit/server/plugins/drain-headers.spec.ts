import Fastify from 'fastify';
import { drainHeadersPlugin } from '../../../../src/server/plugins/drain-headers';
import { Readiness } from '../../../../src/server/readiness';

describe('drainHeadersPlugin', () => {
  it('asks clients to close their connection once the gateway drains, not before', async () => {
    const readiness = new Readiness(async () => undefined);
    const app = Fastify();
    app.register(drainHeadersPlugin, { readiness });
    app.get('/x', async () => ({ ok: true }));
    expect((await app.inject('/x')).headers['connection']).not.toBe('close');
    readiness.markDraining();
    expect((await app.inject('/x')).headers['connection']).toBe('close');
    await app.close();
  });
});
