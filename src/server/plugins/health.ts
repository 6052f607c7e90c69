/** `/healthz` (liveness: the process answers) and `/readyz` (readiness, readiness.ts). */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Readiness } from '../readiness';

async function health(app: FastifyInstance, { readiness }: { readiness: Readiness }): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', async (_request, reply) => {
    if (!readiness.isReady) await readiness.verify();
    const report = readiness.report();
    void reply.header('cache-control', 'no-store').code(report.ready ? 200 : 503);
    return { status: report.ready ? 'ready' : 'not ready', ...report };
  });
}

export const healthPlugin = fp(health, { name: 'gateway-health', fastify: '5.x', dependencies: ['gateway-error-handler'] });
