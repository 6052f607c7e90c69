import Fastify, { type FastifyInstance } from 'fastify';
import { CSRF_PREFLIGHT_HEADERS, csrfPrevention, registerCors } from '../../../../src/server/plugins/csrf-cors';

async function appWith(origins: string[]): Promise<FastifyInstance> {
  const app = Fastify();
  await registerCors(app, origins);
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

describe('registerCors', () => {
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

describe('csrfPrevention', () => {
  it('requires one of the preflight-forcing headers', () => {
    expect(csrfPrevention()).toEqual({ requestHeaders: CSRF_PREFLIGHT_HEADERS });
    expect(CSRF_PREFLIGHT_HEADERS).toEqual(['x-apollo-operation-name', 'apollo-require-preflight']);
  });
});
