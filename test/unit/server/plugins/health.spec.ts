import Fastify from 'fastify';
import { Readiness, registerHealthRoutes } from '../../../../src/server/plugins/health';

describe('Readiness', () => {
  it('is ready only with the schema built, credentials resolved and not draining', async () => {
    const changes: boolean[] = [];
    const readiness = new Readiness(async () => undefined, (ready) => changes.push(ready));
    expect(readiness.isReady).toBe(false);
    readiness.markSchemaReady();
    expect(readiness.isReady).toBe(false);
    await readiness.verifyCredentials();
    expect(readiness.isReady).toBe(true);
    readiness.markDraining();
    expect(readiness.isReady).toBe(false);
    expect(readiness.isDraining).toBe(true);
    expect(changes).toEqual([false, true, false]);
  });

  it('retries a failed credential check, at most once per interval, and reports why', async () => {
    let now = 0;
    let calls = 0;
    let fail = true;
    const readiness = new Readiness(
      async () => {
        calls += 1;
        if (fail) throw new Error('no credentials found in the default chain');
      },
      undefined,
      5_000,
      () => now,
    );
    readiness.markSchemaReady();
    await readiness.verifyCredentials();
    expect(readiness.report()).toEqual({
      ready: false,
      checks: { schema: true, credentials: 'failed', draining: false },
      reason: 'no credentials found in the default chain',
    });
    now = 1_000;
    await readiness.verifyCredentials();
    expect(calls).toBe(1);
    now = 6_000;
    fail = false;
    await readiness.verifyCredentials();
    expect(calls).toBe(2);
    expect(readiness.report()).toEqual({ ready: true, checks: { schema: true, credentials: 'ok', draining: false } });
    await readiness.verifyCredentials();
    expect(calls).toBe(2);
  });

  it('shares one in-flight check between concurrent probes', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const readiness = new Readiness(() => {
      calls += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const a = readiness.verifyCredentials();
    const b = readiness.verifyCredentials();
    release();
    await Promise.all([a, b]);
    expect(calls).toBe(1);
  });
});

describe('health routes', () => {
  it('/healthz is always 200; /readyz follows readiness', async () => {
    const app = Fastify();
    const readiness = new Readiness(async () => undefined);
    registerHealthRoutes(app, readiness);
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
