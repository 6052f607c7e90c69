/**
 * One signed RPC request exactly as the official SDK sends it (V3 `doRequest`, V1 `doRPCRequest`):
 * `POST /`, business parameters in the query string, empty body, the SDK's headers
 * (docs/datasource.md#signing).
 *
 * Hand-written on src/shared/acs-signature.ts because the SDK signs only inside its own Tea request
 * pipeline, and the emulator verifies with the very same primitives.
 *
 * Invariants: every attempt is signed afresh from the caller's clock reading and nonce; the
 * string-to-sign and the signature leave this module only inside the request.
 */
import {
  EMPTY_BODY_SHA256,
  canonicalQueryString,
  isV3SignableHeader,
  v1Signature,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../shared/acs-signature';
import type { AccessCredentials } from './credentials';

export const API_VERSION = '2016-04-28';

export interface SignInput {
  action: string;
  /** Default `2016-04-28`. */
  version?: string;
  /** Default `POST` (what the SDK sends); the V1 vector is a `GET`. */
  method?: 'POST' | 'GET';
  /** The `host` header: endpoint host[:port]. */
  host: string;
  /** Flattened business parameters. */
  params: Readonly<Record<string, string>>;
  credentials: AccessCredentials;
  /** The signing time. */
  now: Date;
  nonce: string;
  userAgent: string;
  /** V1 only: the `Format` parameter (the SDK sends `json`). */
  format?: string;
  /** Set on retries, as the SDK does: attempts already made and the delay slept before this one. */
  retry?: { attemptsMade: number; delayMs: number };
}

export interface SignedRequest {
  method: 'POST' | 'GET';
  /** `/?<canonical query>`. */
  path: string;
  headers: Record<string, string>;
}

/** `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds, as the SDK formats it). */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function retryHeaders(input: SignInput): Record<string, string> {
  return input.retry
    ? { 'x-acs-retry-attempts': String(input.retry.attemptsMade), 'x-acs-retry-delay': String(input.retry.delayMs) }
    : {};
}

/** ACS3-HMAC-SHA256: the default of SDK 7 / openapi-core. */
export function signV3(input: SignInput): SignedRequest {
  const method = input.method ?? 'POST';
  const version = input.version ?? API_VERSION;
  const { accessKeyId, accessKeySecret, securityToken } = input.credentials;
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-version': version,
    'x-acs-action': input.action,
    'user-agent': input.userAgent,
    'x-acs-date': formatTimestamp(input.now),
    'x-acs-signature-nonce': input.nonce,
    accept: 'application/json',
    ...retryHeaders(input),
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  };
  if (securityToken) {
    headers['x-acs-accesskey-id'] = accessKeyId;
    headers['x-acs-security-token'] = securityToken;
  }
  const signedHeaders = Object.keys(headers).filter(isV3SignableHeader);
  // Signed and sent: the same string, encoded once.
  const canonicalQuery = canonicalQueryString(input.params);
  const canonical = v3CanonicalRequest({
    method,
    pathname: '/',
    query: input.params,
    canonicalQuery,
    headers,
    signedHeaders,
    payloadHash: EMPTY_BODY_SHA256,
  });
  const signature = v3Signature(accessKeySecret, v3StringToSign(canonical));
  headers.authorization = v3Authorization(accessKeyId, signedHeaders, signature);
  return { method, path: `/?${canonicalQuery}`, headers };
}

/** HMAC-SHA1 (SignatureVersion 1.0): what SDK 7 sends with `signatureAlgorithm: 'v2'`. */
export function signV1(input: SignInput): SignedRequest {
  const method = input.method ?? 'POST';
  const version = input.version ?? API_VERSION;
  const { accessKeyId, accessKeySecret, securityToken } = input.credentials;
  const query: Record<string, string> = {
    Action: input.action,
    Format: input.format ?? 'json',
    Version: version,
    Timestamp: formatTimestamp(input.now),
    SignatureNonce: input.nonce,
    ...input.params,
  };
  if (securityToken) query.SecurityToken = securityToken;
  query.SignatureMethod = 'HMAC-SHA1';
  query.SignatureVersion = '1.0';
  query.AccessKeyId = accessKeyId;
  query.Signature = v1Signature(method, query, accessKeySecret);
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-version': version,
    'x-acs-action': input.action,
    'user-agent': input.userAgent,
    ...retryHeaders(input),
  };
  return { method, path: `/?${canonicalQueryString(query)}`, headers };
}

export function sign(version: 'v3' | 'v1', input: SignInput): SignedRequest {
  return version === 'v3' ? signV3(input) : signV1(input);
}

