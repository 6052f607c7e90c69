/**
 * The `/graphql` route handler: runs the request through Apollo as the gateway resolved it, the
 * text of a trusted document in place of its hash (trusted-documents.ts). In place of
 * @as-integrations/fastify's handler, which hands Apollo the request exactly as it came (the GET
 * parameters straight from the URL).
 * Invariant: anything but a resolved trusted document reaches Apollo unchanged.
 */
import { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { extensionsOf, requestParams } from './trusted-documents';
import type { TrustedDocument } from './trusted-manifest';

function headerMap(request: FastifyRequest): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The request's own parameters, `query` set to the document's text, its hash (documentId, persistedQuery) removed. */
function withDocument(request: FastifyRequest, document: TrustedDocument): { body: unknown; search: string } {
  const params = requestParams(request) ?? {};
  const { documentId: _id, extensions: _extensions, ...rest } = params;
  const { persistedQuery: _hash, ...otherExtensions } = extensionsOf(request, params) ?? {};
  const resolved: Record<string, unknown> = { ...rest, query: document.text };
  if (Object.keys(otherExtensions).length > 0) resolved['extensions'] = otherExtensions;
  if (request.method !== 'GET') return { body: resolved, search: '' };
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(resolved)) {
    if (name === 'extensions') search.set(name, JSON.stringify(value));
    else for (const item of [value].flat()) search.append(name, String(item));
  }
  return { body: undefined, search: `?${search.toString()}` };
}

export function httpGraphQLRequest(request: FastifyRequest): HTTPGraphQLRequest {
  const base = { method: request.method.toUpperCase(), headers: headerMap(request) };
  const document = request.gateway.trustedDocument;
  if (document !== null) return { ...base, ...withDocument(request, document) };
  const queryAt = request.url.indexOf('?');
  return { ...base, body: request.body, search: queryAt === -1 ? '' : request.url.slice(queryAt) };
}

export function apolloHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: (request: FastifyRequest) => Promise<C>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<string | FastifyReply> => {
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: httpGraphQLRequest(request), context: () => context(request) });
    for (const [name, value] of response.headers) void reply.header(name, value);
    void reply.code(response.status ?? 200);
    return response.body.kind === 'complete' ? response.body.string : reply.send(Readable.from(response.body.asyncIterator));
  };
}
