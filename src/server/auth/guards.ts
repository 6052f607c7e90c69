/**
 * The GraphQL route's two auth gates: 401 before anything of the request is parsed (route
 * preHandler), 403 once the operation is known and before any resolver runs (Apollo plugin).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../schema/errors';
import { sendGraphQLErrors } from '../graphql-response';
import type { ServerContext } from '../plugins/request-state';
import { requiredScope, type Authenticator } from './authenticator';

/** Authenticates, or answers 401 itself: nothing of an unknown caller's request is parsed. */
export function authPreHandler(authenticator: Authenticator) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.gateway.servedPlayground) return;
    try {
      request.gateway.auth = await authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      request.gateway.rejectedWith = error.extensions.code;
      const challenge =
        request.headers.authorization === undefined
          ? 'Bearer realm="vpc-graphql-gateway"'
          : 'Bearer realm="vpc-graphql-gateway", error="invalid_token"';
      void reply.header('www-authenticate', challenge);
      await sendGraphQLErrors(request, reply, 401, [{ message: error.message, extensions: error.extensions }]);
    }
  };
}

/** Apollo plugin: scope check once the operation is resolved, before any resolver runs. */
export function scopePlugin(): ApolloServerPlugin<ServerContext> {
  return {
    requestDidStart: async () => {
      let denied = false;
      return {
        didResolveOperation: async ({ operation, contextValue }) => {
          if (operation === undefined) return;
          const scope = requiredScope(operation.operation);
          if (contextValue.auth.scopes.has(scope)) return;
          denied = true;
          throw new ForbiddenError(`This ${operation.operation} needs the ${scope} scope.`, scope);
        },
        willSendResponse: async ({ response }) => {
          if (denied) response.http.status = 403;
        },
      };
    },
  };
}
