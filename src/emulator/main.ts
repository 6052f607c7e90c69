/**
 * Standalone emulator: `npm run emulator`. Settings come from the environment (config.ts).
 * Prints where it listens and which access key id to use; a configured secret is never printed.
 */
import { ConfigError, loadConfig, toEmulatorOptions } from './config';
import { DEFAULT_ACCESS_KEY, startEmulator } from './index';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const emulator = await startEmulator({
    ...toEmulatorOptions(config),
    onInternalError: (error) => console.error('emulator: internal error:', error),
  });
  const usesDefaultSecret = config.accessKeySecret === DEFAULT_ACCESS_KEY.accessKeySecret;
  console.log(`VPC emulator (2016-04-28) listening on ${emulator.url}`);
  console.log(`  access key id:     ${config.accessKeyId}`);
  console.log(`  access key secret: ${usesDefaultSecret ? `${config.accessKeySecret} (the public default)` : '(as configured)'}`);
  console.log(`  seed:              ${config.seedPath ?? 'built-in demo seed'}; transitions ${config.transitionMs} ms`);
  console.log(`  control:           ${emulator.url}/_emulator/health`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal} received, stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('emulator: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`emulator: invalid setting ${error.message}`);
  } else {
    console.error(`emulator: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
