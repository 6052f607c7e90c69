/** HTTP settings: browser origins, trusted proxies, the Host allowlist, the time to receive a request. */
import { isIP } from 'node:net';
import { z } from 'zod';
import { commaList, fromEnv, integer, list, setting } from '../../shared/settings';
import { isLoopbackHost, parseHost, type ParsedHost } from '../../shared/host-names';

/** Browser origins are `scheme://host[:port]` exactly (no path, no trailing slash), or `*`. */
const origin = z
  .string()
  .refine(
    (v) => v === '*' || /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?$/.test(v),
    'must be origins like https://console.example.com (no path), or *',
  );

/** `*`, or host names / IP addresses, each with an optional port; null when any item is not one. */
function hostList(value: string): ParsedHost[] | null {
  const hosts = list(value).map(parseHost);
  return hosts.length > 0 && hosts.length <= 50 && hosts.every((h): h is ParsedHost => h !== null) ? hosts : null;
}
const allowedHosts = z
  .string()
  .trim()
  .refine((v) => v === '*' || hostList(v) !== null, 'must be host names like api.example.com or api.example.com:443, comma-separated, or *')
  .transform((v) => (v === '*' ? ('*' as const) : (hostList(v) ?? [])));

/** An address or CIDR range of trusted proxies, or one of proxy-addr's names for the reserved ranges. */
function proxyRange(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Fastify's `trustProxy`: exactly `true`/`false`, or proxy addresses; never a hop count
 * (docs/runtime.md#settings). The usual boolean spellings are refused here: `1` read as `true`
 * would turn an operator's "one hop" into trusting every peer.
 */
function trustProxyValue(value: string): boolean | string[] | null {
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  const ranges = list(value);
  return ranges.length > 0 && ranges.every(proxyRange) ? ranges : null;
}
const trustProxy = z
  .string()
  .trim()
  .refine((v) => !/^\d+$/.test(v), {
    message: "takes no hop count (Fastify cannot tell a proxy from a client): set the proxies' addresses or CIDR ranges (10.0.0.0/8), or true to trust every peer",
    abort: true,
  })
  .refine(
    (v) => trustProxyValue(v) !== null,
    "must be true, false, or the proxies' addresses or CIDR ranges, comma-separated (not a hop count: it cannot tell a proxy from a client)",
  )
  .transform((v) => trustProxyValue(v) ?? false);

export const HTTP_SETTINGS = {
  GATEWAY_CORS_ORIGINS: setting(commaList(origin, 'origins'), [] as string[]),
  GATEWAY_TRUST_PROXY: setting(trustProxy, false),
  GATEWAY_ALLOWED_HOSTS: setting(allowedHosts),
  GATEWAY_REQUEST_TIMEOUT_MS: setting(fromEnv(integer(100, 600_000)), 30_000),
};

/** Without GATEWAY_ALLOWED_HOSTS: `localhost` on a loopback HOST (against DNS rebinding), else no check. */
export function defaultAllowedHosts(bindHost: string): ParsedHost[] | null {
  return isLoopbackHost(bindHost) ? hostList('localhost') : null;
}
