/**
 * Verifies V1 and V3 (SHA-256 or SM3) signatures against the configured key pairs, refusing with
 * Alibaba's codes and messages (docs/emulator.md#what-it-checks-like-alibaba-does).
 * Invariants: the signing primitives are src/shared/acs-signature.ts, the ones the data source signs
 * with; a nonce is consumed only once the signature verified.
 */
import { ApiError } from '../api-error';
import { DEFAULT_ACCOUNT_ID } from '../contract';
import { NONCE_WINDOW_MS, NonceMemory } from './nonce-memory';
import { getParam, singleHeader, type HeaderLists, type ParamBag } from './request';
import {
  isSm3Available,
  isV3HmacAlgorithm,
  parseV3Authorization,
  signaturesEqual,
  v1Signature,
  v1StringToSign,
  v3CanonicalRequest,
  v3HashHex,
  v3Signature,
  v3StringToSign,
  V3_SM3_ALGORITHM,
} from '../../shared/acs-signature';

export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, this pair behaves like STS credentials: every request must carry this token. */
  securityToken?: string;
  /** The account the key belongs to (decides which resources it sees). */
  accountId?: string;
}

export interface AuthRequest {
  /** As sent: V1 signs it verbatim. */
  method: string;
  /** URL query only (V3 canonical query). */
  query: ParamBag;
  /** Query and form body merged (V1 signs all of them). */
  params: ParamBag;
  headers: HeaderLists;
  body: Buffer;
}

export interface AuthResult {
  accessKeyId: string;
  accountId: string;
  algorithm: 'V1' | 'V3';
}

const authErrors = {
  incompleteSignature: () =>
    new ApiError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.'),
  accessKeyNotFound: () => new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  signatureMethod: () => new ApiError(400, 'InvalidSignatureMethod', 'Specified signature method is not valid.'),
  // Alibaba accepts SM3; only a Node.js build without it (some FIPS builds) cannot check it.
  sm3Unavailable: () =>
    new ApiError(
      400,
      'InvalidSignatureMethod',
      'Specified signature method is not valid. ACS3-HMAC-SM3 is not available in this emulator: its Node.js build has no SM3 hash.',
    ),
  timestampFormat: () =>
    new ApiError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  timestampExpired: () =>
    new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  // Alibaba echoes its string-to-sign; the gateway's error sanitizer is tested against this.
  signatureMismatch: (stringToSign: string) =>
    new ApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    ),
  missing: (name: string) =>
    new ApiError(
      400,
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalid: (name: string) => new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.`),
  missingToken: () =>
    new ApiError(
      400,
      'MissingSecurityToken',
      'The input parameter "SecurityToken" that is mandatory for processing this request is not supplied.',
    ),
  tokenMismatch: () =>
    new ApiError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'Specified SecurityToken mismatch with the AccessKey.',
    ),
};

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;
const MAX_NONCE_LENGTH = 128;
const SKEW_LIMIT_MS = 15 * 60 * 1000;

/** `YYYY-MM-DDThh:mm:ss[.SSS]Z` with real calendar values; null otherwise. */
export function parseAcsTimestamp(value: string): number | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** Headers V3 requires to be present and signed. */
const V3_REQUIRED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
] as const;

export interface AuthenticatorOptions {
  keys: readonly AccessKeyPair[];
  /** Milliseconds since the epoch. */
  now: () => number;
  maxNonces?: number;
  /** Whether SM3 can be computed here; default `isSm3Available` (tests inject false). */
  sm3Available?: () => boolean;
}

export class Authenticator {
  private readonly keys = new Map<string, AccessKeyPair>();
  private readonly nonces: NonceMemory;
  private readonly now: () => number;
  private readonly sm3Available: () => boolean;

  constructor(options: AuthenticatorOptions) {
    if (options.keys.length === 0) throw new Error('at least one access key pair is required');
    for (const key of options.keys) {
      if (!key.accessKeyId || !key.accessKeySecret) throw new Error('access key id and secret must be non-empty');
      if (this.keys.has(key.accessKeyId)) throw new Error(`duplicate access key id ${key.accessKeyId}`);
      this.keys.set(key.accessKeyId, key);
    }
    this.now = options.now;
    this.sm3Available = options.sm3Available ?? isSm3Available;
    this.nonces = new NonceMemory(this.now, options.maxNonces, NONCE_WINDOW_MS);
  }

  /** V3 when an Authorization header is present, V1 otherwise. Throws `ApiError` on refusal. */
  authenticate(request: AuthRequest): AuthResult {
    return request.headers['authorization'] !== undefined ? this.verifyV3(request) : this.verifyV1(request);
  }

  clearNonces(): void {
    this.nonces.clear();
  }

  private verifyV1(request: AuthRequest): AuthResult {
    const p = (name: string) => getParam(request.params, name);
    const accessKeyId = p('AccessKeyId');
    if (!accessKeyId) throw authErrors.missing('AccessKeyId');
    const signature = p('Signature');
    if (!signature) throw authErrors.missing('Signature');
    const method = p('SignatureMethod');
    if (!method) throw authErrors.missing('SignatureMethod');
    if (method !== 'HMAC-SHA1') throw authErrors.signatureMethod();
    const version = p('SignatureVersion');
    if (!version) throw authErrors.missing('SignatureVersion');
    if (version !== '1.0') throw authErrors.invalid('SignatureVersion');
    const timestamp = p('Timestamp');
    if (!timestamp) throw authErrors.missing('Timestamp');
    const nonce = p('SignatureNonce');
    if (!nonce) throw authErrors.missing('SignatureNonce');
    const requestTime = this.checkTimestamp(timestamp);
    this.checkNonceShape(nonce, 'SignatureNonce');
    const key = this.keyFor(accessKeyId);
    this.checkSecurityToken(key, p('SecurityToken'));

    const expected = v1Signature(request.method, request.params, key.accessKeySecret);
    if (!signaturesEqual(signature, expected)) {
      throw authErrors.signatureMismatch(v1StringToSign(request.method, request.params));
    }
    this.consumeNonce(key.accessKeyId, nonce, requestTime);
    return { accessKeyId: key.accessKeyId, accountId: key.accountId ?? DEFAULT_ACCOUNT_ID, algorithm: 'V1' };
  }

  private verifyV3(request: AuthRequest): AuthResult {
    const header = (name: string) => singleHeader(request.headers, name);
    const parsed = parseV3Authorization(header('authorization') ?? '');
    if (!parsed) throw authErrors.incompleteSignature();
    const algorithm = parsed.algorithm;
    if (!isV3HmacAlgorithm(algorithm)) throw authErrors.signatureMethod();
    if (algorithm === V3_SM3_ALGORITHM && !this.sm3Available()) throw authErrors.sm3Unavailable();

    for (const name of V3_REQUIRED_HEADERS) {
      if (!header(name)) throw authErrors.missing(name);
    }
    const signed = new Set(parsed.signedHeaders.map((h) => h.toLowerCase()));
    for (const name of V3_REQUIRED_HEADERS) {
      if (!signed.has(name)) throw authErrors.incompleteSignature();
    }
    // Every x-acs-* header must be covered (else it could be altered in flight), and every signed
    // header must exist (else the declaration is not what was signed).
    for (const name of Object.keys(request.headers)) {
      if (name.startsWith('x-acs-') && !signed.has(name)) throw authErrors.incompleteSignature();
    }
    for (const name of signed) {
      if (request.headers[name] === undefined) throw authErrors.incompleteSignature();
    }

    const requestTime = this.checkTimestamp(header('x-acs-date') ?? '');
    const nonce = header('x-acs-signature-nonce') ?? '';
    this.checkNonceShape(nonce, 'x-acs-signature-nonce');
    const key = this.keyFor(parsed.credential);
    const payloadHash = header('x-acs-content-sha256') ?? '';
    // The header keeps its name under SM3; only the hash inside changes (as the SDK sends it).
    if (payloadHash.toLowerCase() !== v3HashHex(algorithm, request.body)) throw authErrors.invalid('x-acs-content-sha256');
    this.checkSecurityToken(key, header('x-acs-security-token'));

    const stringToSign = v3StringToSign(
      v3CanonicalRequest({
        method: request.method,
        pathname: '/',
        query: request.query,
        headers: request.headers,
        signedHeaders: [...signed],
        payloadHash,
      }),
      algorithm,
    );
    if (!signaturesEqual(parsed.signature, v3Signature(key.accessKeySecret, stringToSign, algorithm))) {
      throw authErrors.signatureMismatch(stringToSign);
    }
    this.consumeNonce(key.accessKeyId, nonce, requestTime);
    return { accessKeyId: key.accessKeyId, accountId: key.accountId ?? DEFAULT_ACCOUNT_ID, algorithm: 'V3' };
  }

  private keyFor(accessKeyId: string): AccessKeyPair {
    const key = this.keys.get(accessKeyId);
    if (!key) throw authErrors.accessKeyNotFound();
    return key;
  }

  private checkTimestamp(value: string): number {
    const time = parseAcsTimestamp(value);
    if (time === null) throw authErrors.timestampFormat();
    if (Math.abs(this.now() - time) > SKEW_LIMIT_MS) throw authErrors.timestampExpired();
    return time;
  }

  private checkNonceShape(nonce: string, name: string): void {
    // The nonce is kept in memory for 15 minutes: bound what a client can make us store.
    if (nonce.length > MAX_NONCE_LENGTH) throw authErrors.invalid(name);
  }

  private checkSecurityToken(key: AccessKeyPair, sent: string | undefined): void {
    if (key.securityToken === undefined) {
      if (sent) throw authErrors.tokenMismatch();
      return;
    }
    if (!sent) throw authErrors.missingToken();
    if (!signaturesEqual(sent, key.securityToken)) throw authErrors.tokenMismatch();
  }

  /** Only after the signature verified: a forged request must not burn a legitimate nonce. */
  private consumeNonce(accessKeyId: string, nonce: string, requestTime: number): void {
    if (!this.nonces.remember(accessKeyId, nonce, requestTime)) throw authErrors.nonceUsed();
  }
}
