/**
 * Entry point of `npm start` (`node dist/server/main.js`): validate the settings, start the
 * gateway, say where it is, and shut down gracefully on SIGTERM/SIGINT.
 *
 * Logs are JSON on stdout; the short human banner goes to stderr so stdout stays machine-readable.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from './config';
import { startGateway, type RunningGateway } from './gateway';
import { createLogger } from './logger';
import { closeOnSignals, errorForLog, exitDeadlineMs } from './shutdown';
import { describeUpstreamMode } from './upstream-mode';

function banner(gateway: RunningGateway, seconds: number): string {
  const lines = [
    `vpc-graphql-gateway started in ${seconds.toFixed(1)} s`,
    `  upstream:   ${describeUpstreamMode(gateway.mode, gateway.emulatorUrl ?? undefined)}`,
    `  GraphQL:    ${gateway.graphqlUrl}`,
    `  Playground: ${gateway.playgroundUrl ?? 'disabled (GATEWAY_PLAYGROUND)'}`,
    `  auth:       ${gateway.authMode}`,
    `  budget:     ${gateway.budget}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md (Configuration) for every setting.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(config, { logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md (Configuration) for every setting.\n`);
      process.exit(2);
    }
    logger.fatal({ err: errorForLog(error) }, 'gateway failed to start');
    process.exit(1);
  }
  closeOnSignals(() => gateway.close(), logger, exitDeadlineMs(config.shutdown));
  logger.info(
    {
      upstream: gateway.mode.kind,
      emulatorUrl: gateway.emulatorUrl,
      graphqlUrl: gateway.graphqlUrl,
      playgroundUrl: gateway.playgroundUrl,
      authMode: gateway.authMode,
      budget: gateway.budget,
      posture: gateway.posture,
    },
    'gateway listening',
  );
  process.stderr.write(banner(gateway, (performance.now() - started) / 1000));
}

void main();
