/**
 * THE text scrubber: every piece of free text that may carry a credential (upstream messages,
 * transport errors, internal error messages and stacks) goes through `redactSecrets` before it
 * reaches an error, a log line or a response. The data source (`sanitizeMessage`, which also
 * bounds length and control characters) and the GraphQL error formatter both use it, so a shape
 * masked in one place is masked in the other.
 *
 * Alibaba's SignatureDoesNotMatch message echoes the server's string-to-sign, and a library or a
 * misbehaving proxy could echo anything; so beyond cutting the known tail, anything shaped like a
 * signature, an Authorization header or a secret is masked, and the secrets in use are removed
 * verbatim. Structured log fields are redacted by path elsewhere (pino `redact`).
 */

/** The same marker as the structured log redaction (pino censor), so one search finds both. */
export const REDACTED = '[REDACTED]';

/** `... server string to sign is:<string-to-sign>` (any case, with or without spaces), to the end. */
const STRING_TO_SIGN_TAIL = /[\s.,;:]*(server\s*)?string\s*[-_]?\s*to\s*[-_]?\s*sign[\s\S]*$/i;

/** Shorter known secrets would mask ordinary words by accident. */
const MIN_SECRET_LENGTH = 4;

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // An Authorization header value, whatever its scheme, to the end of the line or quote.
  [/(\bauthorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, `$1${REDACTED}`],
  // A V3 credential outside a labelled header.
  [/ACS3-[A-Z0-9-]+\s+[^\s"']+/gi, REDACTED],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/gi, `$1 ${REDACTED}`],
  // key=value / key: value / "key":"value" pairs naming credentials or signatures: the key stays.
  [
    /\b(signature|accesskeysecret|access_key_secret|secret|securitytoken|security_token|x-acs-security-token|credential)\b(\s*[=:]\s*|"\s*:\s*")[^\s&,;"']+/gi,
    `$1$2${REDACTED}`,
  ],
  // Hex digests (SHA-1 and longer: HMAC-SHA256 signatures, payload hashes), bare.
  [/\b[0-9a-f]{40,}\b/gi, REDACTED],
  // Base64 with padding, raw or percent-encoded (an HMAC-SHA1 signature is 27 chars + `=`).
  [/(?:[A-Za-z0-9+/]|%2B|%2F){16,}(?:=|%3D){1,2}/gi, REDACTED],
  // Long mixed-case alphanumerics with digits: what access key secrets and tokens look like
  // (identifiers in messages and stack frames, e.g. `PhysicalConnectionId`, have no digits).
  [/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{24,}\b/g, REDACTED],
  // Percent-encoded canonical query strings (a string-to-sign without its label).
  [/(?:POST|GET)&%2F&\S*/g, REDACTED],
];

/**
 * `text` with every credential-shaped part masked and the secrets in `knownSecrets` removed
 * verbatim (raw and percent-encoded). Keeps line structure and length otherwise, so it suits
 * stacks as well as one-line messages.
 */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text.replace(STRING_TO_SIGN_TAIL, '');
  for (const secret of knownSecrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
