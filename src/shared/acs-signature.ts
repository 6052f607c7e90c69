/**
 * Alibaba Cloud request signatures, both algorithms (docs/datasource.md#signing), V3 with SHA-256 or SM3.
 *
 * One implementation serves both sides: the data source signs with it and the emulator verifies
 * with it. The published vectors (test/unit/shared/acs-signature.spec.ts) and the official SDKs
 * driving the emulator keep it honest in both directions.
 *
 * Nothing here logs; callers must never put a string-to-sign or signature into an error or log.
 */
import { createHash, createHmac, getHashes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of the empty string: the payload hash of every VPC call (parameters travel in the query). */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
/**
 * The SM3 variant (openapi-core implements it; docs/datasource.md#signing): the same canonical request, with
 * SM3 in place of SHA-256 for the payload hash (still sent as `x-acs-content-sha256`), the
 * canonical-request hash and the HMAC. Nothing else changes.
 */
export const V3_SM3_ALGORITHM = 'ACS3-HMAC-SM3';
export type V3HmacAlgorithm = typeof V3_ALGORITHM | typeof V3_SM3_ALGORITHM;

const V3_DIGESTS: Readonly<Record<V3HmacAlgorithm, string>> = { [V3_ALGORITHM]: 'sha256', [V3_SM3_ALGORITHM]: 'sm3' };

/** SM3 comes from OpenSSL: present on Node 20, 22 and 24 builds, absent from some FIPS or trimmed ones. */
let sm3Available: boolean | undefined;
export function isSm3Available(): boolean {
  sm3Available ??= getHashes().includes('sm3');
  return sm3Available;
}

export function isV3HmacAlgorithm(value: string): value is V3HmacAlgorithm {
  return value === V3_ALGORITHM || value === V3_SM3_ALGORITHM;
}

/** Hex digest with the algorithm's hash: the payload hash and the canonical-request hash. */
export function v3HashHex(algorithm: V3HmacAlgorithm, data: string | Buffer): string {
  return createHash(V3_DIGESTS[algorithm]).update(data).digest('hex');
}

/** What encodeURIComponent leaves alone but RFC 3986 reserves. */
const SUB_DELIMS = /[!'()*]/g;
const hexEscape = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** RFC 3986 encoding as Alibaba specifies it: space is %20, `*` is %2A, `~` stays literal. */
export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // Ids, dates and numbers have none of them: one scan instead of five replaces per parameter.
  return encoded.search(SUB_DELIMS) === -1 ? encoded : encoded.replace(SUB_DELIMS, hexEscape);
}

/**
 * `k1=v1&k2=v2`, sorted by the raw (unencoded) name in code-unit order, then encoded.
 * Both algorithms canonicalize parameters this way.
 */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// V1: HMAC-SHA1 over the sorted parameters (SignatureVersion 1.0)
// ---------------------------------------------------------------------------------------------

/** Every parameter except `Signature` takes part, query and form body together. */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const { Signature: _ignored, ...signed } = params;
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQueryString(signed))}`;
}

export function v1Signature(
  method: string,
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(v1StringToSign(method, params)).digest('base64');
}

// ---------------------------------------------------------------------------------------------
// V3: ACS3-HMAC-SHA256 with an Authorization header
// ---------------------------------------------------------------------------------------------

export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers the official SDK signs: every `x-acs-*`, `host` and `content-type`. */
export function isV3SignableHeader(lowerName: string): boolean {
  return lowerName.startsWith('x-acs-') || lowerName === 'host' || lowerName === 'content-type';
}

/** Lower-cased, trimmed; a header sent several times has its values sorted and joined by `,`. */
function headerValues(headers: HeaderBag): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    const list = out.get(lower) ?? [];
    for (const v of typeof raw === 'string' ? [raw] : raw) list.push(v.trim());
    out.set(lower, list);
  }
  return out;
}

export interface V3CanonicalInput {
  method: string;
  /** `/` for RPC-style APIs. */
  pathname: string;
  query: Readonly<Record<string, string>>;
  headers: HeaderBag;
  /** Lower-case names of the headers to sign, in any order. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the request body. */
  payloadHash: string;
  /** `canonicalQueryString(query)` when the caller already has it (it also sends it). */
  canonicalQuery?: string;
}

export function v3CanonicalRequest(input: V3CanonicalInput): string {
  const values = headerValues(input.headers);
  const names = [...new Set(input.signedHeaders.map((h) => h.toLowerCase()))].sort();
  const canonicalHeaders = names.map((n) => `${n}:${(values.get(n) ?? []).sort().join(',')}\n`).join('');
  return [
    input.method,
    input.pathname,
    input.canonicalQuery ?? canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}

export function v3StringToSign(canonicalRequest: string, algorithm: V3HmacAlgorithm = V3_ALGORITHM): string {
  return `${algorithm}\n${v3HashHex(algorithm, canonicalRequest)}`;
}

export function v3Signature(
  accessKeySecret: string,
  stringToSign: string,
  algorithm: V3HmacAlgorithm = V3_ALGORITHM,
): string {
  return createHmac(V3_DIGESTS[algorithm], accessKeySecret).update(stringToSign).digest('hex');
}

export function v3Authorization(
  accessKeyId: string,
  signedHeaders: readonly string[],
  signature: string,
  algorithm: V3HmacAlgorithm = V3_ALGORITHM,
): string {
  const names = [...new Set(signedHeaders.map((h) => h.toLowerCase()))].sort();
  return `${algorithm} Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
}

export interface ParsedV3Authorization {
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`; null when malformed. */
export function parseV3Authorization(header: string): ParsedV3Authorization | null {
  const space = header.indexOf(' ');
  if (space <= 0) return null;
  const algorithm = header.slice(0, space);
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return null;
  return { algorithm, credential, signedHeaders: signedHeaders.split(';').filter(Boolean), signature };
}

/** Constant-time comparison so a verifier does not leak how much of a signature matched. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
