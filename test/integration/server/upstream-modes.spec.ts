/**
 * Upstream mode selection through `startGateway`: a standalone emulator reached as a configured
 * endpoint with credentials from the Alibaba default chain (environment variables), the refusal
 * to front a real upstream without an auth decision, production's refusal to fall back to the
 * emulator, and clean-up when start-up fails half way.
 */
import { Writable } from 'node:stream';
import { createVpcBackend } from '../../../src/datasources';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator/defaults';
import { ConfigError, loadConfig } from '../../../src/server/config';
import { startGateway } from '../../../src/server/gateway';
import { createLogger } from '../../../src/server/logger';
import { LogCapture, startTestGateway } from './support';

const silent = () => createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
const noFiles = (env: Record<string, string>) => ({ env, fileExists: () => false, homeDir: () => '/nonexistent' });

describe('VPC_ENDPOINT with credentials from the default chain', () => {
  let emulator: RunningEmulator;
  const saved = { id: process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'], secret: process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    // The chain's first provider reads these from the process environment.
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = DEFAULT_ACCESS_KEY.accessKeyId;
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = DEFAULT_ACCESS_KEY.accessKeySecret;
  });

  afterAll(async () => {
    for (const [name, value] of [
      ['ALIBABA_CLOUD_ACCESS_KEY_ID', saved.id],
      ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', saved.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emulator.stop();
  });

  it('serves queries through the endpoint, and warns that auth is off in front of it', async () => {
    const t = await startTestGateway(
      { VPC_UPSTREAM_MODE: 'auto', VPC_ENDPOINT: emulator.url, GATEWAY_AUTH_MODE: 'none' },
      { probe: noFiles({}) },
    );
    try {
      expect(t.gateway.mode).toEqual({ kind: 'endpoint', endpoint: emulator.url, credentialSource: 'Alibaba default credential chain' });
      expect(t.gateway.emulatorUrl).toBeNull();
      const res = await t.graphql({ query: '{ regions { regionId } }' });
      expect(res.status).toBe(200);
      expect(res.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
      expect((await t.http('GET', '/readyz')).status).toBe(200);
      expect(t.logs.find((l) => l.level === 'warn' && /GATEWAY_AUTH_MODE=none/.test(l.msg ?? ''))).toHaveLength(1);
      expect(t.logs.raw.some((line) => line.includes(DEFAULT_ACCESS_KEY.accessKeySecret))).toBe(false);
    } finally {
      await t.close();
    }
  });
});

describe('start-up decisions and failures', () => {
  it('refuses found Alibaba credentials without GATEWAY_AUTH_MODE, before starting anything', async () => {
    let emulatorStarts = 0;
    const config = loadConfig({ PORT: '0' });
    await expect(
      startGateway(config, {
        logger: silent(),
        probe: noFiles({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret' }),
        startEmulator: async () => {
          emulatorStarts += 1;
          throw new Error('must not start');
        },
      }),
    ).rejects.toThrow(ConfigError);
    expect(emulatorStarts).toBe(0);
  });

  it('production: finding nothing refuses before starting anything, instead of falling back to the emulator', async () => {
    let emulatorStarts = 0;
    await expect(
      startGateway(loadConfig({ PORT: '0', NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none' }), {
        logger: silent(),
        probe: noFiles({}),
        startEmulator: async () => {
          emulatorStarts += 1;
          throw new Error('must not start');
        },
      }),
    ).rejects.toThrow(/VPC_UPSTREAM_MODE: NODE_ENV=production found no upstream/);
    expect(emulatorStarts).toBe(0);
  });

  it('stops the embedded emulator and closes the backend when the schema fails to build', async () => {
    const stopped: string[] = [];
    const logs = new LogCapture();
    await expect(
      startGateway(loadConfig({ PORT: '0', VPC_UPSTREAM_MODE: 'emulator' }), {
        logger: createLogger('info', logs),
        startEmulator: async (options) => {
          const running = await startEmulator(options);
          return { ...running, stop: async () => {
            stopped.push('emulator');
            await running.stop();
          } };
        },
        createBackend: (options) => {
          const real = createVpcBackend(options);
          return { ...real, close: async () => {
            stopped.push('backend');
            await real.close();
          } };
        },
        buildSchema: () => Promise.reject(new Error('schema metadata broken')),
      }),
    ).rejects.toThrow('schema metadata broken');
    expect(stopped).toEqual(['backend', 'emulator']);
  });
});
