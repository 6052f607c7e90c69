/** While draining, every response says `Connection: close`, so kept-alive clients move to another replica. */
import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../readiness';

/** A kept-alive socket would otherwise outlive its last response and hold the shutdown to its deadline. */
export function registerDrainHeaders(app: FastifyInstance, readiness: Readiness): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (readiness.isDraining) void reply.header('connection', 'close');
    return payload;
  });
}
