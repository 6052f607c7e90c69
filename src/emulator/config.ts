/**
 * Settings of the standalone emulator (`npm run emulator`), read from the environment with the
 * gateway's helpers (src/shared/settings.ts). The first invalid value stops start-up with a
 * message naming the variable; a key, secret or token is never quoted in it.
 */
import { z } from 'zod';
import { blank, fromEnv, host, integer, port, rateOrOff, readSettings, setting, type Env, type EnvSettings } from '../shared/settings';
import type { FlowControlSetting } from './control/flow-control';
import { DEFAULT_ACCESS_KEY, DEFAULT_FLOW_CONTROL, DEFAULT_STS_KEY, DEFAULT_TRANSITION_MS } from './defaults';
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
  /** Alibaba's flow control per account, region and action, or `off`. */
  flowControl: FlowControlSetting;
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

/** Printable ASCII without spaces (what a header or query parameter carries verbatim); not trimmed. */
function keyText(maxLength: number): z.ZodString {
  const message = `must be 1-${maxLength} printable ASCII characters without spaces`;
  return z.string().regex(/^[\x21-\x7E]+$/, message).max(maxLength, message);
}
const MAX_KEY_LENGTH = 256;
/** Real STS tokens are base64 text of a thousand characters or more. */
const MAX_TOKEN_LENGTH = 8192;

/** In declaration order, which is the order they are checked in. */
export const EMULATOR_SETTINGS = {
  VPC_EMULATOR_HOST: setting(fromEnv(host), '127.0.0.1'),
  VPC_EMULATOR_PORT: setting(fromEnv(port), 9100),
  VPC_EMULATOR_ACCESS_KEY_ID: setting(keyText(MAX_KEY_LENGTH), DEFAULT_ACCESS_KEY.accessKeyId),
  VPC_EMULATOR_ACCESS_KEY_SECRET: setting(keyText(MAX_KEY_LENGTH), DEFAULT_ACCESS_KEY.accessKeySecret),
  VPC_EMULATOR_STS_ACCESS_KEY_ID: setting(keyText(MAX_KEY_LENGTH), DEFAULT_STS_KEY.accessKeyId),
  VPC_EMULATOR_STS_ACCESS_KEY_SECRET: setting(keyText(MAX_KEY_LENGTH), DEFAULT_STS_KEY.accessKeySecret),
  VPC_EMULATOR_SECURITY_TOKEN: setting(keyText(MAX_TOKEN_LENGTH), DEFAULT_STS_KEY.securityToken),
  VPC_EMULATOR_TRANSITION_MS: setting(fromEnv(integer(0, 86_400_000)), DEFAULT_TRANSITION_MS),
  VPC_EMULATOR_SEED: setting(fromEnv(z.string())),
  VPC_EMULATOR_FLOW_CONTROL: setting(rateOrOff, { ...DEFAULT_FLOW_CONTROL } as FlowControlSetting),
} satisfies EnvSettings;

/** Variables whose refused value a message may quote: none of them holds a secret. */
const QUOTABLE: ReadonlySet<string> = new Set(['VPC_EMULATOR_HOST', 'VPC_EMULATOR_PORT', 'VPC_EMULATOR_TRANSITION_MS', 'VPC_EMULATOR_FLOW_CONTROL']);

const isSet = (env: Env, name: keyof typeof EMULATOR_SETTINGS) => !blank(env[name]);

export function loadConfig(env: Env): StandaloneConfig {
  const { values: v, problems } = readSettings(EMULATOR_SETTINGS, env);
  const [first] = problems;
  if (first !== undefined) {
    const got = QUOTABLE.has(first.name) ? `, got ${JSON.stringify(env[first.name]?.trim())}` : '';
    throw new ConfigError(first.name, `${first.message}${got}`);
  }
  const privateMainPair = isSet(env, 'VPC_EMULATOR_ACCESS_KEY_ID') || isSet(env, 'VPC_EMULATOR_ACCESS_KEY_SECRET');
  const stsConfigured = isSet(env, 'VPC_EMULATOR_STS_ACCESS_KEY_ID') || isSet(env, 'VPC_EMULATOR_STS_ACCESS_KEY_SECRET') || isSet(env, 'VPC_EMULATOR_SECURITY_TOKEN');
  const config: StandaloneConfig = {
    host: v.VPC_EMULATOR_HOST,
    port: v.VPC_EMULATOR_PORT,
    accessKeyId: v.VPC_EMULATOR_ACCESS_KEY_ID,
    accessKeySecret: v.VPC_EMULATOR_ACCESS_KEY_SECRET,
    sts:
      privateMainPair && !stsConfigured
        ? null
        : {
            accessKeyId: v.VPC_EMULATOR_STS_ACCESS_KEY_ID,
            accessKeySecret: v.VPC_EMULATOR_STS_ACCESS_KEY_SECRET,
            securityToken: v.VPC_EMULATOR_SECURITY_TOKEN,
          },
    transitionMs: v.VPC_EMULATOR_TRANSITION_MS,
    flowControl: v.VPC_EMULATOR_FLOW_CONTROL,
  };
  // One id cannot be both a plain pair and an STS pair: which secret and token would apply? Name
  // the variable the operator set (the other one is a default).
  if (config.sts !== null && config.sts.accessKeyId === config.accessKeyId) {
    const [set, other] = isSet(env, 'VPC_EMULATOR_STS_ACCESS_KEY_ID')
      ? ['VPC_EMULATOR_STS_ACCESS_KEY_ID', 'VPC_EMULATOR_ACCESS_KEY_ID']
      : ['VPC_EMULATOR_ACCESS_KEY_ID', 'VPC_EMULATOR_STS_ACCESS_KEY_ID'];
    throw new ConfigError(set, `must differ from ${other} (${JSON.stringify(config.accessKeyId)})`);
  }
  if (v.VPC_EMULATOR_SEED !== undefined) config.seedPath = v.VPC_EMULATOR_SEED;
  return config;
}

export function toEmulatorOptions(config: StandaloneConfig): EmulatorOptions {
  const options: EmulatorOptions = {
    host: config.host,
    port: config.port,
    transitionMs: config.transitionMs,
    flowControl: config.flowControl,
    accessKeys: [
      { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, accountId: DEFAULT_ACCESS_KEY.accountId },
      ...(config.sts === null ? [] : [{ ...config.sts, accountId: DEFAULT_STS_KEY.accountId }]),
    ],
  };
  if (config.seedPath !== undefined) options.seed = config.seedPath;
  return options;
}
