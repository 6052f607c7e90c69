import { CallCounters } from '../../../../src/emulator/control/counters';

describe('CallCounters', () => {
  it('counts by action with a total; missing and hostile names get placeholders', () => {
    const counters = new CallCounters();
    counters.record('DescribeRegions');
    counters.record('DescribeRegions');
    counters.record(undefined);
    counters.record('');
    counters.record('<script>');
    counters.record('__proto__');
    expect(counters.snapshot()).toEqual({
      total: 6,
      byAction: { '(invalid)': 2, '(none)': 2, DescribeRegions: 2 },
    });
    counters.clear();
    expect(counters.snapshot()).toEqual({ total: 0, byAction: {} });
  });

  it('bounds the number of distinct names', () => {
    const counters = new CallCounters(2);
    for (const name of ['A', 'B', 'C', 'D', 'A']) counters.record(name);
    expect(counters.snapshot()).toEqual({ total: 5, byAction: { '(other)': 2, A: 2, B: 1 } });
  });
});
