/** Authentication settings: the mode, the HS256 secret or the JWKS key set, and the claims checked. */
import { z } from 'zod';
import { isLoopbackHost } from '../../shared/host-names';
import { commaList, fromEnv, integer, oneOf, printable, setting, type Values } from '../../shared/settings';
import type { ConfigProblem } from './problems';

/** http(s) URL; plain http only for loopback (a JWKS fetched in clear text could be swapped). */
const jwksUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https:// URL' });
      return;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      ctx.addIssue({ code: 'custom', message: 'must use https (plain http is accepted for loopback hosts only)' });
    }
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
  });

/** Secret: checked for strength, never echoed. 32 bytes = the HS256 key size (RFC 7518 §3.2). */
const jwtSecret = z.string().refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'must be at least 32 bytes');

export const AUTH_SETTINGS = {
  GATEWAY_AUTH_MODE: setting(fromEnv(oneOf(['none', 'jwt'] as const))),
  GATEWAY_JWT_SECRET: setting(jwtSecret),
  GATEWAY_JWKS_URL: setting(jwksUrl),
  GATEWAY_JWKS_TIMEOUT_MS: setting(fromEnv(integer(100, 60_000)), 5_000),
  GATEWAY_JWT_ISSUER: setting(fromEnv(printable(512))),
  GATEWAY_JWT_AUDIENCE: setting(commaList(printable(512), 'audiences')),
  GATEWAY_JWT_CLOCK_TOLERANCE_S: setting(fromEnv(integer(0, 300)), 5),
};

export interface AuthSettings {
  /** null: not set; `finalizeAuthMode` (posture.ts) decides once the upstream is known. */
  mode: 'none' | 'jwt' | null;
  jwtSecret: string | null;
  jwksUrl: string | null;
  /** Bounds each key-set fetch: connect, headers, body, and the whole fetch. */
  jwksTimeoutMs: number;
  issuer: string | null;
  audience: string[] | null;
  clockToleranceSec: number;
}

export function authSettings(v: Values<typeof AUTH_SETTINGS>): AuthSettings {
  return {
    mode: v.GATEWAY_AUTH_MODE ?? null,
    jwtSecret: v.GATEWAY_JWT_SECRET ?? null,
    jwksUrl: v.GATEWAY_JWKS_URL ?? null,
    jwksTimeoutMs: v.GATEWAY_JWKS_TIMEOUT_MS,
    issuer: v.GATEWAY_JWT_ISSUER ?? null,
    audience: v.GATEWAY_JWT_AUDIENCE === undefined || v.GATEWAY_JWT_AUDIENCE.length === 0 ? null : v.GATEWAY_JWT_AUDIENCE,
    clockToleranceSec: v.GATEWAY_JWT_CLOCK_TOLERANCE_S,
  };
}

/** Key-set mode with no iss or aud check accepts any token the identity provider signs, for any application. */
export function missingTokenBinding(auth: AuthSettings): ('GATEWAY_JWT_ISSUER' | 'GATEWAY_JWT_AUDIENCE')[] {
  if (auth.mode !== 'jwt' || auth.jwksUrl === null) return [];
  return [
    ...(auth.issuer === null ? (['GATEWAY_JWT_ISSUER'] as const) : []),
    ...(auth.audience === null ? (['GATEWAY_JWT_AUDIENCE'] as const) : []),
  ];
}

export function authProblems(auth: AuthSettings, production: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (production) {
    for (const variable of missingTokenBinding(auth)) {
      problems.push({
        variable,
        message: 'required in production with GATEWAY_JWKS_URL: without it, tokens the identity provider issued for other applications are accepted',
      });
    }
  }
  if (auth.mode === 'jwt' && auth.jwtSecret === null && auth.jwksUrl === null) {
    problems.push({ variable: 'GATEWAY_JWT_SECRET', message: 'GATEWAY_AUTH_MODE=jwt needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL' });
  }
  if (auth.jwtSecret !== null && auth.jwksUrl !== null) {
    problems.push({ variable: 'GATEWAY_JWKS_URL', message: 'set GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL, not both' });
  }
  return problems;
}
