/**
 * The leak scanner (issue 7, item 5): finds secrets in what the gateway said during the test run
 * (log lines, response bodies, a child's stdout/stderr). Pure functions; the global teardown feeds
 * it the capture files (log-capture.ts) and fails the run on any finding.
 *
 * Two kinds of evidence:
 * - known secrets, verbatim (and in the encodings a log or URL would give them): the emulator's
 *   access key secret, JWT secrets of test configs, every bearer token a test sent, every
 *   signature and STS token a gateway sent upstream (log-capture.ts taps the emulators);
 * - shapes no gateway output may have, whoever's secret it is: a V1 `Signature=` value, a V3
 *   `ACS3-HMAC-SHA256 Credential=` header, a string-to-sign (labelled, or the canonical request
 *   itself), a JWT, a bearer credential.
 * A finding is reported REDACTED: the reason, where it was seen, and the line with every match
 * masked, so the failure report does not become a leak of its own.
 */

export interface KnownSecret {
  value: string;
  /** What it is, e.g. `GATEWAY_JWT_SECRET` or `bearer token`: printed instead of the value. */
  label: string;
}

export interface CapturedText {
  /** `log`, `response`, `stdout`, `stderr`, ... */
  kind: string;
  /** Who said it: the test file and the gateway, e.g. `test/integration/x.spec.ts (in-process gateway)`. */
  source: string;
  text: string;
}

export interface Finding {
  reason: string;
  kind: string;
  source: string;
  /** The offending text around the first match, every match masked. */
  excerpt: string;
}

interface Match {
  reason: string;
  start: number;
  end: number;
}

/** Redaction markers the gateway writes in place of a secret: a shape followed by one is fine. */
const REDACTED = String.raw`(?!\s*\[(?:REDACTED|redacted)\])`;

export const LEAK_SHAPES: ReadonlyArray<{ reason: string; pattern: RegExp }> = [
  { reason: 'V1 signature (Signature=...)', pattern: new RegExp(String.raw`\bSignature=${REDACTED}[A-Za-z0-9%+/=_-]{4,}`, 'g') },
  { reason: 'V1 signature (Signature=...)', pattern: new RegExp(String.raw`"signature"\s*:\s*"${REDACTED}[^"\[]{4,}`, 'gi') },
  // Any V3 algorithm: ACS3-HMAC-SHA256, ACS3-HMAC-SM3, ACS3-RSA-SHA256.
  { reason: 'V3 Authorization header (ACS3-HMAC-SHA256 Credential=...)', pattern: /ACS3-[A-Z0-9]+(?:-[A-Z0-9]+)*\s+Credential=/g },
  {
    reason: 'string-to-sign',
    pattern: new RegExp(String.raw`string[\s_-]?to[\s_-]?sign(?:\s+is)?\s*(?:[:=]|"\s*:\s*")${REDACTED}\s*[^\s"\[]`, 'gi'),
  },
  // The string-to-sign without its label: a V1 canonical query, or a V3 one (algorithm + hash).
  { reason: 'string-to-sign (canonical request)', pattern: /\b(?:GET|POST)&%2F&[A-Za-z0-9%._~-]+/g },
  { reason: 'string-to-sign (canonical request)', pattern: /ACS3-[A-Z0-9]+(?:-[A-Z0-9]+)*(?:\\n|\n)[0-9a-f]{64}/g },
  { reason: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  { reason: 'bearer credential', pattern: new RegExp(String.raw`\bBearer\s+${REDACTED}[A-Za-z0-9._~+/-]{16,}=*`, 'gi') },
  // The same labels, URL-encoded (a logged URL or form body) or under the header-style key.
  { reason: 'V1 signature (Signature=...)', pattern: new RegExp(String.raw`(?<![A-Za-z])Signature%3D${REDACTED}[A-Za-z0-9%+/_-]{4,}`, 'gi') },
  { reason: 'V3 signature header', pattern: new RegExp(String.raw`"x-acs-signature"\s*:\s*"${REDACTED}[^"\[]{4,}`, 'gi') },
];

/** Shorter values would match by accident (and no real secret is that short). */
export const MIN_SECRET_LENGTH = 8;

/** The forms a secret takes in a log line, a JSON string or a URL. */
function secretForms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/**
 * Signatures are fixed-shape (V1: base64 of a SHA-1, V3: hex of a SHA-256) and a run registers
 * thousands of them, one per upstream request: they are found by extracting every value of those
 * shapes from the text, decoded, and looking it up, instead of searching the text once per secret.
 */
const SIGNATURE_SHAPE = /^(?:[A-Za-z0-9+/]{27}=|[0-9a-f]{64})$/;
const SIGNATURE_CANDIDATES = /[A-Za-z0-9+/]{27}=|[0-9a-f]{64}/g;
const ENCODED = /%(2B|2F|3D)|\\\//gi;
const DECODED: Record<string, string> = { '%2B': '+', '%2F': '/', '%3D': '=', '\\/': '/' };

function signatureMatches(text: string, signatures: ReadonlyMap<string, string>): Match[] {
  if (signatures.size === 0) return [];
  const matches: Match[] = [];
  const decoded = text.replace(ENCODED, (m) => DECODED[m.toUpperCase()] ?? m);
  for (const m of decoded.matchAll(SIGNATURE_CANDIDATES)) {
    const label = signatures.get(m[0]);
    if (label === undefined) continue;
    // Where it stands in the text as written (maybe encoded): the excerpt must mask that form.
    for (const found of text.matchAll(encodedForms(m[0]))) {
      const start = found.index ?? 0;
      matches.push({ reason: `known secret (${label})`, start, end: start + found[0].length });
    }
  }
  return matches;
}

function encodedForms(value: string): RegExp {
  const alternatives: Record<string, string> = { '+': '(?:\\+|%2B)', '/': '(?:/|%2F|\\\\/)', '=': '(?:=|%3D)' };
  return new RegExp([...value].map((c) => alternatives[c] ?? c).join(''), 'gi');
}

function findMatches(text: string, secrets: readonly KnownSecret[], signatures: ReadonlyMap<string, string>): Match[] {
  const matches: Match[] = signatureMatches(text, signatures);
  for (const secret of secrets) {
    if (secret.value.length < MIN_SECRET_LENGTH || SIGNATURE_SHAPE.test(secret.value)) continue;
    for (const form of secretForms(secret.value)) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
        matches.push({ reason: `known secret (${secret.label})`, start: at, end: at + form.length });
      }
    }
  }
  for (const { reason, pattern } of LEAK_SHAPES) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      matches.push({ reason, start, end: start + m[0].length });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

const EXCERPT_RADIUS = 120;

/** The text around the first match with EVERY match (and every known secret) masked. */
function redactedExcerpt(text: string, matches: readonly Match[]): string {
  let masked = '';
  let cursor = 0;
  for (const m of matches) {
    if (m.start < cursor) {
      cursor = Math.max(cursor, m.end);
      continue;
    }
    masked += `${text.slice(cursor, m.start)}[LEAK: ${m.reason}]`;
    cursor = m.end;
  }
  masked += text.slice(cursor);
  const first = masked.indexOf('[LEAK: ');
  const from = Math.max(0, first - EXCERPT_RADIUS);
  const excerpt = masked.slice(from, first + EXCERPT_RADIUS * 2);
  // eslint-disable-next-line no-control-regex
  return `${from > 0 ? '…' : ''}${excerpt.replace(/[\u0000-\u001f]+/g, ' ')}${from + excerpt.length < masked.length ? '…' : ''}`;
}

/** One finding per captured text that leaks, naming the first reason. */
export function scanCaptured(records: Iterable<CapturedText>, secrets: readonly KnownSecret[]): Finding[] {
  const findings: Finding[] = [];
  const signatures = new Map(secrets.filter((s) => SIGNATURE_SHAPE.test(s.value)).map((s) => [s.value, s.label]));
  for (const record of records) {
    const matches = findMatches(record.text, secrets, signatures);
    const first = matches[0];
    if (first === undefined) continue;
    findings.push({ reason: first.reason, kind: record.kind, source: record.source, excerpt: redactedExcerpt(record.text, matches) });
  }
  return findings;
}

/** The failure message of the run: each finding (at most `limit`), redacted. */
export function formatFindings(findings: readonly Finding[], scanned: number, limit = 20): string {
  const lines = findings
    .slice(0, limit)
    .map((f, i) => `  ${i + 1}. ${f.reason} in a ${f.kind} from ${f.source}:\n     ${f.excerpt}`);
  const more = findings.length > limit ? `\n  ... and ${findings.length - limit} more` : '';
  return `Secret leak scan: ${findings.length} of ${scanned} captured texts leak a secret or a signature:\n${lines.join('\n')}${more}`;
}
