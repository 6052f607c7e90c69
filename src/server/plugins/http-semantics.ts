/**
 * HTTP answers the GraphQL-over-HTTP spec expects where Fastify's or Apollo's defaults differ:
 * - any method other than GET and POST on `/graphql`: 405 with `Allow: GET, POST` (Fastify's
 *   default is a 404 "Route PUT:/graphql not found", in Fastify's own error shape). OPTIONS stays
 *   with CORS (csrf-cors.ts), and HEAD with Fastify's automatic HEAD-for-GET;
 * - a request carrying `extensions.persistedQuery`: 400 (Apollo answers 200, for APQ clients that
 *   then resend the full query; this gateway has APQ off, and under
 *   application/graphql-response+json a request error must be 4xx).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { sendGraphQLErrors } from '../graphql-response';
import type { ServerContext } from '../request-state';

const ALLOWED = ['GET', 'POST'];
/** Not refused here: HEAD is GET without a body; OPTIONS is the CORS preflight. */
const NOT_REFUSED = new Set([...ALLOWED, 'HEAD', 'OPTIONS']);

export function registerMethodNotAllowed(app: FastifyInstance, path: string): void {
  const refused = app.supportedMethods.filter((method) => !NOT_REFUSED.has(method));
  app.route({
    method: refused,
    url: path,
    // onRequest: before the body is read or parsed, so a PUT with an XML body is a 405, not a 415.
    onRequest: async (request, reply) => {
      request.gateway.rejectedWith = 'METHOD_NOT_ALLOWED';
      void reply.header('allow', ALLOWED.join(', '));
      return sendGraphQLErrors(request, reply, 405, [
        {
          message: `${request.method} is not supported on ${path}: use GET (queries) or POST.`,
          extensions: { code: 'METHOD_NOT_ALLOWED', retryable: false },
        },
      ]);
    },
    handler: async () => undefined,
  });
}

export function persistedQueryRefusal(): ApolloServerPlugin<ServerContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.some((error) => error.extensions?.['code'] === 'PERSISTED_QUERY_NOT_SUPPORTED')) response.http.status = 400;
      },
    }),
  };
}
