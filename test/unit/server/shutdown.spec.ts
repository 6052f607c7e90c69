import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../../src/server/logger';
import { InFlight } from '../../../src/shared/in-flight';
import { Readiness } from '../../../src/server/readiness';
import { drain, installSignalHandlers, type ShutdownSignal, type SignalTarget } from '../../../src/server/shutdown';

const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

class FakeSignals extends EventEmitter implements SignalTarget {
  override on(signal: ShutdownSignal, listener: (signal: ShutdownSignal) => void): this {
    return super.on(signal, listener);
  }
  override off(signal: ShutdownSignal, listener: (signal: ShutdownSignal) => void): this {
    return super.off(signal, listener);
  }
}

describe('installSignalHandlers', () => {
  it('closes once on SIGTERM then exits 0; a second signal exits 1 at once', async () => {
    const signals = new FakeSignals();
    const exits: number[] = [];
    let closes = 0;
    let finish: () => void = () => undefined;
    const remove = installSignalHandlers(
      () => {
        closes += 1;
        return new Promise((resolve) => (finish = () => resolve({ forced: false })));
      },
      silent,
      (code) => exits.push(code),
      signals,
    );
    signals.emit('SIGTERM', 'SIGTERM');
    expect(closes).toBe(1);
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 0]);
    remove();
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits 1 when closing fails', async () => {
    const signals = new FakeSignals();
    const exits: number[] = [];
    installSignalHandlers(() => Promise.reject(new Error('boom')), silent, (code) => exits.push(code), signals);
    signals.emit('SIGINT', 'SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1]);
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
      server: {
        closeAllConnections: () => {
          cuts += 1;
          clearTimeout(timer);
          resolveClose();
        },
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
