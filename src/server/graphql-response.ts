/**
 * Error responses the runtime writes itself (before or without Apollo), shaped like any GraphQL
 * response (`{ errors: [...] }`).
 * Invariant: in the media type the client asked for (graphql-response+json when accepted, else
 * application/json), as GraphQL over HTTP requires.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';

const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function preferredGraphQLType(request: FastifyRequest): string {
  const accept = request.headers.accept ?? '';
  return /application\/graphql-response\+json/i.test(accept) ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
}

export function sendGraphQLErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  errors: readonly GraphQLFormattedError[],
): FastifyReply {
  return reply.code(status).type(preferredGraphQLType(request)).send(JSON.stringify({ errors }));
}
