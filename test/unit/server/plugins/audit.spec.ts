import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import type { TrustedDocuments } from '../../../../src/server/graphql/trusted-manifest';
import { createLogger } from '../../../../src/server/logger';
import { auditLogPlugin } from '../../../../src/server/plugins/audit';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

async function appWith(lines: Record<string, unknown>[], trustedDocuments: TrustedDocuments | null = null): Promise<FastifyInstance> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const app = Fastify({ loggerInstance: createLogger('info', stream) as FastifyBaseLogger });
  app.register(requestStatePlugin);
  app.register(auditLogPlugin, { graphqlPath: '/graphql', maxTokens: 1000, trustedDocuments });
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

  it('audits a trusted mutation named by hash with the manifest\'s operation name and fields, even unauthenticated', async () => {
    const hash = createHash('sha256').update(TERMINATE).digest('hex');
    const documents: TrustedDocuments = new Map([[hash, { hash, text: TERMINATE, document: parse(TERMINATE) }]]);
    const lines: Record<string, unknown>[] = [];
    const app = await appWith(lines, documents);
    await app.inject({ method: 'POST', url: '/graphql', payload: { documentId: `sha256:${hash}` } });
    await app.inject({ method: 'POST', url: '/graphql', payload: { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } } });
    await app.close();
    expect(lines.filter((line) => line['audit'] === 'mutation')).toEqual([
      expect.objectContaining({
        subject: null,
        operationName: 'Stop',
        fields: [{ name: 'terminatePhysicalConnection', args: null }],
        outcome: 'UNAUTHENTICATED',
        httpStatus: 401,
      }),
    ]);
  });
});
