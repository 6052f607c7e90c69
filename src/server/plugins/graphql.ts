/**
 * The `/graphql` route (GET and POST): authentication, the document guard, then Apollo with a
 * per-request data source.
 * Invariants: the data source's signal aborts when the client goes away; every operation is
 * tracked until it ends, its client gone or not (the shutdown waits for it).
 */
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { VpcBackend } from '../../datasources';
import type { InFlight } from '../../shared/in-flight';
import type { Authenticator } from '../auth/authenticator';
import { authPreHandler } from '../auth/guards';
import type { GatewayConfig } from '../config';
import { createApollo, requestScope } from '../graphql/apollo';
import { recordWrites } from '../graphql/audit-record';
import { documentGuard } from '../graphql/document-guard';
import type { GatewayMetrics } from '../metrics';
import type { Posture } from '../posture';
import type { ServerContext } from './request-state';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLPluginOptions {
  config: GatewayConfig;
  posture: Posture;
  schema: GraphQLSchema;
  backend: Pick<VpcBackend, 'forRequest'>;
  logger: Logger;
  metrics: GatewayMetrics;
  authenticator: Authenticator;
  operations: InFlight;
}

const NO_SCOPES: ReadonlySet<string> = new Set();

async function graphql(app: FastifyInstance, options: GraphQLPluginOptions): Promise<void> {
  const { config, backend, operations } = options;
  const apollo = createApollo({ ...options, limits: config.limits });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  const apolloHandler = fastifyApolloHandler<ServerContext>(apollo, {
    context: async (request) => {
      const state = request.gateway;
      return {
        dataSource: recordWrites(backend.forRequest({ signal: state.abort.signal }), state.writes),
        defaultRegionId: config.upstream.defaultRegionId,
        requestId: request.id,
        logger: request.log,
        auth: state.auth ?? { subject: null, scopes: NO_SCOPES },
        http: state,
      };
    },
  });

  // `Reply: string` is the route shape the Apollo handler is typed for.
  app.route<{ Reply: string }>({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    preHandler: [authPreHandler(options.authenticator), documentGuard(config.limits)],
    handler: (request, reply) => {
      const operation = requestScope.run({ requestId: request.id, logger: request.log }, () => apolloHandler.call(app, request, reply));
      // An async function, typed as possibly synchronous: Promise.resolve hands its promise back as is.
      return operations.track(Promise.resolve(operation));
    },
  });
}

export const graphqlPlugin = fp(graphql, {
  name: 'gateway-graphql',
  fastify: '5.x',
  dependencies: ['gateway-request-state', 'gateway-error-handler', 'gateway-json-body', 'gateway-audit'],
});
