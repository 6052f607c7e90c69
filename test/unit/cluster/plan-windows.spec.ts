/**
 * The fixed windows the cluster budget counts in (rate-limiter-flexible's, whole seconds): chosen so
 * that no sliding window of the quota (plus the guard) can ever see more than the quota.
 */
import { planWindows } from '../../../src/cluster/cluster-budget';
import { countedWindowMs } from '../../../src/datasources/budget';

/**
 * The most grants any span of `spanMs` can hold when fixed windows of `seconds` lie back to back
 * (the densest case) and each is filled with `points` grants crowded at its edges: every span
 * start at a window edge, plus or minus a millisecond, is tried.
 */
function worstSpan(points: number, seconds: number, spanMs: number): number {
  const d = seconds * 1000;
  const grants: number[] = [];
  for (let w = 0; w < Math.ceil(spanMs / d) + 4; w++) {
    for (let p = 0; p < points; p++) grants.push(w * d + (p % 2 === 0 ? 0 : d - 1));
  }
  let worst = 0;
  for (const edge of grants) {
    for (const start of [edge - spanMs + 1, edge, edge + 1]) {
      worst = Math.max(worst, grants.filter((g) => g >= start && g < start + spanMs).length);
    }
  }
  return worst;
}

describe('planWindows', () => {
  it('300/60: windows of 2 s with 9 calls (7 for shared reads): 270 a minute, 90% of the quota', () => {
    expect(planWindows({ calls: 300, windowMs: 60_000 })).toEqual({ windowSeconds: 2, points: 9, sharedPoints: 7, callsPerQuotaWindow: 270 });
  });

  it('small quotas of the tests: 20/2 -> 5 per second, 40/2 -> 10 per second', () => {
    expect(planWindows({ calls: 20, windowMs: 2_000 })).toEqual({ windowSeconds: 1, points: 5, sharedPoints: 4, callsPerQuotaWindow: 10 });
    expect(planWindows({ calls: 40, windowMs: 2_000 })).toEqual({ windowSeconds: 1, points: 10, sharedPoints: 8, callsPerQuotaWindow: 20 });
  });

  it('no plan for a quota below 3 calls per window: fixed windows could not keep it', () => {
    expect(planWindows({ calls: 2, windowMs: 60_000 })).toBeNull();
    expect(planWindows({ calls: 3, windowMs: 1_000 })).toEqual({ windowSeconds: 1, points: 1, sharedPoints: 1, callsPerQuotaWindow: 1 });
  });

  it.each([
    [300, 60],
    [20, 2],
    [40, 2],
    [7, 5],
    [1000, 10],
    [50, 30],
    [3, 1],
  ])('%i/%i s: even back-to-back windows crowded at their edges never put more than the quota in one counted window', (calls, seconds) => {
    const quota = { calls, windowMs: seconds * 1000 };
    const plan = planWindows(quota);
    if (plan === null) throw new Error('expected a plan');
    expect(worstSpan(plan.points, plan.windowSeconds, countedWindowMs(quota.windowMs))).toBeLessThanOrEqual(calls);
    expect(plan.sharedPoints).toBeLessThanOrEqual(plan.points);
  });
});
