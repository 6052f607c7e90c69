import Fastify from 'fastify';
import { GatewayMetrics } from '../../../../src/server/metrics';
import { errorHandlerPlugin } from '../../../../src/server/plugins/error-handler';
import { metricsPlugin } from '../../../../src/server/plugins/metrics';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

describe('metricsPlugin', () => {
  it('counts each request by route and status, GraphQL ones by operation, and serves the registry', async () => {
    const metrics = new GatewayMetrics({ defaultMetrics: false });
    const app = Fastify();
    app.register(requestStatePlugin);
    app.register(errorHandlerPlugin, { bodyLimit: 1024 });
    app.register(metricsPlugin, { metrics, graphqlPath: '/graphql' });
    app.route({
      method: ['GET', 'POST'],
      url: '/graphql',
      handler: async (request) => {
        // What the Apollo side records on a GraphQL request; a browser GET stands for the playground page.
        if (request.method === 'GET') request.gateway.servedPlayground = true;
        request.gateway.operationName = 'Regions';
        request.gateway.operationType = 'query';
        request.gateway.outcome = 'success';
        return {};
      },
    });
    await app.inject({ method: 'POST', url: '/graphql' });
    await app.inject({ method: 'GET', url: '/graphql' });
    await app.inject({ method: 'GET', url: '/nowhere' });
    const res = await app.inject('/metrics');
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('gateway_http_requests_total{route="/graphql",method="POST",status_code="200"} 1');
    expect(res.body).toContain('gateway_http_requests_total{route="/graphql",method="GET",status_code="200"} 1');
    expect(res.body).toContain('gateway_http_requests_total{route="unmatched",method="GET",status_code="404"} 1');
    // The playground page is no GraphQL request.
    expect(res.body).toContain('gateway_graphql_requests_total{operation="Regions",operation_type="query",outcome="success"} 1');
    // Only the scrape itself is still in flight.
    expect(res.body).toContain('gateway_inflight_requests 1');
    await app.close();
  });
});
