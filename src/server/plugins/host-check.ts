/**
 * The `Host` header, checked in onRequest, before anything is read, parsed or authenticated
 * (docs/runtime.md#limits-and-browser-protections): malformed or missing -> 400, a name not in
 * GATEWAY_ALLOWED_HOSTS -> 421 (DNS rebinding).
 * Invariants: an IP address always passes; only the raw `Host` is matched, never X-Forwarded-Host;
 * `/healthz` and `/readyz` are exempt (probes may send no Host).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { parseHost, type ParsedHost } from '../../shared/host-names';
import { sendGraphQLErrors } from '../graphql-response';

/** An entry without a port allows every port of that name. */
export function hostAllowed(host: ParsedHost, allowed: readonly ParsedHost[]): boolean {
  return host.ip || allowed.some((entry) => entry.name === host.name && (entry.port === null || entry.port === host.port));
}

const PROTOCOL = /^https?$/i;
const EXEMPT_ROUTES: ReadonlySet<string | undefined> = new Set(['/healthz', '/readyz']);

function refuseMalformed(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  request.gateway.rejectedWith = 'BAD_REQUEST';
  return sendGraphQLErrors(request, reply, 400, [{ message, extensions: { code: 'BAD_REQUEST', retryable: false } }]);
}

export interface HostCheckOptions {
  /** null: no allowlist (any well-formed Host passes). */
  allowed: readonly ParsedHost[] | null;
}

async function hostCheck(app: FastifyInstance, { allowed }: HostCheckOptions): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT_ROUTES.has(request.routeOptions.url)) return;
    const raw = request.headers.host ?? '';
    const host = parseHost(raw);
    if (host === null || (request.host !== raw && parseHost(request.host) === null)) {
      return refuseMalformed(request, reply, 'The Host header is missing or malformed.');
    }
    if (!PROTOCOL.test(request.protocol)) return refuseMalformed(request, reply, 'The X-Forwarded-Proto header is malformed.');
    if (allowed !== null && !hostAllowed(host, allowed)) {
      request.gateway.rejectedWith = 'MISDIRECTED_REQUEST';
      return sendGraphQLErrors(request, reply, 421, [
        {
          message: 'This gateway does not answer for the host in the Host header (GATEWAY_ALLOWED_HOSTS).',
          extensions: { code: 'MISDIRECTED_REQUEST', retryable: false },
        },
      ]);
    }
  });
}

export const hostCheckPlugin = fp(hostCheck, { name: 'gateway-host-check', fastify: '5.x', dependencies: ['gateway-request-state'] });
