/**
 * A minimal, test-only Alibaba RPC client that signs with src/shared/acs-signature.ts (V1 HMAC-SHA1
 * or V3 ACS3-HMAC-SHA256) and can just as easily send a deliberately broken request.
 *
 *   const client = new SignedClient({ url: emulator.url });           // V3, default key pair
 *   const res = await client.call('DescribePhysicalConnections', { RegionId: 'cn-hangzhou' });
 *   res.status; res.json<{ TotalCount: number }>().TotalCount;
 *
 *   // Broken on purpose: every CallOptions field is one way to break a request.
 *   await client.call('DescribeRegions', {}, { secret: 'wrong' });                 // SignatureDoesNotMatch
 *   await client.call('DescribeRegions', {}, { timestamp: '2001-01-01T00:00:00Z' }); // InvalidTimeStamp.Expired
 *   await client.call('DescribeRegions', {}, { nonce: 'same' });  // twice -> SignatureNonceUsed
 *   await client.call('DescribeRegions', {}, { omit: ['x-acs-date'] });            // MissingParameter
 *
 * For anything else: `prepare()` returns the exact request (mutable), `send()` sends it.
 * Call `close()` when done (test/support/emulator.ts does it for clients it hands out).
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import {
  percentEncode,
  sha256Hex,
  v1Signature,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../src/shared/acs-signature';

export const TEST_ACCESS_KEY_ID = 'LTAIEmulatorAccessKey';
export const TEST_ACCESS_KEY_SECRET = 'EmulatorAccessKeySecret';
export const API_VERSION = '2016-04-28';

export type Algorithm = 'V1' | 'V3';
export type HttpMethod = 'GET' | 'POST';

export interface SignedClientOptions {
  /** Emulator base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Default V3 (what the official SDK uses). */
  algorithm?: Algorithm;
  /** Default: GET for V1, POST for V3. */
  method?: HttpMethod;
  /** Sent as the `Format` parameter when set. V1 sends `JSON` when unset (like pop-core). */
  format?: string;
  /** Clock for Timestamp / x-acs-date, ms since the epoch. */
  now?: () => number;
}

/** Each field is one deliberate deviation from a correct request. */
export interface CallOptions {
  algorithm?: Algorithm;
  method?: HttpMethod;
  format?: string;
  /** Version parameter / x-acs-version; default 2016-04-28. */
  version?: string;
  /** Sign with this secret instead of the configured one. */
  secret?: string;
  accessKeyId?: string;
  securityToken?: string;
  /** Timestamp (V1) or x-acs-date (V3) value, verbatim. */
  timestamp?: string;
  /** SignatureNonce (V1) or x-acs-signature-nonce (V3) value. */
  nonce?: string;
  /** Where business parameters travel. Default: V1 POST -> body (pop-core), else query. */
  placement?: 'query' | 'body';
  /** Parameter or header names dropped before signing (lower-case for headers). */
  omit?: readonly string[];
  /** Extra headers, added before signing (V3 signs x-acs-*, host and content-type among them). */
  headers?: Readonly<Record<string, string>>;
  /** V3: declare exactly these as SignedHeaders (and sign only them). */
  signedHeaders?: readonly string[];
}

/** The exact request `send()` will make; mutate it to break things after signing. */
export interface PreparedRequest {
  method: HttpMethod;
  /** Path and query, e.g. `/?Action=...` */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = Record<string, unknown>>(): T;
}

function acsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function encodePairs(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

function without(params: Record<string, string>, omit: readonly string[] | undefined): Record<string, string> {
  if (!omit) return params;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (!omit.includes(k)) out[k] = v;
  return out;
}

export class SignedClient {
  private readonly agent = new Agent({ keepAliveTimeout: 1000 });
  private readonly base: URL;

  constructor(private readonly options: SignedClientOptions) {
    this.base = new URL(options.url);
  }

  async call(action: string, params: Readonly<Record<string, string>> = {}, callOptions: CallOptions = {}) {
    return this.send(this.prepare(action, params, callOptions));
  }

  prepare(action: string, params: Readonly<Record<string, string>> = {}, o: CallOptions = {}): PreparedRequest {
    const algorithm = o.algorithm ?? this.options.algorithm ?? 'V3';
    return algorithm === 'V1' ? this.prepareV1(action, params, o) : this.prepareV3(action, params, o);
  }

  async send(prepared: PreparedRequest): Promise<ApiResponse> {
    const response = await request(new URL(prepared.path, this.base), {
      method: prepared.method,
      headers: prepared.headers,
      ...(prepared.body !== undefined ? { body: prepared.body } : {}),
      dispatcher: this.agent,
    });
    const text = await response.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    return { status: response.statusCode, headers, text, json: <T>() => JSON.parse(text) as T };
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private prepareV1(action: string, business: Readonly<Record<string, string>>, o: CallOptions): PreparedRequest {
    const method = o.method ?? this.options.method ?? 'GET';
    const token = o.securityToken ?? this.options.securityToken;
    const all = without(
      {
        Action: action,
        Version: o.version ?? API_VERSION,
        Format: o.format ?? this.options.format ?? 'JSON',
        AccessKeyId: o.accessKeyId ?? this.options.accessKeyId ?? TEST_ACCESS_KEY_ID,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: o.nonce ?? randomUUID(),
        Timestamp: o.timestamp ?? acsTimestamp(this.now()),
        ...(token !== undefined ? { SecurityToken: token } : {}),
        ...business,
      },
      o.omit,
    );
    const secret = o.secret ?? this.options.accessKeySecret ?? TEST_ACCESS_KEY_SECRET;
    const signed = o.omit?.includes('Signature') ? all : { ...all, Signature: v1Signature(method, all, secret) };
    const encoded = encodePairs(signed);
    const headers: Record<string, string> = { ...o.headers };
    if (method === 'POST' && (o.placement ?? 'body') === 'body') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      return { method, path: '/', headers, body: encoded };
    }
    return { method, path: `/?${encoded}`, headers };
  }

  private prepareV3(action: string, business: Readonly<Record<string, string>>, o: CallOptions): PreparedRequest {
    const method = o.method ?? this.options.method ?? 'POST';
    const format = o.format ?? this.options.format;
    const params = { ...(format !== undefined ? { Format: format } : {}), ...business };
    const inBody = (o.placement ?? 'query') === 'body';
    const body = inBody ? encodePairs(params) : '';
    const query = inBody ? {} : params;
    const token = o.securityToken ?? this.options.securityToken;
    const headers = without(
      {
        host: this.base.host,
        'x-acs-action': action,
        'x-acs-version': o.version ?? API_VERSION,
        'x-acs-date': o.timestamp ?? acsTimestamp(this.now()),
        'x-acs-signature-nonce': o.nonce ?? randomUUID().replace(/-/g, ''),
        'x-acs-content-sha256': sha256Hex(body),
        ...(token !== undefined ? { 'x-acs-security-token': token } : {}),
        ...(inBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...o.headers,
      },
      o.omit,
    );
    const signedHeaders =
      o.signedHeaders ??
      Object.keys(headers).filter((h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type');
    const stringToSign = v3StringToSign(
      v3CanonicalRequest({
        method,
        pathname: '/',
        query,
        headers,
        signedHeaders,
        payloadHash: headers['x-acs-content-sha256'] ?? sha256Hex(body),
      }),
    );
    const secret = o.secret ?? this.options.accessKeySecret ?? TEST_ACCESS_KEY_SECRET;
    const keyId = o.accessKeyId ?? this.options.accessKeyId ?? TEST_ACCESS_KEY_ID;
    if (!o.omit?.includes('authorization')) {
      headers['authorization'] = v3Authorization(keyId, signedHeaders, v3Signature(secret, stringToSign));
    }
    const encodedQuery = encodePairs(query);
    return {
      method,
      path: encodedQuery ? `/?${encodedQuery}` : '/',
      headers,
      ...(inBody ? { body } : {}),
    };
  }
}
