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
