/**
 * Scrubbing of text that came from outside (upstream messages, transport error text) before it
 * may appear in an error, a log line or a GraphQL response.
 *
 * Alibaba's SignatureDoesNotMatch message echoes the server's string-to-sign, and a misbehaving
 * proxy could echo anything; so beyond cutting the known tail, anything shaped like a signature,
 * an Authorization header or a secret is masked, and the secrets in use are removed verbatim.
 */

export const MAX_MESSAGE_LENGTH = 400;
const MASK = '[redacted]';

/** `... server string to sign is:<string-to-sign>` (any case, with or without spaces). */
const STRING_TO_SIGN_TAIL = /[\s.,;:]*(server\s*)?string\s*-?\s*to\s*-?\s*sign[\s\S]*$/i;
const PATTERNS: readonly RegExp[] = [
  // Authorization header values and key=value pairs naming credentials or signatures.
  /ACS3-[A-Z0-9-]+\s+[^\s"']+/gi,
  /\b(signature|accesskeysecret|access_key_secret|secret|securitytoken|security_token|x-acs-security-token|authorization|credential)\b(\s*[=:]\s*|"\s*:\s*")[^\s&,;"']+/gi,
  // Hex digests (SHA-1 and longer: HMAC-SHA256 signatures, payload hashes).
  /\b[0-9a-f]{40,}\b/gi,
  // Base64 with padding, raw or percent-encoded (an HMAC-SHA1 signature is 27 chars + `=`).
  /(?:[A-Za-z0-9+/]|%2B|%2F){16,}(?:=|%3D){1,2}/gi,
  // Long mixed-case alphanumerics with digits: what access key secrets and tokens look like
  // (identifiers in upstream messages, e.g. `PhysicalConnectionId`, have no digits).
  /\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{24,}\b/g,
  // Percent-encoded canonical query strings (a string-to-sign without its label).
  /(?:POST|GET)&%2F&\S*/g,
];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function sanitizeMessage(raw: string, knownSecrets: ReadonlySet<string> = new Set()): string {
  let text = raw.replace(STRING_TO_SIGN_TAIL, '');
  for (const secret of knownSecrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) text = text.split(form).join(MASK);
  }
  for (const pattern of PATTERNS) text = text.replace(pattern, MASK);
  text = text.replace(CONTROL, ' ').trim();
  if (text.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  return text;
}

/** Request ids and host ids from the upstream: short, printable, or dropped. */
export function sanitizeToken(raw: unknown, maxLength = 128): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw);
  return /^[A-Za-z0-9._:\-]+$/.test(text) && text.length <= maxLength ? text : null;
}
