import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createLogger } from '../../../../src/server/logger';
import { auditLogPlugin } from '../../../../src/server/plugins/audit';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

async function appWith(lines: Record<string, unknown>[]): Promise<FastifyInstance> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const app = Fastify({ loggerInstance: createLogger('info', stream) as FastifyBaseLogger });
  app.register(requestStatePlugin);
  app.register(auditLogPlugin, { graphqlPath: '/graphql', maxTokens: 1000 });
  // Stands for the GraphQL route refusing before Apollo: 401 for a caller without a token, else 400.
  app.post('/graphql', async (request, reply) => {
    if (request.headers.authorization === undefined) {
      request.gateway.rejectedWith = 'UNAUTHENTICATED';
      return reply.code(401).send({ errors: [] });
    }
    request.gateway.auth = { subject: 'alice', scopes: new Set() };
    return reply.code(400).send({ errors: [] });
  });
  await app.ready();
  return app;
}

const TERMINATE = 'mutation Stop { terminatePhysicalConnection(input: { physicalConnectionId: "pc-1" }) { clientToken } }';

describe('auditLogPlugin', () => {
  it('audits a mutation refused before Apollo; an unauthenticated one without parsing its document', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await appWith(lines);
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: TERMINATE } });
    await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: 'Bearer x' }, payload: { query: TERMINATE } });
    await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: 'Bearer x' }, payload: { query: '{ regions { regionId } }' } });
    await app.close();
    expect(lines.filter((line) => line['audit'] === 'mutation')).toEqual([
      expect.objectContaining({ subject: null, operationName: null, fields: [], outcome: 'UNAUTHENTICATED', errorCodes: ['UNAUTHENTICATED'], httpStatus: 401 }),
      expect.objectContaining({
        subject: 'alice',
        operationName: 'Stop',
        fields: [{ name: 'terminatePhysicalConnection', args: null }],
        outcome: 'HTTP_400',
        httpStatus: 400,
        clientDisconnected: false,
      }),
    ]);
  });
});
