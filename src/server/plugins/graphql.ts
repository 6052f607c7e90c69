/**
 * The `/graphql` route (GET and POST): authentication, trusted documents (when configured), the
 * document guard, then Apollo with a per-request data source.
 * Invariants: the data source's signal aborts when the client goes away; every operation is
 * tracked until it ends, its client gone or not (the shutdown waits for it).
 */
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
import { apolloHandler } from '../graphql/apollo-handler';
import { recordWrites } from '../graphql/audit-record';
import { documentGuard } from '../graphql/document-guard';
import { trustedDocumentsPreHandler } from '../graphql/trusted-documents';
import type { TrustedDocuments } from '../graphql/trusted-manifest';
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
  /** The manifests' documents; null: GATEWAY_TRUSTED_DOCUMENTS unset, any document runs. */
  trustedDocuments: TrustedDocuments | null;
}

const NO_SCOPES: ReadonlySet<string> = new Set();

async function graphql(app: FastifyInstance, options: GraphQLPluginOptions): Promise<void> {
  const { config, backend, operations, trustedDocuments } = options;
  const apollo = createApollo({ ...options, limits: config.limits });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  const handler = apolloHandler<ServerContext>(apollo, async (request) => {
    const state = request.gateway;
    return {
      dataSource: recordWrites(backend.forRequest({ signal: state.abort.signal }), state.writes),
      defaultRegionId: config.upstream.defaultRegionId,
      requestId: request.id,
      logger: request.log,
      auth: state.auth ?? { subject: null, scopes: NO_SCOPES },
      http: state,
    };
  });
  const trusted =
    trustedDocuments === null
      ? []
      : [
          trustedDocumentsPreHandler({
            documents: trustedDocuments,
            only: config.trustedDocuments.only,
            playgroundFreeText: options.posture.playgroundFreeText,
            metrics: options.metrics,
          }),
        ];

  app.route({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    preHandler: [authPreHandler(options.authenticator), ...trusted, documentGuard(config.limits)],
    handler: (request, reply) => operations.track(requestScope.run({ requestId: request.id, logger: request.log }, () => handler(request, reply))),
  });
}

export const graphqlPlugin = fp(graphql, {
  name: 'gateway-graphql',
  fastify: '5.x',
  dependencies: ['gateway-request-state', 'gateway-error-handler', 'gateway-json-body', 'gateway-audit'],
});
