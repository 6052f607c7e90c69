/**
 * Settings of the standalone emulator (`npm run emulator`), read from the environment. Every
 * invalid value stops startup with a message naming the variable.
 */
import { DEFAULT_ACCESS_KEY, DEFAULT_STS_KEY, DEFAULT_TRANSITION_MS } from './defaults';
import type { EmulatorOptions } from './index';

export interface StandaloneConfig {
  host: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  /**
   * A second, STS-style pair: every request signed with it must carry `securityToken`. Null when
   * an operator configured a private main pair and no STS variable: a public default pair would
   * then be a way around the private one.
   */
  sts: { accessKeyId: string; accessKeySecret: string; securityToken: string } | null;
  /** Path of a seed JSON file; the demo seed when absent. */
  seedPath?: string;
  transitionMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|[0-9A-Fa-f:.]{2,45})$/;
/** Printable ASCII without spaces: what a header or query parameter can carry verbatim. */
const KEY_TEXT = /^[\x21-\x7E]+$/;
const MAX_KEY_LENGTH = 256;
/** Real STS tokens are base64 text of a thousand characters or more. */
const MAX_TOKEN_LENGTH = 8192;

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function keyText(env: Env, name: string, fallback: string, maxLength = MAX_KEY_LENGTH): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // The value itself is never echoed: it may be a secret.
  if (!KEY_TEXT.test(raw) || raw.length > maxLength) {
    throw new ConfigError(name, `must be 1-${maxLength} printable ASCII characters without spaces`);
  }
  return raw;
}

const STS_VARIABLES = ['VPC_EMULATOR_STS_ACCESS_KEY_ID', 'VPC_EMULATOR_STS_ACCESS_KEY_SECRET', 'VPC_EMULATOR_SECURITY_TOKEN'];

export function loadConfig(env: Env): StandaloneConfig {
  const host = value(env, 'VPC_EMULATOR_HOST') ?? '127.0.0.1';
  if (!HOST.test(host)) throw new ConfigError('VPC_EMULATOR_HOST', `not a host name or IP address: ${JSON.stringify(host)}`);
  const privateMainPair = value(env, 'VPC_EMULATOR_ACCESS_KEY_ID') !== undefined || value(env, 'VPC_EMULATOR_ACCESS_KEY_SECRET') !== undefined;
  const stsConfigured = STS_VARIABLES.some((name) => value(env, name) !== undefined);
  const config: StandaloneConfig = {
    host,
    port: integer(env, 'VPC_EMULATOR_PORT', 9100, 0, 65535),
    accessKeyId: keyText(env, 'VPC_EMULATOR_ACCESS_KEY_ID', DEFAULT_ACCESS_KEY.accessKeyId),
    accessKeySecret: keyText(env, 'VPC_EMULATOR_ACCESS_KEY_SECRET', DEFAULT_ACCESS_KEY.accessKeySecret),
    sts:
      privateMainPair && !stsConfigured
        ? null
        : {
            accessKeyId: keyText(env, 'VPC_EMULATOR_STS_ACCESS_KEY_ID', DEFAULT_STS_KEY.accessKeyId),
            accessKeySecret: keyText(env, 'VPC_EMULATOR_STS_ACCESS_KEY_SECRET', DEFAULT_STS_KEY.accessKeySecret),
            securityToken: keyText(env, 'VPC_EMULATOR_SECURITY_TOKEN', DEFAULT_STS_KEY.securityToken, MAX_TOKEN_LENGTH),
          },
    transitionMs: integer(env, 'VPC_EMULATOR_TRANSITION_MS', DEFAULT_TRANSITION_MS, 0, 86_400_000),
  };
  // One id cannot be both a plain pair and an STS pair: which secret and token would apply? Name
  // the variable the operator set (the other one is a default).
  if (config.sts !== null && config.sts.accessKeyId === config.accessKeyId) {
    const [set, other] = value(env, 'VPC_EMULATOR_STS_ACCESS_KEY_ID') !== undefined
      ? ['VPC_EMULATOR_STS_ACCESS_KEY_ID', 'VPC_EMULATOR_ACCESS_KEY_ID']
      : ['VPC_EMULATOR_ACCESS_KEY_ID', 'VPC_EMULATOR_STS_ACCESS_KEY_ID'];
    throw new ConfigError(set, `must differ from ${other} (${JSON.stringify(config.accessKeyId)})`);
  }
  const seedPath = value(env, 'VPC_EMULATOR_SEED');
  if (seedPath !== undefined) config.seedPath = seedPath;
  return config;
}

export function toEmulatorOptions(config: StandaloneConfig): EmulatorOptions {
  const options: EmulatorOptions = {
    host: config.host,
    port: config.port,
    transitionMs: config.transitionMs,
    accessKeys: [
      { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, accountId: DEFAULT_ACCESS_KEY.accountId },
      ...(config.sts === null ? [] : [{ ...config.sts, accountId: DEFAULT_STS_KEY.accountId }]),
    ],
  };
  if (config.seedPath !== undefined) options.seed = config.seedPath;
  return options;
}
