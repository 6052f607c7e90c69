import { FaultStore, faultError, parseFaultSpec } from '../../../src/emulator/faults';

const KNOWN = new Set(['TerminatePhysicalConnection', 'DescribeRegions']);
const isAction = (action: string) => KNOWN.has(action);

describe('parseFaultSpec', () => {
  it('accepts a complete error fault', () => {
    const body = { action: 'TerminatePhysicalConnection', type: 'error', httpStatus: 400, code: 'Throttling.User', message: 'slow down', retryAfterMs: 3000, times: 2, probability: 0.5, latencyMs: 10 };
    expect(parseFaultSpec(body, isAction)).toEqual(body);
  });

  it.each([
    [null, /JSON object/],
    [{ type: 'error' }, /"action"/],
    [{ action: 'A b', type: 'error' }, /"action"/],
    [{ action: 'TerminatePhysicalConection', type: 'error' }, /"action" TerminatePhysicalConection is not an action this emulator implements/],
    [{ action: 'terminatePhysicalConnection', type: 'drop' }, /is not an action this emulator implements/],
    [{ action: '*', type: 'explode' }, /"type" must be one of/],
    [{ action: '*', type: 'error', httpStatus: 200 }, /"httpStatus" must be an integer from 400 to 599/],
    [{ action: '*', type: 'error', times: 0 }, /"times"/],
    [{ action: '*', type: 'error', probability: 1.5 }, /"probability"/],
    [{ action: '*', type: 'error', code: 'no spaces allowed' }, /"code"/],
    [{ action: '*', type: 'latency' }, /needs "latencyMs"/],
    [{ action: '*', type: 'latency', latencyMs: 10, code: 'X' }, /apply only to type "error"/],
    [{ action: '*', type: 'drop', extra: 1 }, /unknown field "extra"/],
    [{ action: '*', type: 'error', afterEffect: true }, /"afterEffect" applies only to types drop, truncated, malformed, latency/],
    [{ action: '*', type: 'drop', afterEffect: 'yes' }, /"afterEffect" must be true or false/],
    [{ action: '*', type: 'drop', afterEffect: 1 }, /"afterEffect" must be true or false/],
  ])('refuses %j', (body, message) => {
    expect(() => parseFaultSpec(body, isAction)).toThrow(message);
  });

  it.each(['drop', 'truncated', 'malformed'])('accepts afterEffect on %s (and false on error)', (type) => {
    const body = { action: 'TerminatePhysicalConnection', type, afterEffect: true, times: 1 };
    expect(parseFaultSpec(body, isAction)).toEqual(body);
    expect(parseFaultSpec({ action: '*', type: 'error', afterEffect: false }, isAction)).toEqual({ action: '*', type: 'error', afterEffect: false });
  });

  it('accepts afterEffect on latency, and leaves it out when not given', () => {
    expect(parseFaultSpec({ action: '*', type: 'latency', latencyMs: 5, afterEffect: true }, isAction)).toEqual({
      action: '*', type: 'latency', latencyMs: 5, afterEffect: true,
    });
    expect(parseFaultSpec({ action: '*', type: 'drop' }, isAction)).not.toHaveProperty('afterEffect');
  });

  it('accepts "*" and every action the domain says it has', () => {
    expect(parseFaultSpec({ action: '*', type: 'drop' }, () => false)).toEqual({ action: '*', type: 'drop' });
    expect(parseFaultSpec({ action: 'DescribeRegions', type: 'drop' }, isAction)).toEqual({ action: 'DescribeRegions', type: 'drop' });
  });
});

describe('faultError defaults', () => {
  it('503 ServiceUnavailable by default, 400 for throttling codes, documented messages', () => {
    expect(faultError({ action: '*', type: 'error' })).toEqual({
      httpStatus: 503,
      code: 'ServiceUnavailable',
      message: 'The request has failed due to a temporary failure of the server.',
    });
    expect(faultError({ action: '*', type: 'error', code: 'Throttling.User' })).toMatchObject({
      httpStatus: 400,
      message: 'Request was denied due to user flow control.',
    });
  });
});

describe('FaultStore', () => {
  it('matches by action or *, in creation order, spending `times`', () => {
    const store = new FaultStore();
    const a = store.add({ action: 'A', type: 'drop', times: 2 });
    store.add({ action: '*', type: 'malformed' });
    expect(store.take('A')?.id).toBe(a.id);
    expect(store.take('A')?.id).toBe(a.id);
    expect(store.take('A')?.type).toBe('malformed');
    expect(store.take('B')?.type).toBe('malformed');
    expect(store.list().map((f) => [f.remaining, f.hits])).toEqual([[0, 2], [null, 2]]);
  });

  it('fires with the given probability using the injected random source, without spending misses', () => {
    const rolls = [0.9, 0.1, 0.6, 0.4];
    const store = new FaultStore(() => rolls.shift() ?? 1);
    store.add({ action: 'A', type: 'drop', probability: 0.5, times: 1 });
    expect(store.take('A')).toBeUndefined(); // 0.9
    expect(store.take('A')).toBeDefined(); // 0.1
    expect(store.take('A')).toBeUndefined(); // exhausted, no roll spent
    expect(rolls).toEqual([0.6, 0.4]);
  });

  it('removes one fault or all', () => {
    const store = new FaultStore();
    const a = store.add({ action: 'A', type: 'drop' });
    store.add({ action: 'B', type: 'drop' });
    expect(store.remove(a.id)).toBe(true);
    expect(store.remove(a.id)).toBe(false);
    expect(store.take('A')).toBeUndefined();
    store.clear();
    expect(store.list()).toEqual([]);
  });
});
