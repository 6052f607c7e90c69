import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandlerPlugin } from '../../../../src/server/plugins/error-handler';
import { methodNotAllowedPlugin } from '../../../../src/server/plugins/method-not-allowed';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

async function appWith(): Promise<FastifyInstance> {
  const app = Fastify();
  app.register(requestStatePlugin);
  app.register(errorHandlerPlugin, { bodyLimit: 1024 });
  app.register(methodNotAllowedPlugin, { graphqlPath: '/graphql' });
  await app.ready();
  return app;
}

describe('methodNotAllowedPlugin', () => {
  it('answers other methods with 405 and Allow, before the body is parsed', async () => {
    const app = await appWith();
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      const res = await app.inject({ method, url: '/graphql', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
      expect(res.statusCode).toBe(405);
      expect(res.headers['allow']).toBe('GET, POST');
      expect(res.json()).toEqual({
        errors: [{ message: `${method} is not supported on /graphql: use GET (queries) or POST.`, extensions: { code: 'METHOD_NOT_ALLOWED', retryable: false } }],
      });
    }
    await app.close();
  });

  it('leaves GET, POST, HEAD and OPTIONS to their own routes', async () => {
    const app = await appWith();
    for (const method of ['GET', 'POST', 'HEAD', 'OPTIONS'] as const) expect((await app.inject({ method, url: '/graphql' })).statusCode).toBe(404);
    await app.close();
  });
});
