/**
 * A clock with timers that only move when a test says so (`BudgetClock`): `advance(ms)` runs every
 * timer that comes due, in order, letting promise chains settle after each, so waits can be tested
 * without waiting.
 */
import { setImmediate as turn } from 'node:timers/promises';
import type { BudgetClock } from '../../src/datasources/budget';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualTimers implements BudgetClock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  readonly now = (): number => this.t;

  readonly setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** Timers not yet run or cancelled. */
  get pending(): number {
    return this.timers.length;
  }

  /** Lets pending promise callbacks (and the ones they schedule) run. */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) await turn();
  }

  /** Moves the clock, running each timer that comes due at its own time. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await this.settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await this.settle();
    }
    this.t = target;
    await this.settle();
  }
}
