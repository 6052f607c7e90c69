/** Counts every request (in flight, by route and status, GraphQL by operation) and serves `/metrics`. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { GatewayMetrics } from '../metrics';

export interface MetricsPluginOptions {
  metrics: GatewayMetrics;
  graphqlPath: string;
}

async function requestMetrics(app: FastifyInstance, { metrics, graphqlPath }: MetricsPluginOptions): Promise<void> {
  app.addHook('onRequest', async (_request, reply) => {
    metrics.requestStarted();
    // 'close' fires exactly once per response, finished or aborted.
    reply.raw.once('close', () => metrics.requestClosed());
  });
  app.whenRequestEnds((request, reply, unanswered) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const statusCode = unanswered ? null : reply.statusCode;
    metrics.recordHttpRequest(route, request.method, statusCode, request.gateway.cutByShutdown);
    if (route === graphqlPath && request.method !== 'OPTIONS' && !request.gateway.servedPlayground) {
      metrics.recordGraphQLRequest(request.gateway, statusCode, reply.elapsedTime / 1000);
    }
  });
  app.get('/metrics', async (_request, reply) => {
    void reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export const metricsPlugin = fp(requestMetrics, {
  name: 'gateway-metrics',
  fastify: '5.x',
  dependencies: ['gateway-request-state', 'gateway-error-handler'],
});
