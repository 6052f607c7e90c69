/**
 * Upstream settings: which VPC API, the default region, and the data source's options. Those are
 * the data source's own rules (BACKEND_SETTINGS) read from text; only what was set is passed on,
 * so the data source's defaults apply. The embedded emulator's variables are the standalone one's.
 */
import { z } from 'zod';
import { parseEndpointOverride, validation } from '../../datasources';
import { DEFAULT_UPSTREAM_QUOTA } from '../../datasources/budget';
import { BACKEND_SETTINGS, retryDelaysInOrder } from '../../datasources/options';
import { EMULATOR_SETTINGS } from '../../emulator/config';
import { fromEnv, oneOf, rateOrOff, setting, type Rate, type Values } from '../../shared/settings';
import type { ConfigProblem } from './problems';

/** `auto` picks endpoint, then Alibaba credentials, then the embedded emulator (upstream-mode.ts). */
const UPSTREAM_MODES = ['auto', 'emulator', 'endpoint', 'alibaba'] as const;
export type UpstreamModeSetting = (typeof UPSTREAM_MODES)[number];

/** The data source's own region rule (pattern and length), so a bad default fails here, not on every request. */
const regionId = z
  .string()
  .trim()
  .refine((value) => {
    try {
      validation.regionId(value);
      return true;
    } catch {
      return false;
    }
  }, 'must be a region id such as cn-hangzhou');

/** Validated by the data source's own rule; kept as written (the data source parses it again). */
const endpoint = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    try {
      parseEndpointOverride(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid endpoint' });
    }
  });

const { timeouts, retry, readSharing, ...client } = BACKEND_SETTINGS;

export const UPSTREAM_SETTINGS = {
  VPC_UPSTREAM_MODE: setting(fromEnv(oneOf(UPSTREAM_MODES)), 'auto'),
  VPC_ENDPOINT: setting(endpoint),
  VPC_DEFAULT_REGION: setting(regionId, 'cn-hangzhou'),
  VPC_SIGNATURE_VERSION: setting(fromEnv(client.signatureVersion.schema), client.signatureVersion.fallback),
  VPC_CONNECTIONS_PER_ORIGIN: setting(fromEnv(client.connectionsPerOrigin.schema)),
  VPC_CONNECT_TIMEOUT_MS: setting(fromEnv(timeouts.connectMs.schema)),
  VPC_HEADERS_TIMEOUT_MS: setting(fromEnv(timeouts.headersMs.schema)),
  VPC_BODY_TIMEOUT_MS: setting(fromEnv(timeouts.bodyMs.schema)),
  VPC_TOTAL_TIMEOUT_MS: setting(fromEnv(timeouts.totalMs.schema)),
  VPC_RETRY_MAX_ATTEMPTS: setting(fromEnv(retry.maxAttempts.schema)),
  VPC_RETRY_BASE_DELAY_MS: setting(fromEnv(retry.baseDelayMs.schema)),
  VPC_RETRY_MAX_DELAY_MS: setting(fromEnv(retry.maxDelayMs.schema)),
  VPC_RETRY_BUDGET_MS: setting(fromEnv(retry.budgetMs.schema)),
  VPC_USER_AGENT: setting(fromEnv(client.userAgent.schema)),
  VPC_READ_COALESCING: setting(fromEnv(readSharing.coalesce.schema)),
  VPC_READ_CACHE_TTL_MS: setting(fromEnv(readSharing.cacheTtlMs.schema)),
  VPC_READ_CACHE_MAX_ENTRIES: setting(fromEnv(readSharing.cacheMaxEntries.schema)),
  VPC_UPSTREAM_QUOTA: setting(rateOrOff, { ...DEFAULT_UPSTREAM_QUOTA } as Rate | 'off'),

  VPC_EMULATOR_TRANSITION_MS: setting(EMULATOR_SETTINGS.VPC_EMULATOR_TRANSITION_MS.schema),
  VPC_EMULATOR_SEED: setting(EMULATOR_SETTINGS.VPC_EMULATOR_SEED.schema),
  VPC_EMULATOR_FLOW_CONTROL: setting(EMULATOR_SETTINGS.VPC_EMULATOR_FLOW_CONTROL.schema),
};

export function upstreamProblems(v: Values<typeof UPSTREAM_SETTINGS>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (v.VPC_UPSTREAM_MODE === 'endpoint' && v.VPC_ENDPOINT === undefined) {
    problems.push({ variable: 'VPC_ENDPOINT', message: 'VPC_UPSTREAM_MODE=endpoint needs VPC_ENDPOINT' });
  }
  // One side unset takes the data source's default, which the data source would otherwise refuse at
  // construction (exit 1 without naming the variable).
  const base = v.VPC_RETRY_BASE_DELAY_MS ?? retry.baseDelayMs.fallback;
  const max = v.VPC_RETRY_MAX_DELAY_MS ?? retry.maxDelayMs.fallback;
  if (!retryDelaysInOrder({ baseDelayMs: base, maxDelayMs: max })) {
    problems.push(
      v.VPC_RETRY_MAX_DELAY_MS === undefined
        ? { variable: 'VPC_RETRY_BASE_DELAY_MS', message: `must be <= VPC_RETRY_MAX_DELAY_MS (default ${max})` }
        : v.VPC_RETRY_BASE_DELAY_MS === undefined
          ? { variable: 'VPC_RETRY_MAX_DELAY_MS', message: `must be >= VPC_RETRY_BASE_DELAY_MS (default ${base})` }
          : { variable: 'VPC_RETRY_MAX_DELAY_MS', message: 'must be >= VPC_RETRY_BASE_DELAY_MS' },
    );
  }
  return problems;
}
