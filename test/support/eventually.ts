/**
 * Waiting for a condition instead of a fixed sleep: polls `check` until it returns something other
 * than `undefined` and returns that; fails with "timed out waiting for <what>" after `timeoutMs`.
 */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `read` until `done` holds for its value (which may be undefined, e.g. a resource that is gone), then that value. */
export async function pollUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const found = await eventually(
    async () => {
      const value = await read();
      return done(value) ? { value } : undefined;
    },
    'the polled condition',
    timeoutMs,
  );
  return found.value;
}
