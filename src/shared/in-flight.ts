/**
 * Work its owner must let finish before closing, whoever started it and whether or not anyone
 * still waits for it: the backend's writes handed to the upstream, the runtime's GraphQL
 * operations (which outlive their client's connection when a write is in flight).
 */
const ignore = (): void => undefined;

export class InFlight {
  /** Settled versions of the tracked promises: they never reject. */
  private readonly pending = new Set<Promise<void>>();

  get size(): number {
    return this.pending.size;
  }

  /** Returns `work` itself; it counts as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(ignore, ignore);
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return work;
  }

  /** Resolves once nothing is in flight, work started while waiting included. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
