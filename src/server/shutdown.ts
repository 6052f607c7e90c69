/**
 * Graceful shutdown on SIGTERM/SIGINT:
 * 1. readiness goes false (`/readyz` 503), so a load balancer stops sending traffic; with
 *    `GATEWAY_DRAIN_DELAY_MS` the gateway keeps serving meanwhile, for balancers that only notice
 *    on their next probe;
 * 2. the listener closes: no new connections, new requests on kept-alive ones get 503, idle
 *    sockets close, in-flight requests run to completion and their sockets close after them;
 * 3. operations that outlived their connection (a client hung up while its write was in flight:
 *    the write runs on, src/datasources/write-signal.ts) are waited for, so their writes settle
 *    and their audit lines are written before the pools close;
 * 4. past `GATEWAY_SHUTDOWN_TIMEOUT_MS` (counted from the listener closing, for 2 and 3 together)
 *    the remaining connections are cut (their requests' abort signals fire, cancelling their
 *    reads) and the writes still in flight are stopped (their outcome unknown, their audit lines
 *    say `Request.Cancelled` with the token);
 * 5. upstream pools and the embedded emulator close; exit code 0.
 * A second signal while draining exits at once with code 1 (an operator insisting).
 */
import { setTimeout as sleep } from 'node:timers/promises';
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
    app.server.closeAllConnections();
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

export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

export interface SignalTarget {
  on(signal: ShutdownSignal, listener: (signal: ShutdownSignal) => void): unknown;
  off(signal: ShutdownSignal, listener: (signal: ShutdownSignal) => void): unknown;
}

/** Returns a function that removes the handlers (tests). */
export function installSignalHandlers(
  close: () => Promise<{ forced: boolean }>,
  logger: Logger,
  exit: (code: number) => void,
  target: SignalTarget = process,
): () => void {
  let shuttingDown = false;
  const onSignal = (signal: ShutdownSignal): void => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal while draining: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    close().then(
      ({ forced }) => {
        logger.info({ forced }, 'shutdown complete');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: { name: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? redactSecrets(error.message) : '' } }, 'shutdown failed');
        exit(1);
      },
    );
  };
  target.on('SIGTERM', onSignal);
  target.on('SIGINT', onSignal);
  return () => {
    target.off('SIGTERM', onSignal);
    target.off('SIGINT', onSignal);
  };
}
