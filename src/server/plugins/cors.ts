/**
 * CORS: off unless GATEWAY_CORS_ORIGINS lists origins (exact match; `*` any origin), without
 * credentials (bearer tokens, no cookies). The CSRF headers Apollo requires (apollo.ts) are
 * allowed in preflights.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Apollo's defaults for `csrfPrevention`, stated here so the CORS allow-list and Apollo agree. */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

async function corsOrigins(app: FastifyInstance, { origins }: { origins: readonly string[] }): Promise<void> {
  if (origins.length === 0) return;
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  await app.register(cors, {
    origin: anyOrigin ? '*' : (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', ...CSRF_PREFLIGHT_HEADERS],
    exposedHeaders: ['x-request-id'],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });
}

/** After the Host check: a rebinding page's preflight gets 421, not CORS headers. */
export const corsPlugin = fp(corsOrigins, { name: 'gateway-cors', fastify: '5.x', dependencies: ['gateway-host-check'] });
