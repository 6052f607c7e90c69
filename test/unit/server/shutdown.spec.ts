import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createLogger } from '../../../src/server/logger';
import { InFlight } from '../../../src/shared/in-flight';
import { Readiness } from '../../../src/server/readiness';
import { closeOnSignals, drain, EXIT_BACKSTOP_MS, exitDeadlineMs } from '../../../src/server/shutdown';

const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

/** Logs kept as objects, for assertions. */
function recorder(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('closeOnSignals', () => {
  /** Short: close-with-grace's deadline timer outlives a test that closed in time (harmlessly). */
  const DEADLINE_MS = 200;
  const EVENTS = ['SIGTERM', 'SIGINT', 'uncaughtException', 'unhandledRejection'] as const;
  let before: Map<string, unknown[]>;
  let exits: number[];
  let exited: Promise<number>;
  let exit: jest.SpiedFunction<typeof process.exit>;

  /** The listeners close-with-grace added for `event` (called directly: jest owns the process's error events). */
  const added = (event: (typeof EVENTS)[number]): ((...args: unknown[]) => void)[] =>
    (process.listeners(event as 'SIGTERM') as ((...args: unknown[]) => void)[]).filter((l) => !(before.get(event) ?? []).includes(l));

  beforeEach(() => {
    before = new Map(EVENTS.map((event) => [event, process.listeners(event as 'SIGTERM')]));
    exits = [];
    let onExit: (code: number) => void = () => undefined;
    exited = new Promise((resolve) => (onExit = resolve));
    exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      exits.push(code);
      onExit(code);
    }) as never);
  });

  afterEach(() => {
    // close-with-grace keeps its second-signal listeners after the first: remove all it added.
    for (const event of EVENTS) for (const listener of added(event)) process.removeListener(event as 'SIGTERM', listener);
    exit.mockRestore();
  });

  it('closes once on SIGTERM then exits 0; a second signal exits 1 at once', async () => {
    const { logger, lines } = recorder();
    let closes = 0;
    let finish: () => void = () => undefined;
    closeOnSignals(
      () => {
        closes += 1;
        return new Promise((resolve) => (finish = () => resolve({ forced: false })));
      },
      logger,
      DEADLINE_MS,
    );
    process.emit('SIGTERM', 'SIGTERM');
    expect(closes).toBe(1);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 0]);
    expect(closes).toBe(1);
    expect(lines.map((l) => l['msg'])).toEqual(['shutting down', 'second signal while draining: exiting now', 'shutdown complete']);
    expect(lines[0]).toMatchObject({ signal: 'SIGTERM' });
  });

  it('exits 1 when closing fails, saying so', async () => {
    const { logger, lines } = recorder();
    closeOnSignals(() => Promise.reject(new Error('boom')), logger, DEADLINE_MS);
    process.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'shutdown failed', err: { name: 'Error', message: 'boom' } });
  });

  it('drains on an uncaught exception too, then exits 1, its secrets scrubbed from the log', async () => {
    const { logger, lines } = recorder();
    let closes = 0;
    closeOnSignals(
      async () => {
        closes += 1;
        return { forced: false };
      },
      logger,
      DEADLINE_MS,
    );
    const [onError] = added('uncaughtException');
    onError?.(new Error('crash with signature=0123456789abcdef0123456789abcdef01234567'));
    expect(await exited).toBe(1);
    expect(closes).toBe(1);
    expect(lines[0]).toMatchObject({ level: 'fatal', msg: 'uncaught error: shutting down', err: { message: 'crash with signature=[REDACTED]' } });
    expect(lines.at(-1)).toMatchObject({ msg: 'shutdown complete' });
  });

  it('exits 1 when closing outlasts its deadline', async () => {
    const { logger, lines } = recorder();
    closeOnSignals(() => new Promise(() => undefined), logger, 20);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'shutdown did not finish in time: exiting now', deadlineMs: 20 });
  });

  it('gives up after the drain delay, the shutdown timeout and a backstop', () => {
    expect(exitDeadlineMs({ drainDelayMs: 5_000, timeoutMs: 25_000 })).toBe(30_000 + EXIT_BACKSTOP_MS);
  });
});

describe('drain', () => {
  function fakeApp(closeMs: number): { app: FastifyInstance; cut: () => number; closed: Promise<void> } {
    let cuts = 0;
    let resolveClose: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    let closedNow: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      closedNow = resolve;
    });
    const app = {
      close: () =>
        new Promise<void>((resolve) => {
          resolveClose = resolve;
          timer = setTimeout(resolve, closeMs);
        }).then(closedNow),
      cutConnections: () => {
        cuts += 1;
        clearTimeout(timer);
        resolveClose();
      },
    };
    return { app: app as unknown as FastifyInstance, cut: () => cuts, closed };
  }

  it('marks not ready, waits for the server, then releases pools and the emulator in order', async () => {
    const readiness = new Readiness(async () => undefined);
    const order: string[] = [];
    const { app, cut } = fakeApp(20);
    const result = await drain({
      app,
      readiness,
      logger: silent,
      timeoutMs: 1_000,
      drainDelayMs: 0,
      operations: new InFlight(),
      stopWrites: () => order.push('stopWrites'),
      release: [async () => void order.push('backend'), async () => void order.push('emulator')],
    });
    expect(result).toEqual({ forced: false });
    expect(readiness.isDraining).toBe(true);
    expect(cut()).toBe(0);
    expect(order).toEqual(['backend', 'emulator']);
  });

  it('cuts the remaining connections at the deadline, and still releases everything', async () => {
    const readiness = new Readiness(async () => undefined);
    const released: string[] = [];
    const { app, cut } = fakeApp(60_000);
    const result = await drain({
      app,
      readiness,
      logger: silent,
      timeoutMs: 30,
      drainDelayMs: 0,
      operations: new InFlight(),
      stopWrites: () => undefined,
      release: [() => Promise.reject(new Error('pool already closed')), async () => void released.push('emulator')],
    });
    expect(result).toEqual({ forced: true });
    expect(cut()).toBe(1);
    expect(released).toEqual(['emulator']);
  });

  it('waits for operations that outlived their connection (a write in flight) before releasing the pools', async () => {
    const readiness = new Readiness(async () => undefined);
    const order: string[] = [];
    const operations = new InFlight();
    let finish: () => void = () => undefined;
    void operations.track(
      new Promise<void>((resolve) => {
        finish = resolve;
      }).then(() => void order.push('operation ended')),
    );
    const { app, closed } = fakeApp(0);
    const closing = drain({
      app,
      readiness,
      logger: silent,
      timeoutMs: 60_000,
      drainDelayMs: 0,
      operations,
      stopWrites: () => order.push('stopWrites'),
      release: [async () => void order.push('backend')],
    });
    // The server has closed; the operation still runs: nothing is released yet.
    await closed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    finish();
    await expect(closing).resolves.toEqual({ forced: false });
    expect(order).toEqual(['operation ended', 'backend']);
  });

  it('at the deadline stops the writes in flight, then waits for their operations to end', async () => {
    const readiness = new Readiness(async () => undefined);
    const order: string[] = [];
    const operations = new InFlight();
    const stopped = new AbortController();
    // An operation whose write only ends when stopped.
    void operations.track(
      new Promise<void>((resolve) => stopped.signal.addEventListener('abort', () => resolve())).then(() => void order.push('operation ended')),
    );
    const { app, cut } = fakeApp(0);
    const result = await drain({
      app,
      readiness,
      logger: silent,
      timeoutMs: 30,
      drainDelayMs: 0,
      operations,
      stopWrites: () => {
        order.push('stopWrites');
        stopped.abort();
      },
      release: [async () => void order.push('backend')],
    });
    expect(result).toEqual({ forced: true });
    expect(cut()).toBe(1);
    expect(order).toEqual(['stopWrites', 'operation ended', 'backend']);
  });
});
