import { Readiness } from '../../../src/server/readiness';

describe('Readiness', () => {
  it('is ready only with the schema built, credentials resolved and not draining', async () => {
    const changes: boolean[] = [];
    const readiness = new Readiness(async () => undefined, { onChange: (ready) => changes.push(ready) });
    expect(readiness.isReady).toBe(false);
    readiness.markSchemaReady();
    expect(readiness.isReady).toBe(false);
    await readiness.verify();
    expect(readiness.isReady).toBe(true);
    readiness.markDraining();
    expect(readiness.isReady).toBe(false);
    expect(readiness.isDraining).toBe(true);
    expect(changes).toEqual([false, true, false]);
  });

  it('retries a failed credential check, at most once per interval; answers a code and logs the scrubbed detail once', async () => {
    let now = 0;
    let calls = 0;
    let fail = true;
    const logged: { level: string; obj: Record<string, unknown> }[] = [];
    const logger = {
      info: (obj: object) => logged.push({ level: 'info', obj: obj as Record<string, unknown> }),
      warn: (obj: object) => logged.push({ level: 'warn', obj: obj as Record<string, unknown> }),
    };
    const readiness = new Readiness(
      async () => {
        calls += 1;
        if (fail) throw new Error('no credentials in /home/app/.alibabacloud/credentials; secret=LTAI5tAbCdEfGh1234567890');
      },
      { recheckMs: 5_000, now: () => now, logger },
    );
    readiness.markSchemaReady();
    await readiness.verify();
    expect(readiness.report()).toEqual({
      ready: false,
      checks: { schema: true, credentials: 'failed', draining: false },
      reason: 'CREDENTIALS_UNAVAILABLE',
      degraded: false,
    });
    now = 1_000;
    await readiness.verify();
    expect(calls).toBe(1);
    now = 6_000;
    await readiness.verify();
    expect(calls).toBe(2);
    // The same failure twice is one warn line; its text went to the log, scrubbed, not to the report.
    expect(logged).toEqual([
      {
        level: 'warn',
        obj: {
          check: 'credentials',
          reason: 'CREDENTIALS_UNAVAILABLE',
          detail: 'no credentials in /home/app/.alibabacloud/credentials; secret=[REDACTED]',
        },
      },
    ]);
    now = 12_000;
    fail = false;
    await readiness.verify();
    expect(calls).toBe(3);
    expect(readiness.report()).toEqual({ ready: true, checks: { schema: true, credentials: 'ok', draining: false }, degraded: false });
    expect(logged[1]).toEqual({ level: 'info', obj: { check: 'credentials' } });
    await readiness.verify();
    expect(calls).toBe(3);
  });

  it('in key-set mode, is not ready until a key set was loaded once', async () => {
    let now = 0;
    let keySetLoaded = false;
    const changes: boolean[] = [];
    const readiness = new Readiness(async () => undefined, {
      keySet: async () => {
        if (!keySetLoaded) throw new Error('key set fetch failed: HTTP 500');
      },
      onChange: (ready) => changes.push(ready),
      now: () => now,
    });
    readiness.markSchemaReady();
    await readiness.verify();
    expect(readiness.report()).toEqual({
      ready: false,
      checks: { schema: true, credentials: 'ok', keySet: 'failed', draining: false },
      reason: 'JWKS_UNAVAILABLE',
      degraded: false,
    });
    keySetLoaded = true;
    now = 5_000;
    await readiness.verify();
    expect(readiness.report()).toEqual({ ready: true, checks: { schema: true, credentials: 'ok', keySet: 'ok', draining: false }, degraded: false });
    expect(changes).toEqual([false, true]);
  });

  it('stays ready while degraded, and says why', async () => {
    let degraded: 'REDIS_UNAVAILABLE' | null = 'REDIS_UNAVAILABLE';
    const readiness = new Readiness(async () => undefined, { degraded: () => degraded });
    readiness.markSchemaReady();
    await readiness.verify();
    expect(readiness.report()).toEqual({
      ready: true,
      checks: { schema: true, credentials: 'ok', draining: false },
      degraded: true,
      degradedReason: 'REDIS_UNAVAILABLE',
    });
    degraded = null;
    expect(readiness.report()).toMatchObject({ ready: true, degraded: false });
    expect(readiness.report().degradedReason).toBeUndefined();
  });

  it('shares one in-flight check between concurrent probes', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const readiness = new Readiness(() => {
      calls += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const a = readiness.verify();
    const b = readiness.verify();
    release();
    await Promise.all([a, b]);
    expect(calls).toBe(1);
  });
});
