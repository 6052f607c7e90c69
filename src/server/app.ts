/**
 * Builds the gateway's HTTP application: Fastify with the gateway's plugins (src/server/plugins,
 * one concern each) and Apollo Server at `/graphql`.
 * Invariant: each plugin declares the plugins it needs (`dependencies`), so Fastify refuses an
 * order that would break one; the order of a request's refusals is in docs/runtime.md#limits-and-browser-protections.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { VpcBackend } from '../datasources';
import type { InFlight } from '../shared/in-flight';
import type { Authenticator } from './auth/authenticator';
import type { GatewayConfig } from './config';
import type { TrustedDocuments } from './graphql/trusted-manifest';
import type { GatewayMetrics } from './metrics';
import type { PlaygroundAssets } from './playground-assets';
import { auditLogPlugin } from './plugins/audit';
import { corsPlugin } from './plugins/cors';
import { drainHeadersPlugin } from './plugins/drain-headers';
import { errorHandlerPlugin } from './plugins/error-handler';
import { GRAPHQL_PATH, graphqlPlugin } from './plugins/graphql';
import { healthPlugin } from './plugins/health';
import { hostCheckPlugin } from './plugins/host-check';
import { jsonBodyPlugin } from './plugins/json-body';
import { methodNotAllowedPlugin } from './plugins/method-not-allowed';
import { metricsPlugin } from './plugins/metrics';
import { playgroundPlugin } from './plugins/playground';
import { requestLogPlugin } from './plugins/request-log';
import { requestStatePlugin } from './plugins/request-state';
import type { Posture } from './posture';
import type { Readiness } from './readiness';
import { serverOptions } from './server-options';

export interface AppOptions {
  config: GatewayConfig;
  /** What this gateway shows clients (posture.ts), decided from the config and the upstream. */
  posture: Posture;
  schema: GraphQLSchema;
  backend: Pick<VpcBackend, 'forRequest'>;
  logger: Logger;
  metrics: GatewayMetrics;
  readiness: Readiness;
  authenticator: Authenticator;
  /** null: bundle not built; the playground route then explains how to build it. */
  playgroundAssets: PlaygroundAssets | null;
  /**
   * Every GraphQL operation until it ends: one whose client hung up still runs while its write is
   * in flight, and the shutdown waits for it (shutdown.ts).
   */
  operations: InFlight;
  /** The manifests' documents (GATEWAY_TRUSTED_DOCUMENTS); null: any document runs. */
  trustedDocuments: TrustedDocuments | null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, metrics, readiness } = options;
  const app = Fastify(serverOptions(config, options.logger, metrics));
  app.register(requestStatePlugin);
  app.register(errorHandlerPlugin, { bodyLimit: config.http.bodyLimitBytes });
  app.register(requestLogPlugin);
  app.register(metricsPlugin, { metrics, graphqlPath: GRAPHQL_PATH });
  app.register(hostCheckPlugin, { allowed: Array.isArray(config.http.allowedHosts) ? config.http.allowedHosts : null });
  app.register(auditLogPlugin, { graphqlPath: GRAPHQL_PATH, maxTokens: config.limits.maxTokens, trustedDocuments: options.trustedDocuments });
  app.register(drainHeadersPlugin, { readiness });
  app.register(jsonBodyPlugin);
  app.register(corsPlugin, { origins: config.http.corsOrigins });
  app.register(healthPlugin, { readiness });
  if (options.posture.playground) {
    app.register(playgroundPlugin, { assets: options.playgroundAssets, graphqlPath: GRAPHQL_PATH, jwt: options.authenticator.mode === 'jwt' });
  }
  app.register(graphqlPlugin, options);
  app.register(methodNotAllowedPlugin, { graphqlPath: GRAPHQL_PATH });
  await app.after();
  return app;
}
