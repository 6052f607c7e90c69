/**
 * Browser-facing protections.
 *
 * CORS: off unless `GATEWAY_CORS_ORIGINS` lists origins (exact match; `*` allows any origin). The
 * gateway uses bearer tokens, never cookies, so credentials are not allowed cross-origin.
 *
 * CSRF: Apollo's `csrfPrevention` refuses GraphQL requests a browser could send cross-site without
 * a preflight (GET, or POST with a "simple" content type such as text/plain or form encodings),
 * unless they carry a header only script can set (`apollo-require-preflight`,
 * `x-apollo-operation-name`) or a non-simple content type (application/json).
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Apollo's defaults, stated here so docs/runtime.md and the CORS allow-list agree. */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

export function csrfPrevention(): { requestHeaders: string[] } {
  return { requestHeaders: CSRF_PREFLIGHT_HEADERS };
}

export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
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
