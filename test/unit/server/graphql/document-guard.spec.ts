import Fastify, { type FastifyInstance } from 'fastify';
import { documentGuard } from '../../../../src/server/graphql/document-guard';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

async function appWithGuard(): Promise<FastifyInstance> {
  const app = Fastify();
  app.register(requestStatePlugin);
  app.post(
    '/graphql',
    { preHandler: documentGuard({ maxDirectives: 2, maxRepeatedFields: 2, maxTokens: 1000 }) },
    async (request) => ({ reachedApollo: true, rejectedWith: request.gateway.rejectedWith }),
  );
  await app.ready();
  return app;
}

describe('documentGuard', () => {
  it('answers an over-limit shape with one 400 error naming the limit, and lets the rest through', async () => {
    const app = await appWithGuard();
    const refused = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ x x x }' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      errors: [
        {
          message: 'Repeated field limit of 2 exceeded: "x" is selected 3 times in one selection set.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'repeatedFields', retryable: false },
        },
      ],
    });
    // Twice: the second time from the memo of documents that passed.
    for (let i = 0; i < 2; i++) {
      expect((await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ x x }' } })).json()).toEqual({
        reachedApollo: true,
        rejectedWith: null,
      });
    }
    await app.close();
  });

  it('leaves a document that does not parse, or no document, to Apollo', async () => {
    const app = await appWithGuard();
    for (const payload of [{ query: '{ x x x' }, { variables: {} }]) {
      expect((await app.inject({ method: 'POST', url: '/graphql', payload })).json()).toMatchObject({ reachedApollo: true });
    }
    await app.close();
  });
});
