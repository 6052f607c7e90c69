import { DEFAULT_LIMITS, getParam, newParamBag, parseParameters, parseUrlEncoded, singleHeader } from '../../../../src/emulator/http/request';

const limits = { ...DEFAULT_LIMITS, maxParameters: 5 };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

describe('parseUrlEncoded', () => {
  it('decodes percent-encoding and + as space, keeps empty values', () => {
    const bag = newParamBag();
    parseUrlEncoded('Name=a%20b+c&Filter.1.Value.1=%E4%B8%AD&Empty=&Flag&&', bag, limits);
    expect({ ...bag }).toEqual({ Name: 'a b c', 'Filter.1.Value.1': '中', Empty: '', Flag: '' });
  });

  it('keeps hostile names as plain keys', () => {
    const bag = newParamBag();
    parseUrlEncoded('__proto__=x&constructor=y', bag, limits);
    expect(Object.getPrototypeOf(bag)).toBe(Object.prototype);
    expect(getParam(bag, '__proto__')).toBe('x');
    expect(getParam(bag, 'constructor')).toBe('y');
    expect(getParam(bag, 'toString')).toBeUndefined();
  });

  it('accepts a repeated parameter with the same value, refuses a different one', () => {
    const bag = newParamBag();
    parseUrlEncoded('A=1&A=1', bag, limits);
    expect({ ...bag }).toEqual({ A: '1' });
    expect(code(() => parseUrlEncoded('A=1&A=2', newParamBag(), limits))).toBe('InvalidParameter');
  });

  it('refuses bad percent-encoding, nameless pairs and too many parameters', () => {
    expect(code(() => parseUrlEncoded('A=%E4%B8', newParamBag(), limits))).toBe('InvalidParameter');
    expect(code(() => parseUrlEncoded('A=%zz', newParamBag(), limits))).toBe('InvalidParameter');
    expect(code(() => parseUrlEncoded('=value', newParamBag(), limits))).toBe('InvalidParameter');
    expect(code(() => parseUrlEncoded('a=1&b=2&c=3&d=4&e=5&f=6', newParamBag(), limits))).toBe('InvalidParameter');
  });
});

describe('parseParameters', () => {
  const form = 'application/x-www-form-urlencoded; charset=UTF-8';

  it('merges query and form body; the query alone stays separate for V3', () => {
    const { query, params } = parseParameters('Action=X', Buffer.from('RegionId=cn-hangzhou'), form, limits);
    expect({ ...query }).toEqual({ Action: 'X' });
    expect({ ...params }).toEqual({ Action: 'X', RegionId: 'cn-hangzhou' });
  });

  it('refuses a parameter given in query and body with different values', () => {
    expect(code(() => parseParameters('A=1', Buffer.from('A=2'), form, limits))).toBe('InvalidParameter');
  });

  it('counts query and body together against the parameter bound', () => {
    expect(code(() => parseParameters('a=1&b=2&c=3', Buffer.from('d=4&e=5&f=6'), form, limits))).toBe('InvalidParameter');
  });

  it('refuses a body that is not UTF-8 form data', () => {
    expect(code(() => parseParameters('', Buffer.from([0xff, 0xfe, 0x00]), form, limits))).toBe('InvalidParameter');
    expect(code(() => parseParameters('', Buffer.from('{"a":1}'), 'application/json', limits))).toBe('InvalidParameter');
  });
});

describe('singleHeader', () => {
  it('returns the one value; refuses different repeated values', () => {
    expect(singleHeader({ a: ['x', 'x'] }, 'a')).toBe('x');
    expect(singleHeader({}, 'a')).toBeUndefined();
    expect(code(() => singleHeader({ a: ['x', 'y'] }, 'a'))).toBe('InvalidParameter');
  });
});
