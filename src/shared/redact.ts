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

/**
 * The most of a text the scrubber reads: a message and a stack of Node's default ten frames fit.
 * Every pattern below is linear; the bound also caps what a future one that is not could cost
 * (an upstream error body of 50 KB of spaces once held the event loop for 6 s).
 */
export const MAX_SCANNED_LENGTH = 4096;

/** Ends a text cut to `MAX_SCANNED_LENGTH`. */
const TRUNCATED = '…';

/** `server string to sign` (any case, with or without spaces or `-`/`_`), where the tail starts. */
const STRING_TO_SIGN_LABEL = /(?:server\s*)?string\s*(?:[-_]\s*)?to\s*(?:[-_]\s*)?sign/i;

/** What ends the sentence before the label; dropped with the tail. */
const BEFORE_LABEL = /[\s.,;:]/;

/** Shorter known secrets would mask ordinary words by accident. */
const MIN_SECRET_LENGTH = 4;

/** Masks the match when the group that makes it a credential took part, else leaves it. */
const maskIfMatched = (match: string, credential: string | undefined) => (credential === undefined ? match : REDACTED);

/**
 * No pattern may rescan a run from each of its characters (quadratic in the run's length). Where
 * a plain pattern would, an alternative or an optional group consumes a run that does not
 * qualify, whole, and `maskIfMatched` leaves it as it was: no start further inside that run could
 * qualify either.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string | typeof maskIfMatched]> = [
  // An Authorization header value, whatever its scheme, to the end of the line or quote.
  [/(\bauthorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, `$1${REDACTED}`],
  // A V3 credential outside a labelled header.
  [/ACS3-[A-Z0-9-]+(\s+[^\s"']+)?/gi, maskIfMatched],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/gi, `$1 ${REDACTED}`],
  // key=value / key: value / "key":"value" pairs naming credentials or signatures: the key stays.
  [
    /\b(signature|accesskeysecret|access_key_secret|secret|securitytoken|security_token|x-acs-security-token|credential)\b(\s*[=:]\s*|"\s*:\s*")[^\s&,;"']+/gi,
    `$1$2${REDACTED}`,
  ],
  // Hex digests (SHA-1 and longer: HMAC-SHA256 signatures, payload hashes), bare.
  [/\b[0-9a-f]{40,}\b/gi, REDACTED],
  // Base64 with padding, raw or percent-encoded (an HMAC-SHA1 signature is 27 chars + `=`). A `%`
  // is stepped over alone, so a run starting `%2B` is also tried from its `2` (one unit longer).
  [/((?:[A-Za-z0-9+/]|%2B|%2F){16,}(?:=|%3D){1,2})|%|(?:[A-Za-z0-9+/]|%2B|%2F)+/gi, maskIfMatched],
  // Long mixed-case alphanumerics with digits: what access key secrets and tokens look like
  // (identifiers in messages and stack frames, e.g. `PhysicalConnectionId`, have no digits).
  [/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{24,}\b/g, REDACTED],
  // Percent-encoded canonical query strings (a string-to-sign without its label).
  [/(?:POST|GET)&%2F&\S*/g, REDACTED],
  // The password of a Redis URL (`redis://user:password@host`): the user and host stay.
  [/\b(rediss?:\/\/[^\s/@:]*:)[^\s/@]+@/gi, `$1${REDACTED}@`],
];

/**
 * At most `MAX_SCANNED_LENGTH` characters of `text`, cut after a whole line when that keeps at
 * least half (a stack keeps whole frames), else before a whitespace: a secret cut in half would
 * match neither its pattern nor its verbatim form, so the word a cut falls into is dropped whole.
 */
function bounded(text: string): string {
  if (text.length <= MAX_SCANNED_LENGTH) return text;
  const lineEnd = text.lastIndexOf('\n', MAX_SCANNED_LENGTH - 1);
  let cut = MAX_SCANNED_LENGTH;
  if (lineEnd >= MAX_SCANNED_LENGTH / 2) cut = lineEnd + 1;
  else while (cut > 0 && !/\s/.test(text.charAt(cut))) cut -= 1;
  return text.slice(0, cut) + TRUNCATED;
}

/** The text before an echoed string-to-sign, without the punctuation that led into it. */
function withoutStringToSign(text: string): string {
  const label = text.search(STRING_TO_SIGN_LABEL);
  if (label < 0) return text;
  let end = label;
  while (end > 0 && BEFORE_LABEL.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/**
 * `text` with every credential-shaped part masked and the secrets in `knownSecrets` removed
 * verbatim (raw and percent-encoded). Keeps line structure and length otherwise, so it suits
 * stacks as well as one-line messages; a text longer than `MAX_SCANNED_LENGTH` is cut first.
 */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = withoutStringToSign(bounded(text));
  for (const secret of knownSecrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) {
    // Two calls only so that TypeScript can pick `replace`'s overload for each kind.
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}
