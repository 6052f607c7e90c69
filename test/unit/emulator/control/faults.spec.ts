import {
  FaultLimitError,
  FaultStore,
  MAX_ACTIVE_FAULTS,
  MAX_SPENT_FAULTS,
  faultError,
  parseFaultSpec,
} from '../../../../src/emulator/control/faults';

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

  it(`keeps the ${MAX_SPENT_FAULTS} most recently spent faults listed and forgets older spent ones`, () => {
    const store = new FaultStore();
    const unlimited = store.add({ action: 'B', type: 'drop' });
    const count = MAX_SPENT_FAULTS + 2;
    for (let i = 0; i < count; i += 1) store.add({ action: `A${i}`, type: 'drop', times: 1 });
    // Spent in the reverse of creation order: A101 and A100 are spent first, so they go.
    for (let i = count - 1; i >= 0; i -= 1) expect(store.take(`A${i}`)).toBeDefined();
    expect(store.take('B')).toBeDefined();
    const listed = store.list();
    expect(listed.map((f) => f.action)).toEqual(['B', ...Array.from({ length: MAX_SPENT_FAULTS }, (_, i) => `A${i}`)]);
    expect(listed[0]).toMatchObject({ id: unlimited.id, remaining: null, hits: 1 });
    expect(listed.slice(1).every((f) => f.remaining === 0 && f.hits === 1)).toBe(true);
  });

  it(`refuses a fault beyond ${MAX_ACTIVE_FAULTS} active ones; spent and removed ones make room`, () => {
    const store = new FaultStore();
    const first = store.add({ action: 'A', type: 'drop', times: 1 });
    for (let i = 1; i < MAX_ACTIVE_FAULTS; i += 1) store.add({ action: 'B', type: 'drop' });
    expect(() => store.add({ action: 'C', type: 'drop' })).toThrow(FaultLimitError);
    expect(store.take('A')?.id).toBe(first.id);
    const second = store.add({ action: 'C', type: 'drop' });
    expect(() => store.add({ action: 'C', type: 'drop' })).toThrow(FaultLimitError);
    expect(store.remove(second.id)).toBe(true);
    expect(store.add({ action: 'C', type: 'drop' }).id).toBeDefined();
    expect(store.list()).toHaveLength(MAX_ACTIVE_FAULTS + 1);
  });

  it('a spent fault removed by id is no longer counted among the spent', () => {
    const store = new FaultStore();
    const early = store.add({ action: 'A', type: 'drop', times: 1 });
    store.take('A');
    expect(store.remove(early.id)).toBe(true);
    for (let i = 0; i < MAX_SPENT_FAULTS; i += 1) store.add({ action: `S${i}`, type: 'drop', times: 1 });
    for (let i = 0; i < MAX_SPENT_FAULTS; i += 1) store.take(`S${i}`);
    expect(store.list()).toHaveLength(MAX_SPENT_FAULTS);
  });
});
