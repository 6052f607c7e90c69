/**
 * Retries against injected faults, over real HTTP: what the hooks report and what the emulator
 * counted agree, a retried write keeps its ClientToken and acts once, and a budget ends a call
 * against a failing upstream with UNAVAILABLE.
 */
import { UpstreamError } from '../../../src/datasources';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { backendFor, type RecordedBackend } from './support';

const HZ = 'cn-hangzhou';
const TARGET = DEMO_IDS.enabledReadyToTerminate[0];

describe('fault injection', () => {
  const emu = useEmulator({ transitionMs: 5_000 });
  const open: RecordedBackend[] = [];
  const backend = (options: Parameters<typeof backendFor>[1] = {}) => {
    const rb = backendFor(emu, options);
    open.push(rb);
    return rb;
  };
  afterAll(async () => {
    for (const rb of open) await rb.backend.close();
  });
  beforeEach(() => emu.control.reset());

  it('throttled twice then success: one logical success, retries counted by the hooks AND the emulator', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', code: 'Throttling.User', times: 2 });
    const rb = backend();
    const result = await rb.backend.forRequest().terminatePhysicalConnection(HZ, TARGET, { clientToken: 'throttle-then-ok' });
    expect(result).toMatchObject({ clientToken: 'throttle-then-ok' });
    expect(result.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(rb.retries.map((r) => [r.action, r.attempt, r.code])).toEqual([
      ['TerminatePhysicalConnection', 2, 'Throttling.User'],
      ['TerminatePhysicalConnection', 3, 'Throttling.User'],
    ]);
    expect(rb.calls.map((c) => [c.outcome, c.httpStatus, c.attempt])).toEqual([
      ['Throttling.User', 400, 1],
      ['Throttling.User', 400, 2],
      ['success', 200, 3],
    ]);
    expect((await emu.control.calls()).byAction.TerminatePhysicalConnection).toBe(3);
    expect(await rb.backend.forRequest().freshPhysicalConnection(HZ, TARGET)).toMatchObject({ status: 'TERMINATING' });
  });

  it('5xx beyond the retry budget: UNAVAILABLE, with as many attempts as the emulator saw', async () => {
    await emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', httpStatus: 503, code: 'ServiceUnavailable' });
    const rb = backend({ retry: { maxAttempts: 20, baseDelayMs: 40, maxDelayMs: 80, budgetMs: 250 } });
    const error = await rb.backend.forRequest().physicalConnection(HZ, TARGET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    const attempts = (await emu.control.calls()).byAction.DescribePhysicalConnections;
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', code: 'ServiceUnavailable', httpStatus: 503, retryable: true, attempts });
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThan(20);
  });

  it('a write whose response never came (client timeout) is retried with the SAME token and acts once', async () => {
    // Applied upstream at once, its answer held past the client's deadline: only the token can
    // make the retry the same write rather than a second one.
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 400, afterEffect: true, times: 1 });
    const rb = backend({ timeouts: { totalMs: 100 } });
    const result = await rb.backend.forRequest().terminatePhysicalConnection(HZ, TARGET);
    expect(rb.calls.map((c) => c.outcome)).toEqual(['Transport.Timeout', 'success']);
    expect((await emu.control.calls()).byAction.TerminatePhysicalConnection).toBe(2);
    // One state change, made by the first attempt under the token the retry sent again: the
    // retry's answer is the replay of that write (its RequestId).
    expect(await emu.control.events()).toEqual([
      expect.objectContaining({ action: 'TerminatePhysicalConnection', resourceId: TARGET, clientToken: result.clientToken, requestId: result.requestId }),
    ]);
    const again = await rb.backend.api.terminatePhysicalConnection({ regionId: HZ, physicalConnectionId: TARGET, clientToken: result.clientToken ?? '' });
    expect(again.requestId).toBe(result.requestId);
    expect(await emu.control.events()).toHaveLength(1);
    expect(await rb.backend.forRequest().freshPhysicalConnection(HZ, TARGET)).toMatchObject({ status: 'TERMINATING' });
  });

  it.each([
    ['drop', 'Transport.Error'],
    ['truncated', 'Transport.Error'],
    ['malformed', 'Response.Malformed'],
  ] as const)('a %s response is retried and the call succeeds', async (type, firstOutcome) => {
    await emu.control.addFault({ action: 'DescribeRegions', type, times: 1 });
    const rb = backend();
    const regions = await rb.backend.api.describeRegions();
    expect(regions.length).toBeGreaterThan(1);
    expect(rb.calls.map((c) => c.outcome)).toEqual([firstOutcome, 'success']);
    expect((await emu.control.calls()).byAction.DescribeRegions).toBe(2);
  });

  it('latency beyond the attempt deadline: Transport.Timeout when no attempt is left', async () => {
    await emu.control.addFault({ action: 'DescribeRegions', type: 'latency', latencyMs: 500 });
    const rb = backend({ timeouts: { totalMs: 60 }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const started = Date.now();
    await expect(rb.backend.api.describeRegions()).rejects.toMatchObject({ kind: 'UNAVAILABLE', code: 'Transport.Timeout', httpStatus: 0, attempts: 2 });
    // Without the deadline the two attempts would take 2 x 500 ms.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('x-acs-retry-after is honoured', async () => {
    await emu.control.addFault({ action: 'DescribeRegions', type: 'error', code: 'Throttling.Api', retryAfterMs: 1000, times: 1 });
    const rb = backend();
    const started = Date.now();
    await rb.backend.api.describeRegions();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(rb.retries).toEqual([{ action: 'DescribeRegions', attempt: 2, code: 'Throttling.Api', delayMs: 1000 }]);
  });

  it('a business refusal is never retried', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', httpStatus: 400, code: 'Forbidden.VbrAttached' });
    const rb = backend();
    await expect(rb.backend.forRequest().terminatePhysicalConnection(HZ, TARGET)).rejects.toMatchObject({ kind: 'DEPENDENCY_ATTACHED', attempts: 1 });
    expect((await emu.control.calls()).byAction.TerminatePhysicalConnection).toBe(1);
  });
});
