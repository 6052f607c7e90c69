/** `/healthz` (liveness: the process answers) and `/readyz` (readiness, readiness.ts). */
import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../readiness';

export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
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
