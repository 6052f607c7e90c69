import { InFlight } from '../../../src/shared/in-flight';

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('hands the tracked promise back untouched, its rejection included', async () => {
    const inFlight = new InFlight();
    const failing = Promise.reject(new Error('refused'));
    expect(inFlight.track(failing)).toBe(failing);
    await expect(failing).rejects.toThrow('refused');
  });

  it('settles once everything tracked settled, work added while waiting and failures included', async () => {
    const inFlight = new InFlight();
    const first = deferred();
    const late = deferred();
    void inFlight.track(first.promise);
    expect(inFlight.size).toBe(1);
    let settled = false;
    const waiting = inFlight.settled().then(() => {
      settled = true;
    });
    void inFlight.track(late.promise).catch(() => undefined);
    first.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(inFlight.size).toBe(1);
    late.reject(new Error('failed, still settled'));
    await waiting;
    expect(inFlight.size).toBe(0);
  });

  it('is settled at once when nothing is in flight', async () => {
    await expect(new InFlight().settled()).resolves.toBeUndefined();
  });
});
