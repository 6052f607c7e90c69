/**
 * The retry policy of one logical upstream call: exponential backoff with jitter, a maximum number
 * of attempts AND a total time budget, `x-acs-retry-after` honoured.
 *
 * Which failures are retryable is decided by the caller (classify.ts); this module only decides
 * whether there is attempt count and time left, and how long to wait.
 *
 * cockatiel 3 runs the attempt loop (attempt count, the `handleWhen` decision, `onRetry` events),
 * but its own backoff is deliberately not used (it is pinned to `ConstantBackoff(0)`), for two
 * reasons:
 * - cockatiel sleeps the backoff with a plain `setTimeout` that ignores the abort signal
 *   (`RetryPolicy.execute` in cockatiel/dist/RetryPolicy.js). A GraphQL request cancelled during
 *   a backoff would notice only when the wait is over (up to `maxDelayMs`, or a server-requested
 *   wait as long as the budget), holding its resolvers and loaders, and a shutdown drain, until
 *   then. An `IBackoff` cannot fix that: it only returns a duration, and cockatiel sleeps it.
 * - The delay must be known while deciding WHETHER to retry: the budget check ("would the next
 *   attempt start after the budget?") and `x-acs-retry-after` both need it, and cockatiel asks
 *   the backoff only after `handleWhen` has said yes.
 * So `handleWhen` computes the delay (server-requested or `backoffDelay`) and records it, and the
 * next attempt first sleeps it abortably (`timers/promises` with the caller's signal).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ConstantBackoff, handleWhen, retry } from 'cockatiel';

export interface RetrySettings {
  /** Total attempts, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Time from the first attempt after which no new attempt starts (an attempt that does start
   * keeps its own full deadline, so a call lasts at most budgetMs + one attempt deadline).
   */
  budgetMs: number;
}

export interface AttemptContext {
  /** 1-based. */
  attempt: number;
}

export interface RetryOptions {
  settings: RetrySettings;
  signal?: AbortSignal;
  now: () => number;
  random: () => number;
  isRetryable(error: unknown): boolean;
  /** A server-requested wait (from `x-acs-retry-after`), when the error carries one. */
  retryAfterMs(error: unknown): number | undefined;
  onRetry?(e: { attempt: number; error: unknown; delayMs: number }): void;
  /** The error to throw when the caller's signal aborts during a backoff wait. */
  cancelled(): unknown;
}

/**
 * "Equal jitter": half the exponential step is fixed, half random, so a retry is never
 * immediate (the throttled upstream gets a real pause) yet clients still spread out.
 */
export function backoffDelay(retryNumber: number, settings: RetrySettings, random: () => number): number {
  const cap = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export async function withRetries<T>(run: (ctx: AttemptContext) => Promise<T>, options: RetryOptions): Promise<T> {
  const { settings, signal } = options;
  const start = options.now();
  let attemptsMade = 0;
  let plannedDelay = 0;

  const policy = retry(
    handleWhen((error) => {
      if (signal?.aborted || !options.isRetryable(error)) return false;
      const serverDelay = options.retryAfterMs(error);
      const delay = serverDelay ?? backoffDelay(attemptsMade, settings, options.random);
      // Never start an attempt that could not finish inside the budget anyway.
      if (options.now() - start + delay >= settings.budgetMs) return false;
      plannedDelay = delay;
      return true;
    }),
    // No cockatiel backoff: its sleep cannot be aborted (see the header); ours runs in the attempt.
    { maxAttempts: settings.maxAttempts - 1, backoff: new ConstantBackoff(0) },
  );
  policy.onRetry(({ attempt, ...outcome }) => {
    if ('error' in outcome) options.onRetry?.({ attempt: attempt + 1, error: outcome.error, delayMs: plannedDelay });
  });

  return policy.execute(async () => {
    if (attemptsMade > 0 && plannedDelay > 0) {
      try {
        await sleep(plannedDelay, undefined, signal ? { signal } : undefined);
      } catch {
        throw options.cancelled();
      }
    }
    attemptsMade += 1;
    return run({ attempt: attemptsMade });
  }, signal);
}
