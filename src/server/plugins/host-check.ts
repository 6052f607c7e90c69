/**
 * The `Host` header, checked in onRequest, before anything is read, parsed or authenticated
 * (docs/runtime.md#limits-and-browser-protections): malformed or missing -> 400, a name not in
 * GATEWAY_ALLOWED_HOSTS -> 421 (DNS rebinding).
 * Invariants: an IP address always passes; only the raw `Host` is matched, never X-Forwarded-Host;
 * `/healthz` and `/readyz` are exempt (probes may send no Host).
 */
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendGraphQLErrors } from '../graphql-response';

export interface ParsedHost {
  /** Lower case, without a trailing dot; an IPv6 address keeps its brackets. */
  name: string;
  port: number | null;
  ip: boolean;
}

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
const HOST = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{0,5}))?$/;

/** `name[:port]`, `IPv4[:port]` or `[IPv6][:port]`, as RFC 9110 allows in `Host`; null for anything else. */
export function parseHost(value: string): ParsedHost | null {
  const match = HOST.exec(value.trim().toLowerCase());
  if (match === null) return null;
  const [, rawName = '', rawPort] = match;
  const port = rawPort === undefined || rawPort === '' ? null : Number(rawPort);
  if (port !== null && port > 65535) return null;
  if (rawName.startsWith('[')) return isIP(rawName.slice(1, -1)) === 6 ? { name: rawName, port, ip: true } : null;
  const name = rawName.endsWith('.') ? rawName.slice(0, -1) : rawName;
  if (isIP(name) === 4) return { name, port, ip: true };
  return NAME.test(name) ? { name, port, ip: false } : null;
}

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
