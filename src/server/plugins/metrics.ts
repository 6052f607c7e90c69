/** Counts every request (in flight, by route and status, GraphQL by operation) and serves `/metrics`. */
import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from '../metrics';

export function registerMetrics(app: FastifyInstance, metrics: GatewayMetrics, graphqlPath: string): void {
  app.addHook('onRequest', async (_request, reply) => {
    metrics.requestStarted();
    // 'close' fires exactly once per response, finished or aborted.
    reply.raw.once('close', () => metrics.requestClosed());
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.recordHttpRequest(route, request.method, reply.statusCode);
    if (route === graphqlPath && request.method !== 'OPTIONS' && !request.gateway.servedPlayground) {
      metrics.recordGraphQLRequest(request.gateway, reply.statusCode, reply.elapsedTime / 1000);
    }
  });
  app.get('/metrics', async (_request, reply) => {
    void reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
