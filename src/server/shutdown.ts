/**
 * Graceful shutdown (docs/runtime.md#shutdown): `drain` stops readiness, closes the listener, waits
 * for requests and for operations whose client is gone, and releases the pools; `closeOnSignals`
 * runs it on SIGTERM/SIGINT (close-with-grace).
 * Invariants: past the shutdown timeout the remaining connections are cut and writes in flight are
 * stopped; pools close only after every operation settled.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { InFlight } from '../shared/in-flight';
import type { Readiness } from './readiness';
import { redactSecrets } from '../shared/redact';

export interface DrainOptions {
  app: FastifyInstance;
  readiness: Readiness;
  logger: Logger;
  timeoutMs: number;
  drainDelayMs: number;
  /** GraphQL operations still running, whether or not their client is still connected. */
  operations: InFlight;
  /** Ends the upstream writes still in flight (called at the deadline). */
  stopWrites: () => void;
  /** Closed in order after the HTTP server: upstream pools, then the embedded emulator. */
  release: (() => Promise<void>)[];
}

export async function drain(options: DrainOptions): Promise<{ forced: boolean }> {
  const { app, readiness, logger } = options;
  readiness.markDraining();
  if (options.drainDelayMs > 0) {
    logger.info({ drainDelayMs: options.drainDelayMs }, 'draining: not ready, still serving');
    await sleep(options.drainDelayMs);
  }
  let forced = false;
  const deadline = setTimeout(() => {
    forced = true;
    logger.warn({ timeoutMs: options.timeoutMs }, 'shutdown deadline reached: closing the remaining connections, stopping writes in flight');
    app.cutConnections();
    options.stopWrites();
  }, options.timeoutMs);
  try {
    await app.close();
    const { operations } = options;
    if (operations.size > 0) {
      logger.info({ operations: operations.size }, 'draining: waiting for operations whose clients have gone (writes in flight)');
      await operations.settled();
    }
  } finally {
    clearTimeout(deadline);
  }
  for (const release of options.release) {
    try {
      await release();
    } catch (error) {
      logger.warn({ err: { name: error instanceof Error ? error.name : typeof error } }, 'error while releasing a resource');
    }
  }
  return { forced };
}

/** Signals close-with-grace would also act on, left to Node's defaults (SIGSEGV and the like cannot run JS safely). */
const LEFT_TO_NODE: closeWithGrace.AllEvents[] = ['SIGHUP', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGSEGV', 'SIGUSR2', 'beforeExit'];

/** Time past the drain's own deadline for the writes it stopped to settle and the pools to close. */
export const EXIT_BACKSTOP_MS = 5_000;

/** When a shutdown gives up and exits with code 1, counted from the signal. */
export function exitDeadlineMs(shutdown: { drainDelayMs: number; timeoutMs: number }): number {
  return shutdown.drainDelayMs + shutdown.timeoutMs + EXIT_BACKSTOP_MS;
}

/** An error as a log line carries it: message and stack through the secret scrubber. */
export function errorForLog(error: unknown): { name: string; message?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  return { name: error.name, message: redactSecrets(error.message), ...(error.stack === undefined ? {} : { stack: redactSecrets(error.stack) }) };
}

/**
 * On SIGTERM or SIGINT, and on an uncaught exception or unhandled rejection: `close`, then exit
 * (0; 1 after an uncaught error or a failed close). A second signal or error while closing, or
 * `deadlineMs` passing, exits at once with code 1.
 */
export function closeOnSignals(close: () => Promise<{ forced: boolean }>, logger: Logger, deadlineMs: number): { uninstall(): void } {
  return closeWithGrace(
    {
      delay: deadlineMs,
      logger: false,
      skip: LEFT_TO_NODE,
      onSecondSignal: (signal) => logger.warn({ signal }, 'second signal while draining: exiting now'),
      onSecondError: (error) => logger.fatal({ err: errorForLog(error) }, 'uncaught error while draining: exiting now'),
      onTimeout: (delay) => logger.error({ deadlineMs: delay }, 'shutdown did not finish in time: exiting now'),
    },
    async ({ signal, err }) => {
      if (err === undefined) logger.info({ signal }, 'shutting down');
      else logger.fatal({ err: errorForLog(err) }, 'uncaught error: shutting down');
      try {
        const { forced } = await close();
        logger.info({ forced }, 'shutdown complete');
      } catch (error) {
        logger.error({ err: errorForLog(error) }, 'shutdown failed');
        throw error;
      }
    },
  );
}
