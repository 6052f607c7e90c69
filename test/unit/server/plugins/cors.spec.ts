import Fastify, { type FastifyInstance } from 'fastify';
import { CSRF_PREFLIGHT_HEADERS, corsPlugin } from '../../../../src/server/plugins/cors';
import { hostCheckPlugin } from '../../../../src/server/plugins/host-check';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

async function appWith(origins: string[]): Promise<FastifyInstance> {
  const app = Fastify();
  app.register(requestStatePlugin);
  app.register(hostCheckPlugin, { allowed: null });
  app.register(corsPlugin, { origins });
  app.post('/graphql', async () => ({ ok: true }));
  await app.ready();
  return app;
}

const preflight = (app: FastifyInstance, origin: string) =>
  app.inject({
    method: 'OPTIONS',
    url: '/graphql',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('corsPlugin', () => {
  it('allows exactly the listed origins, without credentials, exposing x-request-id', async () => {
    const app = await appWith(['https://console.example.com']);
    const ok = await preflight(app, 'https://console.example.com');
    expect(ok.headers['access-control-allow-origin']).toBe('https://console.example.com');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect(ok.headers['access-control-max-age']).toBe('600');
    const simple = await app.inject({ method: 'POST', url: '/graphql', headers: { origin: 'https://console.example.com' } });
    expect(simple.headers['access-control-expose-headers']).toBe('x-request-id');
    const other = await preflight(app, 'https://console.example.com.evil.net');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('allows any origin with *', async () => {
    const app = await appWith(['*']);
    expect((await preflight(app, 'https://anything.example')).headers['access-control-allow-origin']).toBe('*');
    await app.close();
  });

  it('adds nothing when no origin is configured', async () => {
    const app = await appWith([]);
    expect((await preflight(app, 'https://console.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});

describe('CSRF_PREFLIGHT_HEADERS', () => {
  it('are allowed in a preflight, so a cross-origin console can send what Apollo requires', async () => {
    const app = await appWith(['https://console.example.com']);
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: 'https://console.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': CSRF_PREFLIGHT_HEADERS.join(', '),
      },
    });
    for (const header of CSRF_PREFLIGHT_HEADERS) expect(res.headers['access-control-allow-headers']).toContain(header);
    await app.close();
  });
});
