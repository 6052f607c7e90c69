/**
 * How a request names a trusted document (`documentIdOf`), and the request Apollo gets for it
 * (`httpGraphQLRequest`): the document's text in place of the hash, everything else kept. Fastify
 * requests through inject; the whole route over HTTP is test/integration/server/trusted-documents.spec.ts.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parse } from 'graphql';
import { httpGraphQLRequest } from '../../../../src/server/graphql/apollo-handler';
import { documentIdOf } from '../../../../src/server/graphql/trusted-documents';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

const HASH = 'ab'.repeat(32);
const TEXT = 'query Q($id: ID!) { node(id: $id) { id } }';

/** A route answering what `inspect` makes of the request. */
async function appWith(inspect: (request: FastifyRequest) => unknown): Promise<FastifyInstance> {
  const app = Fastify();
  app.register(requestStatePlugin);
  app.route({ method: ['GET', 'POST'], url: '/graphql', handler: async (request) => ({ result: inspect(request) ?? null }) });
  await app.ready();
  return app;
}

describe('documentIdOf', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith(documentIdOf);
  });
  afterAll(() => app.close());

  const post = async (payload: unknown): Promise<unknown> => (await app.inject({ method: 'POST', url: '/graphql', payload: payload as object })).json<{ result: unknown }>().result;
  const get = async (search: string): Promise<unknown> => (await app.inject({ method: 'GET', url: `/graphql?${search}` })).json<{ result: unknown }>().result;
  const persisted = (sha256Hash: unknown, version: unknown = 1) => ({ extensions: { persistedQuery: { version, sha256Hash } } });

  it('reads documentId ("sha256:" prefixed or bare) and extensions.persistedQuery, lower-cased', async () => {
    expect(await post({ documentId: `sha256:${HASH}` })).toEqual({ hash: HASH });
    expect(await post({ documentId: HASH.toUpperCase() })).toEqual({ hash: HASH });
    expect(await post(persisted(HASH))).toEqual({ hash: HASH });
    expect(await post({ documentId: `sha256:${HASH}`, ...persisted(HASH.toUpperCase()) })).toEqual({ hash: HASH });
    expect(await get(`documentId=sha256:${HASH}`)).toEqual({ hash: HASH });
    expect(await get(`extensions=${encodeURIComponent(JSON.stringify(persisted(HASH).extensions))}`)).toEqual({ hash: HASH });
  });

  it('is null when the request names no document (query text, a batch, unreadable GET extensions)', async () => {
    expect(await post({ query: TEXT })).toBeNull();
    expect(await post({ query: TEXT, extensions: { other: true } })).toBeNull();
    expect(await post([persisted(HASH)])).toBeNull();
    expect(await get('extensions=%7Bnot-json')).toBeNull();
  });

  it('says what is wrong with a malformed one', async () => {
    const documentId = { problem: 'documentId must be "sha256:" followed by the 64 hex digits of a trusted document\'s hash.' };
    expect(await post({ documentId: `md5:${'a'.repeat(32)}` })).toEqual(documentId);
    expect(await post({ documentId: 42 })).toEqual(documentId);
    expect(await get(`documentId=${HASH}&documentId=${HASH}`)).toEqual(documentId);
    const shape = { problem: 'extensions.persistedQuery must be { "version": 1, "sha256Hash": "<64 hex digits>" }.' };
    expect(await post(persisted(HASH, 2))).toEqual(shape);
    expect(await post({ extensions: { persistedQuery: HASH } })).toEqual(shape);
    expect(await post(persisted(HASH.slice(1)))).toEqual({ problem: 'extensions.persistedQuery.sha256Hash must be 64 hex digits.' });
    expect(await post({ documentId: `sha256:${HASH}`, ...persisted('cd'.repeat(32)) })).toEqual({
      problem: 'documentId and extensions.persistedQuery name different documents.',
    });
  });
});

describe('httpGraphQLRequest', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith((request) => {
      request.gateway.trustedDocument = request.headers['x-trusted'] === undefined ? null : { hash: HASH, text: TEXT, document: parse(TEXT) };
      const { method, body, search } = httpGraphQLRequest(request);
      return { method, body: body ?? null, search: Object.fromEntries(new URLSearchParams(search)) };
    });
  });
  afterAll(() => app.close());

  const extensions = { persistedQuery: { version: 1, sha256Hash: HASH }, trace: true };

  it('gives Apollo the document\'s text for a POST, keeping operationName, variables and other extensions', async () => {
    const payload = { documentId: `sha256:${HASH}`, operationName: 'Q', variables: { id: 'n1' }, extensions };
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'x-trusted': '1' }, payload });
    expect(res.json()).toEqual({ result: { method: 'POST', body: { operationName: 'Q', variables: { id: 'n1' }, extensions: { trace: true }, query: TEXT }, search: {} } });
  });

  it('and for a GET, in the query string', async () => {
    const search = new URLSearchParams({ documentId: `sha256:${HASH}`, variables: '{"id":"n1"}', extensions: JSON.stringify(extensions) });
    const res = await app.inject({ method: 'GET', url: `/graphql?${search.toString()}`, headers: { 'x-trusted': '1' } });
    expect(res.json()).toEqual({ result: { method: 'GET', body: null, search: { variables: '{"id":"n1"}', extensions: '{"trace":true}', query: TEXT } } });
  });

  it('passes any other request on as it came', async () => {
    const res = await app.inject({ method: 'GET', url: '/graphql?query=%7B%20node%20%7B%20id%20%7D%20%7D&documentId=x' });
    expect(res.json()).toEqual({ result: { method: 'GET', body: null, search: { query: '{ node { id } }', documentId: 'x' } } });
    const post = await app.inject({ method: 'POST', url: '/graphql', payload: { query: TEXT, extensions } });
    expect(post.json()).toEqual({ result: { method: 'POST', body: { query: TEXT, extensions }, search: {} } });
  });
});
