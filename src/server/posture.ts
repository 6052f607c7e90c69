/**
 * What a gateway allows and shows (auth mode, playground, introspection, schema hints, stack
 * traces), decided once its upstream is known; `loadConfig` leaves unset settings null for this.
 * Invariant: a convenience is on by default only in front of the embedded emulator outside
 * production (docs/runtime.md#production).
 */
import { ConfigError, type GatewayConfig } from './config';
import type { UpstreamMode } from './upstream-mode';

type UpstreamKind = UpstreamMode['kind'];

/**
 * Auth must be a conscious choice wherever it matters: `none` is implied only for the embedded
 * emulator outside production; anything else without GATEWAY_AUTH_MODE refuses to start.
 */
export function finalizeAuthMode(config: Pick<GatewayConfig, 'auth' | 'production'>, upstream: UpstreamKind): 'none' | 'jwt' {
  if (config.auth.mode !== null) return config.auth.mode;
  if (upstream === 'emulator' && !config.production) return 'none';
  const where = upstream === 'emulator' ? 'with NODE_ENV=production, the embedded emulator included' : `with a real upstream (${upstream})`;
  throw new ConfigError([
    {
      variable: 'GATEWAY_AUTH_MODE',
      message: `required ${where}: set jwt (with GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL), or none explicitly to run without authentication`,
    },
  ]);
}

export interface Posture {
  introspection: boolean;
  playground: boolean;
  /**
   * "Did you mean ...?" in validation and variable errors. They disclose the schema piece by piece
   * (enough to rebuild a hidden one), so they follow introspection: with the schema public they
   * reveal nothing more, without it they would be a way around it.
   */
  schemaHints: boolean;
  /** Stack traces (file paths, library names) in error responses: only GATEWAY_DEBUG_ERRORS=true. */
  stackTraces: boolean;
  /**
   * The playground's requests may carry query text under GATEWAY_TRUSTED_DOCUMENTS_ONLY. They are
   * told apart by a header anyone can send, so only where nothing real is at stake: the playground
   * on, the embedded emulator, not production.
   */
  playgroundFreeText: boolean;
}

export function finalizePosture(
  config: Pick<GatewayConfig, 'production' | 'introspection' | 'playground' | 'debugErrors'>,
  upstream: UpstreamKind,
): Posture {
  const conveniences = upstream === 'emulator' && !config.production;
  const introspection = config.introspection ?? conveniences;
  const playground = config.playground ?? conveniences;
  return {
    introspection,
    playground,
    schemaHints: introspection,
    stackTraces: config.debugErrors,
    playgroundFreeText: playground && upstream === 'emulator' && !config.production,
  };
}
