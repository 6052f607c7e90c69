/**
 * While draining, every response says `Connection: close`: a kept-alive socket would otherwise
 * outlive its last response and hold the shutdown until its deadline.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Readiness } from '../readiness';

async function drainHeaders(app: FastifyInstance, { readiness }: { readiness: Readiness }): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (readiness.isDraining) void reply.header('connection', 'close');
    return payload;
  });
}

export const drainHeadersPlugin = fp(drainHeaders, { name: 'gateway-drain-headers', fastify: '5.x' });
