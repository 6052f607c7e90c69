/**
 * Which VPC API the gateway talks to (`VPC_UPSTREAM_MODE`; `auto`: VPC_ENDPOINT, else credentials
 * the Alibaba default chain would find, else the embedded emulator; docs/runtime.md#which-vpc-api-upstream-mode).
 * Invariants: decided offline (environment and files), with the chain the data source builds, so
 * nothing probes the metadata service; production never falls back to the emulator.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type Env, type GatewayConfig } from './config';

export type UpstreamMode =
  | { kind: 'endpoint'; endpoint: string; credentialSource: string }
  | { kind: 'alibaba'; credentialSource: string }
  | { kind: 'emulator' };

export interface CredentialProbe {
  env: Env;
  fileExists(path: string): boolean;
  homeDir(): string;
}

export const systemProbe = (env: Env): CredentialProbe => ({
  env,
  fileExists: (path) => existsSync(path),
  homeDir: () => homedir(),
});

const present = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

/**
 * Which step of the Alibaba default credential chain would answer, or null; checked in the order
 * of the data source's own chain, so the printed source is the one actually used.
 */
export function detectCredentialSource(probe: CredentialProbe): string | null {
  const { env } = probe;
  if (present(env, 'ALIBABA_CLOUD_ACCESS_KEY_ID') && present(env, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET')) {
    return 'environment variables (ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET)';
  }
  if (
    present(env, 'ALIBABA_CLOUD_ROLE_ARN') &&
    present(env, 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN') &&
    present(env, 'ALIBABA_CLOUD_OIDC_TOKEN_FILE')
  ) {
    return 'OIDC role (ALIBABA_CLOUD_ROLE_ARN)';
  }
  const cliDisabled = (env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'] ?? '').toLowerCase() === 'true';
  if (!cliDisabled && probe.fileExists(join(probe.homeDir(), '.aliyun', 'config.json'))) {
    return 'Alibaba Cloud CLI profile (~/.aliyun/config.json)';
  }
  const credentialsFile = present(env, 'ALIBABA_CLOUD_CREDENTIALS_FILE')
    ? (env['ALIBABA_CLOUD_CREDENTIALS_FILE'] ?? '')
    : join(probe.homeDir(), '.alibabacloud', 'credentials');
  if (probe.fileExists(credentialsFile)) return `credentials file (${credentialsFile})`;
  const metadataDisabled = (env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] ?? '').toLowerCase() === 'true';
  if (!metadataDisabled && present(env, 'ALIBABA_CLOUD_ECS_METADATA')) return 'ECS RAM role (ALIBABA_CLOUD_ECS_METADATA)';
  if (present(env, 'ALIBABA_CLOUD_CREDENTIALS_URI')) return 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)';
  return null;
}

const NOTHING_FOUND_IN_PRODUCTION =
  'NODE_ENV=production found no upstream, and auto never falls back to the embedded emulator in production. ' +
  'Set VPC_ENDPOINT, or credentials for the Alibaba default chain: ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET; an OIDC role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ' +
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE); a CLI profile or ALIBABA_CLOUD_CREDENTIALS_FILE; ALIBABA_CLOUD_ECS_METADATA ' +
  '(the ECS RAM role name); ALIBABA_CLOUD_CREDENTIALS_URI. Or choose VPC_UPSTREAM_MODE explicitly ' +
  '(alibaba, endpoint; emulator only on purpose, with GATEWAY_AUTH_MODE)';

export function selectUpstreamMode(config: Pick<GatewayConfig, 'production' | 'upstream'>, probe: CredentialProbe): UpstreamMode {
  const { mode, endpoint } = config.upstream;
  const chainSource = (): string => detectCredentialSource(probe) ?? 'Alibaba default credential chain';
  switch (mode) {
    case 'emulator':
      return { kind: 'emulator' };
    case 'endpoint':
      // config/upstream.ts guarantees VPC_ENDPOINT is set for this mode.
      return { kind: 'endpoint', endpoint: endpoint ?? '', credentialSource: chainSource() };
    case 'alibaba':
      return { kind: 'alibaba', credentialSource: chainSource() };
    case 'auto': {
      if (endpoint !== null) return { kind: 'endpoint', endpoint, credentialSource: chainSource() };
      const source = detectCredentialSource(probe);
      if (source !== null) return { kind: 'alibaba', credentialSource: source };
      if (config.production) throw new ConfigError([{ variable: 'VPC_UPSTREAM_MODE', message: NOTHING_FOUND_IN_PRODUCTION }]);
      return { kind: 'emulator' };
    }
  }
}

export function describeUpstreamMode(mode: UpstreamMode, emulatorUrl?: string): string {
  switch (mode.kind) {
    case 'emulator':
      return `embedded emulator${emulatorUrl === undefined ? '' : ` at ${emulatorUrl}`}`;
    case 'endpoint':
      return `VPC endpoint ${mode.endpoint} (credentials: ${mode.credentialSource})`;
    case 'alibaba':
      return `Alibaba Cloud public endpoints (credentials: ${mode.credentialSource})`;
  }
}
