/**
 * Host names as the gateway and the emulator read them: a `Host` header or allowlist entry
 * (`parseHost`), and the one definition of "loopback" (`isLoopbackHost`) behind the gateway's
 * default Host allowlist, its plain-http JWKS exception and the emulator's control endpoints.
 */
import { isIP, isIPv4, isIPv6 } from 'node:net';

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

/**
 * `localhost`, an IPv4 loopback address (127.0.0.0/8) or the IPv6 one (`::1`, any spelling), with
 * or without brackets, any case; no port. Nothing else: not a name that merely resolves to loopback.
 */
export function isLoopbackHost(name: string): boolean {
  const bare = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  return isIPv6(bare) && /^(?:0{0,4}:)+0{0,3}1$/.test(bare);
}
