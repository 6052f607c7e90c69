/**
 * The standalone emulator behind `npm run emulator`, as a function so tests can run it: reads
 * the environment (config.ts), starts the server and prints where it listens. It prints the
 * access key ids, and a secret or security token only when it is the public default, never a
 * configured one.
 */
import { formatRate } from '../shared/settings';
import { loadConfig, toEmulatorOptions } from './config';
import { DEFAULT_ACCESS_KEY, DEFAULT_STS_KEY } from './defaults';
import { startEmulator, type RunningEmulator } from './index';

export type Print = (line: string) => void;

/** Throws `ConfigError` (naming the variable) for an invalid setting. */
export async function runStandalone(
  env: Readonly<Record<string, string | undefined>>,
  print: Print,
  printError: (message: string, error: unknown) => void,
): Promise<RunningEmulator> {
  const config = loadConfig(env);
  const emulator = await startEmulator({
    ...toEmulatorOptions(config),
    onInternalError: (error) => printError('emulator: internal error:', error),
  });
  const shown = (value: string, publicDefault: string) =>
    value === publicDefault ? `${value} (the public default)` : '(as configured)';
  print(`VPC emulator (2016-04-28) listening on ${emulator.url}`);
  print(`  access key id:     ${config.accessKeyId}`);
  print(`  access key secret: ${shown(config.accessKeySecret, DEFAULT_ACCESS_KEY.accessKeySecret)}`);
  if (config.sts === null) {
    print('  STS pair:          none (a private access key is configured and no VPC_EMULATOR_STS_* variable)');
  } else {
    print(`  STS key id:        ${config.sts.accessKeyId}`);
    print(`  STS key secret:    ${shown(config.sts.accessKeySecret, DEFAULT_STS_KEY.accessKeySecret)}`);
    print(`  security token:    ${shown(config.sts.securityToken, DEFAULT_STS_KEY.securityToken)}`);
  }
  print(`  seed:              ${config.seedPath ?? 'built-in demo seed'}; transitions last ${config.transitionMs} ms`);
  const { flowControl } = config;
  print(
    `  flow control:      ${flowControl === 'off' ? 'off' : `${formatRate(flowControl)} (calls/seconds per account, region and action; Throttling.User beyond)`}`,
  );
  print(`  control:           ${emulator.url}/_emulator/health`);
  return emulator;
}
