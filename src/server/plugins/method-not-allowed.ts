/**
 * Any method but GET and POST on `/graphql`: 405 with `Allow: GET, POST`, in the GraphQL error
 * shape (Fastify's default is a 404 in its own shape). HEAD stays Fastify's GET without a body,
 * OPTIONS the CORS preflight.
 * Invariant: refused in onRequest, before the body is read (a PUT with an XML body is a 405, not a 415).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendGraphQLErrors } from '../graphql-response';

const ALLOWED = ['GET', 'POST'];
const NOT_REFUSED = new Set([...ALLOWED, 'HEAD', 'OPTIONS']);

async function methodNotAllowed(app: FastifyInstance, { graphqlPath }: { graphqlPath: string }): Promise<void> {
  app.route({
    method: app.supportedMethods.filter((method) => !NOT_REFUSED.has(method)),
    url: graphqlPath,
    onRequest: async (request, reply) => {
      request.gateway.rejectedWith = 'METHOD_NOT_ALLOWED';
      void reply.header('allow', ALLOWED.join(', '));
      return sendGraphQLErrors(request, reply, 405, [
        {
          message: `${request.method} is not supported on ${graphqlPath}: use GET (queries) or POST.`,
          extensions: { code: 'METHOD_NOT_ALLOWED', retryable: false },
        },
      ]);
    },
    handler: async () => undefined,
  });
}

export const methodNotAllowedPlugin = fp(methodNotAllowed, {
  name: 'gateway-method-not-allowed',
  fastify: '5.x',
  dependencies: ['gateway-request-state', 'gateway-error-handler'],
});
