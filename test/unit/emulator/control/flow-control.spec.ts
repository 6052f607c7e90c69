/** The emulator's flow control: a sliding window per account, region and action, on an injected clock. */
import { ApiError } from '../../../../src/emulator/api-error';
import { FlowControl, type FlowControlCall } from '../../../../src/emulator/control/flow-control';

const CALL: FlowControlCall = { accountId: '1688000000000001', regionId: 'cn-hangzhou', action: 'DescribePhysicalConnections' };

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** True when admitted, false when refused as `Throttling.User` (anything else is rethrown). */
function admitted(flow: FlowControl, call: FlowControlCall = CALL): boolean {
  try {
    flow.admit(call);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'Throttling.User') return false;
    throw error;
  }
}

describe('FlowControl', () => {
  it('admits `calls` per window, then answers exactly what Alibaba answers', () => {
    const flow = new FlowControl({ calls: 3, windowMs: 60_000 }, clock().now);
    expect([admitted(flow), admitted(flow), admitted(flow)]).toEqual([true, true, true]);
    let refusal: unknown;
    try {
      flow.admit(CALL);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ httpStatus: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' });
  });

  it('slides: a slot frees exactly one window after the call that took it, not at a fixed boundary', () => {
    const c = clock();
    const flow = new FlowControl({ calls: 2, windowMs: 10_000 }, c.now);
    expect(admitted(flow)).toBe(true); // t = 0
    c.advance(6_000);
    expect(admitted(flow)).toBe(true); // t = 6 s
    c.advance(3_999);
    expect(admitted(flow)).toBe(false); // t = 9.999 s: both still inside
    c.advance(1);
    expect(admitted(flow)).toBe(true); // t = 10 s: the first one left the window
    c.advance(5_999);
    expect(admitted(flow)).toBe(false); // t = 15.999 s: 6 s and 10 s inside
    c.advance(1);
    expect(admitted(flow)).toBe(true); // t = 16 s
  });

  it('never admits more than `calls` in any window, however the calls are spread', () => {
    const c = clock();
    const flow = new FlowControl({ calls: 5, windowMs: 1_000 }, c.now);
    const times: number[] = [];
    let seed = 7;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      c.advance(seed % 97);
      if (admitted(flow)) times.push(c.now());
    }
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= (times[i] ?? 0) && t < (times[i] ?? 0) + 1_000).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    expect(times.length).toBeGreaterThan(100);
  });

  it('counts per account, region and action separately', () => {
    const flow = new FlowControl({ calls: 1, windowMs: 60_000 }, clock().now);
    expect(admitted(flow)).toBe(true);
    expect(admitted(flow)).toBe(false);
    expect(admitted(flow, { ...CALL, regionId: 'cn-shanghai' })).toBe(true);
    expect(admitted(flow, { ...CALL, action: 'DescribeVirtualBorderRouters' })).toBe(true);
    expect(admitted(flow, { ...CALL, accountId: '1688000000000002' })).toBe(true);
  });

  it('does not count a refused call: retrying early does not push the window out', () => {
    const c = clock();
    const flow = new FlowControl({ calls: 1, windowMs: 1_000 }, c.now);
    expect(admitted(flow)).toBe(true);
    for (let i = 0; i < 9; i++) {
      c.advance(100);
      expect(admitted(flow)).toBe(false);
    }
    c.advance(100);
    expect(admitted(flow)).toBe(true);
  });

  it('reports the throttled calls by action and the current windows; clear() empties both', () => {
    const c = clock();
    const flow = new FlowControl({ calls: 1, windowMs: 1_000 }, c.now);
    admitted(flow);
    admitted(flow);
    admitted(flow, { ...CALL, regionId: '' });
    expect(flow.snapshot()).toEqual({
      limit: { calls: 1, windowMs: 1_000 },
      throttled: { total: 1, byAction: { DescribePhysicalConnections: 1 } },
      windows: [
        { ...CALL, regionId: '', calls: 1 },
        { ...CALL, calls: 1 },
      ],
    });
    c.advance(1_000);
    expect(flow.snapshot().windows).toEqual([]);
    flow.clear();
    expect(flow.snapshot().throttled).toEqual({ total: 0, byAction: {} });
  });

  it('off admits everything', () => {
    const flow = new FlowControl('off', clock().now);
    for (let i = 0; i < 1_000; i++) expect(admitted(flow)).toBe(true);
    expect(flow.snapshot()).toEqual({ limit: 'off', throttled: { total: 0, byAction: {} }, windows: [] });
  });
});
