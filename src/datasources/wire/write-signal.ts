/**
 * The cancellation one logical write obeys: its caller's signal until the first attempt is handed
 * to the transport, after that only the backend's stop signal (a forced shutdown). Why:
 * docs/datasource.md#writes-and-cancellation.
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
