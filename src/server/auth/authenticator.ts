/**
 * Who the caller is: `none` (anonymous, every scope) or `jwt` (a bearer JWT verified with jose:
 * HS256 with GATEWAY_JWT_SECRET, or the asymmetric keys of GATEWAY_JWKS_URL via jwks-loader.ts).
 * Invariants: `exp` is required; a refusal is an `UnauthenticatedError` whose message echoes
 * nothing of the token; scopes come from `scope` or `scp`.
 */
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GatewayAuth, GatewayLogger } from '../../schema/context';
import { UnauthenticatedError } from '../../schema/errors';
import type { AuthSettings } from '../config';
import { KeySetUnavailableError } from './jwks-loader';

export const SCOPE_READ = 'vpc:read';
export const SCOPE_WRITE = 'vpc:write';
const ALL_SCOPES: ReadonlySet<string> = new Set([SCOPE_READ, SCOPE_WRITE]);

export type AuthMode = 'none' | 'jwt';

export interface Authenticator {
  readonly mode: AuthMode;
  /** Resolves the caller, or throws `UnauthenticatedError` (message safe to show). */
  authenticate(authorization: string | undefined): Promise<GatewayAuth>;
}

const ANONYMOUS_FULL_ACCESS: GatewayAuth = Object.freeze({ subject: null, scopes: ALL_SCOPES });

/** Asymmetric only: a JWKS never carries HMAC secrets, and `none` is never acceptable. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Header bound: a JWT with a sane claim set is well under 8 KiB. */
const MAX_AUTHORIZATION_LENGTH = 8192;
const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)[ ]*$/i;

export function scopesOf(payload: JWTPayload): Set<string> {
  const scopes = new Set<string>();
  for (const claim of [payload['scope'], payload['scp']]) {
    const values = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim : [];
    for (const value of values) if (typeof value === 'string' && value.length > 0) scopes.add(value);
  }
  return scopes;
}

/** Our wording for jose's failures: precise enough to fix the client, nothing from the token echoed. */
function unauthenticatedFrom(error: unknown, logger: GatewayLogger | undefined): UnauthenticatedError {
  if (error instanceof joseErrors.JWTExpired) return new UnauthenticatedError('The bearer token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = ['iss', 'aud', 'exp', 'nbf', 'iat', 'sub'].includes(error.claim) ? error.claim : 'a';
    return new UnauthenticatedError(`The bearer token's ${claim} claim is missing or not accepted.`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new UnauthenticatedError('The bearer token signature is invalid.');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new UnauthenticatedError('The bearer token algorithm is not accepted.');
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new UnauthenticatedError('No trusted key matches the bearer token.');
  }
  if (error instanceof KeySetUnavailableError) {
    // An operator problem, logged (once per failed fetch) by the key-set loader; the caller only
    // learns that its token could not be checked.
    return new UnauthenticatedError('The bearer token could not be verified: the identity provider key set is unavailable.');
  }
  if (error instanceof joseErrors.JWKSInvalid || !(error instanceof joseErrors.JOSEError)) {
    logger?.warn({ err: { name: error instanceof Error ? error.name : typeof error } }, 'JWT verification failed unexpectedly');
    return new UnauthenticatedError('The bearer token could not be verified.');
  }
  return new UnauthenticatedError('The bearer token is malformed or invalid.');
}

export interface AuthenticatorOptions {
  /** Key lookup of `GATEWAY_JWKS_URL` mode: `JwksLoader.getKey` (jwks-loader.ts), or a local set in tests. */
  keyResolver?: JWTVerifyGetKey;
  logger?: GatewayLogger;
}

export function createAuthenticator(mode: AuthMode, settings: AuthSettings, options: AuthenticatorOptions = {}): Authenticator {
  if (mode === 'none') return { mode, authenticate: async () => ANONYMOUS_FULL_ACCESS };

  const verifyOptions = {
    ...(settings.issuer === null ? {} : { issuer: settings.issuer }),
    ...(settings.audience === null ? {} : { audience: settings.audience }),
    clockTolerance: settings.clockToleranceSec,
    requiredClaims: ['exp'],
  };
  let verify: (token: string) => Promise<JWTPayload>;
  if (settings.jwtSecret !== null) {
    const key = new TextEncoder().encode(settings.jwtSecret);
    verify = async (token) => (await jwtVerify(token, key, { ...verifyOptions, algorithms: ['HS256'] })).payload;
  } else {
    const resolver = options.keyResolver;
    if (resolver === undefined) throw new Error('GATEWAY_JWKS_URL mode needs a key resolver (JwksLoader.getKey)');
    verify = async (token) => (await jwtVerify(token, resolver, { ...verifyOptions, algorithms: JWKS_ALGORITHMS })).payload;
  }

  return {
    mode,
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') {
        throw new UnauthenticatedError('A bearer token is required: send Authorization: Bearer <JWT>.');
      }
      const match = authorization.length <= MAX_AUTHORIZATION_LENGTH ? BEARER.exec(authorization) : null;
      if (match === null || match[1] === undefined) {
        throw new UnauthenticatedError('The Authorization header must be Bearer <JWT>.');
      }
      let payload: JWTPayload;
      try {
        payload = await verify(match[1]);
      } catch (error) {
        throw unauthenticatedFrom(error, options.logger);
      }
      return { subject: typeof payload.sub === 'string' ? payload.sub.slice(0, 256) : null, scopes: scopesOf(payload) };
    },
  };
}

export function requiredScope(operationType: 'query' | 'mutation' | 'subscription'): string {
  return operationType === 'query' ? SCOPE_READ : SCOPE_WRITE;
}
