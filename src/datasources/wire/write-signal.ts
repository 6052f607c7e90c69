/**
 * The cancellation one logical write obeys.
 *
 * Its caller's signal (the GraphQL request's: the client hung up) counts only until the first
 * attempt is handed to the transport. From then on the upstream may act on the write whatever the
 * caller does, and tearing the attempt or its retries down would only lose the outcome: the
 * write done upstream, the gateway never told, the audit line saying "cancelled". So the write
 * runs on to its own attempt deadline and retry budget, and only the backend's `stop` signal (a
 * forced shutdown) still ends it.
 *
 * "Handed to the transport" is the last moment the gateway controls: undici may still be waiting
 * for a pooled socket, but from outside the pool a queued request and one on the wire look alike.
 */
export class WriteSignal {
  private readonly controller = new AbortController();
  private readonly follow = (): void => this.controller.abort();

  constructor(
    private readonly caller: AbortSignal | undefined,
    private readonly stop: AbortSignal,
  ) {
    if (caller?.aborted === true || stop.aborted) this.controller.abort();
    caller?.addEventListener('abort', this.follow, { once: true });
    stop.addEventListener('abort', this.follow, { once: true });
  }

  /** For the attempts, their backoff waits and the transport. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first attempt is being handed to the transport: the caller can no longer cancel. */
  sent(): void {
    this.caller?.removeEventListener('abort', this.follow);
  }

  /** The write settled: its listeners leave the signals that outlive it (the request's, the backend's). */
  dispose(): void {
    this.sent();
    this.stop.removeEventListener('abort', this.follow);
  }
}
