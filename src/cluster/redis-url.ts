/**
 * `GATEWAY_REDIS_URL`: what the gateway accepts (redis:// or rediss://, a host, an optional port and
 * database number, an optional user and password; nothing else, since query parameters would set
 * client options behind the gateway's back), and how it is shown: never with its password.
 */

export const REDIS_URL_RULE =
  'must be redis://[user:password@]host[:port][/db] or rediss://... (TLS), without query parameters';

/** Null when the text is not an acceptable Redis URL. */
export function parseRedisUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return null;
  if (url.hostname === '' || url.search !== '' || url.hash !== '') return null;
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,5}$/.test(url.pathname)) return null;
  return url;
}

/** The URL with its password (if any) replaced by `***`: what logs and banners show. */
export function redactRedisUrl(text: string): string {
  const url = parseRedisUrl(text);
  if (url === null) return '(invalid Redis URL)';
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/** The password as the server gets it (decoded), to scrub verbatim from any text; null without one. */
export function redisPassword(text: string): string | null {
  const url = parseRedisUrl(text);
  if (url === null || url.password === '') return null;
  try {
    return decodeURIComponent(url.password);
  } catch {
    return url.password;
  }
}
