/**
 * The retry loop of one logical upstream call: at most `maxAttempts` attempts, none started past
 * `budgetMs`, "equal jitter" exponential backoff or the server's `x-acs-retry-after`, and a wait
 * the caller's signal ends at once. Which failures are retryable is the caller's call (classify.ts).
 * Why a plain loop and not a retry library: docs/datasource.md#retry-policy.
 */
import { setTimeout as sleep } from 'node:timers/promises';

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
  /** Before each wait; `attempt` is the attempt about to be made (2 for the first retry). */
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

  /** The wait before the next attempt, or undefined when there is none to make. */
  const nextDelay = (error: unknown, attemptsMade: number): number | undefined => {
    if (attemptsMade >= settings.maxAttempts || signal?.aborted || !options.isRetryable(error)) return undefined;
    const delay = options.retryAfterMs(error) ?? backoffDelay(attemptsMade, settings, options.random);
    // Never start an attempt that could not finish inside the budget anyway.
    return options.now() - start + delay >= settings.budgetMs ? undefined : delay;
  };

  for (let attempt = 1; ; attempt++) {
    try {
      return await run({ attempt });
    } catch (error) {
      const delayMs = nextDelay(error, attempt);
      if (delayMs === undefined) throw error;
      options.onRetry?.({ attempt: attempt + 1, error, delayMs });
      if (delayMs > 0) {
        try {
          await sleep(delayMs, undefined, signal ? { signal } : undefined);
        } catch {
          throw options.cancelled();
        }
      }
    }
  }
}
