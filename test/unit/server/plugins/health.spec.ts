import Fastify from 'fastify';
import { errorHandlerPlugin } from '../../../../src/server/plugins/error-handler';
import { healthPlugin } from '../../../../src/server/plugins/health';
import { Readiness } from '../../../../src/server/readiness';

describe('healthPlugin', () => {
  it('/healthz is always 200; /readyz follows readiness', async () => {
    const app = Fastify();
    const readiness = new Readiness(async () => undefined);
    app.register(errorHandlerPlugin, { bodyLimit: 1024 });
    app.register(healthPlugin, { readiness });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const notReady = await app.inject('/readyz');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toMatchObject({ status: 'not ready', checks: { schema: false } });
    readiness.markSchemaReady();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['cache-control']).toBe('no-store');
    readiness.markDraining();
    expect((await app.inject('/readyz')).json()).toMatchObject({ status: 'not ready', checks: { draining: true } });
    await app.close();
  });
});
