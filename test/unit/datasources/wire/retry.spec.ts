/**
 * The retry loop on its own: attempt count, budget, server-requested waits, an abortable wait.
 * Through the whole client (hooks, headers, tokens): upstream-client.spec.ts.
 */
import { backoffDelay, withRetries, type RetryOptions } from '../../../../src/datasources/wire/retry';

const cancelled = new Error('cancelled by the caller');

function options(overrides: Partial<RetryOptions> = {}): RetryOptions & { retries: { attempt: number; delayMs: number }[] } {
  const retries: { attempt: number; delayMs: number }[] = [];
  return {
    settings: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 60_000 },
    now: Date.now,
    random: () => 0,
    isRetryable: (e) => e instanceof Error && e.message.startsWith('retryable'),
    retryAfterMs: () => undefined,
    onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }),
    cancelled: () => cancelled,
    ...overrides,
    retries,
  };
}

/** A run that fails with `errors` in turn, then succeeds with the attempt number. */
function failing(...errors: Error[]) {
  const attempts: number[] = [];
  const run = async ({ attempt }: { attempt: number }) => {
    attempts.push(attempt);
    const error = errors[attempt - 1];
    if (error) throw error;
    return attempt;
  };
  return { run, attempts };
}

describe('withRetries', () => {
  it('retries a retryable failure, numbering attempts from 1 and reporting the one about to be made', async () => {
    const o = options();
    const { run, attempts } = failing(new Error('retryable 1'), new Error('retryable 2'));
    await expect(withRetries(run, o)).resolves.toBe(3);
    expect(attempts).toEqual([1, 2, 3]);
    expect(o.retries).toEqual([
      { attempt: 2, delayMs: 1 },
      { attempt: 3, delayMs: 1 },
    ]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const o = options();
    const last = new Error('retryable 3');
    const { run, attempts } = failing(new Error('retryable 1'), new Error('retryable 2'), last, new Error('retryable 4'));
    await expect(withRetries(run, o)).rejects.toBe(last);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('throws a failure that is not retryable at once', async () => {
    const o = options();
    const refused = new Error('refused');
    const { run, attempts } = failing(refused);
    await expect(withRetries(run, o)).rejects.toBe(refused);
    expect(attempts).toEqual([1]);
    expect(o.retries).toEqual([]);
  });

  it('a server-requested wait replaces the backoff; one that would end past the budget ends the loop', async () => {
    const waits = [0, 50_000];
    const o = options({ now: () => 0, retryAfterMs: () => waits.shift(), settings: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 40_000 } });
    const last = new Error('retryable 2');
    const { run, attempts } = failing(new Error('retryable 1'), last);
    await expect(withRetries(run, o)).rejects.toBe(last);
    expect(attempts).toEqual([1, 2]);
    expect(o.retries).toEqual([{ attempt: 2, delayMs: 0 }]);
  });

  it('the caller aborting during a wait ends the loop at once with cancelled()', async () => {
    const controller = new AbortController();
    // A wait of a minute: only an abortable sleep lets this test finish.
    const o = options({
      signal: controller.signal,
      settings: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000, budgetMs: 600_000 },
      onRetry: () => queueMicrotask(() => controller.abort()),
    });
    const { run, attempts } = failing(new Error('retryable 1'));
    await expect(withRetries(run, o)).rejects.toBe(cancelled);
    expect(attempts).toEqual([1]);
  });

  it('an aborted caller is not retried: the attempt error stands', async () => {
    const controller = new AbortController();
    const error = new Error('retryable but the caller left');
    const o = options({ signal: controller.signal });
    await expect(
      withRetries(async () => {
        controller.abort();
        throw error;
      }, o),
    ).rejects.toBe(error);
    expect(o.retries).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with equal jitter and is capped', () => {
    const s = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, s, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, s, () => 0.999999))).toEqual([100, 200, 400, 800, 1000]);
  });
});
