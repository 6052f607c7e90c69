/**
 * The in-process upstream budget on an injected clock: never more than the quota in any window,
 * the reserve for critical calls, waiting bounded by the deadline, abort, and what it reports.
 */
import {
  countedWindowMs,
  createLocalBudget,
  sharedCalls,
  WaitingBudget,
  type BudgetEvent,
  type BudgetOutcome,
  type BudgetPriority,
  type Limiter,
} from '../../../../src/datasources/budget';
import { ManualTimers } from '../../../support/manual-timers';

const KEY = { regionId: 'cn-hangzhou', action: 'DescribePhysicalConnections' };
const QUOTA = { calls: 10, windowMs: 10_000 };
/** 10 s + the 5% guard. */
const COUNTED_MS = countedWindowMs(QUOTA.windowMs);

interface Tracked {
  outcome: BudgetOutcome | null;
  at: number | null;
}

function setup(options: { quota?: typeof QUOTA } = {}) {
  const clock = new ManualTimers();
  const granted: BudgetEvent[] = [];
  const exhausted: BudgetEvent[] = [];
  const budget = createLocalBudget(options.quota ?? QUOTA, {
    clock,
    observer: { onGranted: (e) => granted.push(e), onExhausted: (e) => exhausted.push(e) },
  });
  /** Starts an acquire and tracks when and how it settles. */
  const ask = (priority: BudgetPriority, waitMs = 60_000, signal?: AbortSignal, key = KEY): Tracked => {
    const tracked: Tracked = { outcome: null, at: null };
    void budget
      .acquire({ ...key, priority, deadline: clock.now() + waitMs, ...(signal ? { signal } : {}) })
      .then((outcome) => {
        tracked.outcome = outcome;
        tracked.at = clock.now();
      });
    return tracked;
  };
  return { clock, budget, ask, granted, exhausted };
}

const outcomes = (list: Tracked[]) => list.map((t) => t.outcome);

describe('the arithmetic', () => {
  it('keeps 20% of a quota for critical calls, yet at least one call for shared ones', () => {
    expect(sharedCalls(300)).toBe(240);
    expect(sharedCalls(20)).toBe(16);
    expect(sharedCalls(2)).toBe(1);
    expect(sharedCalls(1)).toBe(1);
  });

  it('counts over the window plus a 5% guard', () => {
    expect(countedWindowMs(60_000)).toBe(63_000);
    expect(countedWindowMs(2_000)).toBe(2_100);
  });
});

describe('in-process budget', () => {
  it('never lets more than the quota through in any window, and lets everything through in time', async () => {
    const { clock, ask } = setup();
    const calls: Tracked[] = [];
    let seed = 11;
    for (let i = 0; i < 120; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      calls.push(ask(i % 5 === 0 ? 'critical' : 'shared', 600_000));
      await clock.advance(seed % 700);
    }
    await clock.advance(300_000);
    expect(calls.every((c) => c.outcome === 'granted')).toBe(true);
    const times = calls.map((c) => c.at ?? Number.NaN).sort((a, b) => a - b);
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + QUOTA.windowMs).length).toBeLessThanOrEqual(QUOTA.calls);
      // The guard: even over the longer counted window, no more than the quota.
      expect(times.filter((t) => t >= start && t < start + COUNTED_MS).length).toBeLessThanOrEqual(QUOTA.calls);
    }
  });

  it('lets shared calls use the quota minus the reserve; critical calls the rest', async () => {
    const { clock, ask } = setup();
    const reads = Array.from({ length: 12 }, () => ask('shared'));
    await clock.settle();
    expect(outcomes(reads).filter((o) => o === 'granted')).toHaveLength(8);
    const writes = [ask('critical'), ask('critical'), ask('critical')];
    await clock.settle();
    expect(outcomes(writes)).toEqual(['granted', 'granted', null]);
    // Still no shared call: the window is full for them until the first ones leave it.
    expect(outcomes(reads).filter((o) => o === 'granted')).toHaveLength(8);
  });

  it('gives capacity that frees to a critical call that waits, before a shared call that waited longer', async () => {
    const { clock, ask } = setup();
    const start = clock.now();
    for (let i = 0; i < 8; i++) {
      ask('shared');
      await clock.advance(100);
    }
    ask('critical');
    ask('critical');
    await clock.advance(200); // t = 1 000
    const waitingRead = ask('shared');
    await clock.advance(1_000); // t = 2 000
    const waitingWrite = ask('critical');
    await clock.settle();
    expect([waitingRead.outcome, waitingWrite.outcome]).toEqual([null, null]);
    await clock.advance(COUNTED_MS);
    // The first call (t = 0) leaves the counted window first: its slot goes to the write.
    expect(waitingWrite).toEqual({ outcome: 'granted', at: start + COUNTED_MS });
    // The read needs the window below 8 again: three more calls must leave (t = 100, 200, 300).
    expect(waitingRead).toEqual({ outcome: 'granted', at: start + 300 + COUNTED_MS });
  });

  it('fails a call at once, unsent, when its deadline comes before the next free slot', async () => {
    const { clock, ask, exhausted } = setup();
    for (let i = 0; i < 10; i++) ask('critical');
    await clock.settle();
    const started = clock.now();
    const tooShort = ask('critical', COUNTED_MS - 1);
    await clock.settle();
    expect(tooShort).toEqual({ outcome: 'exhausted', at: started });
    expect(exhausted).toEqual([{ ...KEY, priority: 'critical', waitedMs: 0 }]);
  });

  it('waits when the wait fits the deadline, and is granted exactly when the slot frees', async () => {
    const { clock, ask, granted } = setup();
    for (let i = 0; i < 10; i++) ask('critical');
    await clock.advance(500);
    const fits = ask('critical', COUNTED_MS);
    await clock.advance(COUNTED_MS);
    expect(fits.outcome).toBe('granted');
    expect((fits.at ?? 0) - (clock.now() - COUNTED_MS)).toBe(COUNTED_MS - 500);
    expect(granted.at(-1)).toEqual({ ...KEY, priority: 'critical', waitedMs: COUNTED_MS - 500 });
  });

  it('never waits past the deadline, even when the limiter does not answer', async () => {
    const clock = new ManualTimers();
    const silent: Limiter = { take: () => new Promise(() => undefined), used: () => [] };
    const budget = new WaitingBudget(silent, clock);
    let outcome: BudgetOutcome | null = null;
    void budget.acquire({ ...KEY, priority: 'critical', deadline: clock.now() + 5_000 }).then((o) => (outcome = o));
    await clock.advance(4_999);
    expect(outcome).toBeNull();
    await clock.advance(1);
    expect(outcome).toBe('exhausted');
  });

  it('ends a wait at once when the caller aborts, and its slot goes to the next call', async () => {
    const { clock, ask } = setup();
    for (let i = 0; i < 10; i++) ask('critical');
    await clock.settle();
    const controller = new AbortController();
    const aborted = ask('critical', 60_000, controller.signal);
    const next = ask('critical');
    await clock.advance(1_000);
    controller.abort();
    await clock.settle();
    expect(aborted).toEqual({ outcome: 'cancelled', at: clock.now() });
    await clock.advance(COUNTED_MS);
    expect(next.outcome).toBe('granted');
    // An already aborted signal never waits.
    expect(outcomes([ask('critical', 60_000, AbortSignal.abort())])).toEqual([null]);
    await clock.settle();
  });

  it('an aborted signal is answered cancelled without taking capacity', async () => {
    const { clock, budget } = setup({ quota: { calls: 1, windowMs: 1_000 } });
    expect(await budget.acquire({ ...KEY, priority: 'critical', deadline: clock.now() + 1, signal: AbortSignal.abort() })).toBe('cancelled');
    expect(await budget.acquire({ ...KEY, priority: 'critical', deadline: clock.now() + 1 })).toBe('granted');
  });

  it('counts each region and action on its own', async () => {
    const { clock, ask } = setup({ quota: { calls: 1, windowMs: 1_000 } });
    const calls = [ask('critical'), ask('critical', 10, undefined, { ...KEY, regionId: 'cn-shanghai' }), ask('critical', 10, undefined, { ...KEY, action: 'DescribeVirtualBorderRouters' })];
    await clock.settle();
    expect(outcomes(calls)).toEqual(['granted', 'granted', 'granted']);
  });

  it('reports the calls waiting and the calls used in the window, and holds no timer once idle', async () => {
    const { clock, ask, budget } = setup();
    for (let i = 0; i < 10; i++) ask('critical');
    ask('shared');
    ask('shared');
    ask('critical');
    await clock.settle();
    expect(budget.waiting()).toEqual([
      { ...KEY, priority: 'critical', calls: 1 },
      { ...KEY, priority: 'shared', calls: 2 },
    ]);
    expect(budget.used()).toEqual([{ ...KEY, calls: 10 }]);
    await clock.advance(COUNTED_MS + 1_000);
    expect(budget.waiting()).toEqual([]);
    expect(budget.used()).toEqual([{ ...KEY, calls: 3 }]);
    expect(clock.pending).toBe(0);
  });
});
