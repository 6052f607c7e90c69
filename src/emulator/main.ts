/**
 * `npm run emulator`: runs the standalone emulator until SIGINT/SIGTERM (see docs/emulator.md).
 */
import { ConfigError } from './config';
import { runStandalone } from './standalone';

async function main(): Promise<void> {
  const emulator = await runStandalone(
    process.env,
    (line) => console.log(line),
    (message, error) => console.error(message, error),
  );
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
  const reason = error instanceof ConfigError ? `invalid setting ${error.message}` : `cannot start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`emulator: ${reason}`);
  process.exit(1);
});
