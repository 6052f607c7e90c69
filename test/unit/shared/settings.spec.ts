/** The settings helper: one rule per value, read from environment text or from typed options. */
import { z } from 'zod';
import { boolean, commaList, formatRate, fromEnv, host, integer, oneOf, printable, rateOrOff, readSettings, setting, word } from '../../../src/shared/settings';

const problem = (schema: z.ZodType, raw: unknown) => schema.safeParse(raw).error?.issues[0]?.message;

describe('rules over typed values', () => {
  it('integer(min, max) takes whole numbers in range only, with one message', () => {
    const rule = integer(1, 10);
    expect(rule.parse(1)).toBe(1);
    expect(rule.parse(10)).toBe(10);
    for (const bad of [0, 11, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '5']) {
      expect(problem(rule, bad)).toBe('must be an integer from 1 to 10');
    }
  });

  it('oneOf, printable and host name what they expect', () => {
    expect(problem(oneOf(['a', 'b'] as const), 'c')).toBe('must be one of a, b');
    expect(problem(printable(3), 'abcd')).toBe('must be 1..3 printable ASCII characters');
    expect(problem(printable(3), 'a\tb')).toBe('must be 1..3 printable ASCII characters');
    expect(host.parse('::1')).toBe('::1');
    expect(problem(host, 'evil.com/path')).toBe('must be a host name or an IP address');
  });
});

describe('fromEnv', () => {
  it('reads trimmed digits into a number rule, and reports anything else with the rule\'s message', () => {
    const port = fromEnv(integer(0, 65535));
    expect(port.parse(' 8080 ')).toBe(8080);
    for (const bad of ['http', '-1', '1.5', '1e3', '0x10', '65536', '99999999999']) {
      expect(problem(port, bad)).toBe('must be an integer from 0 to 65535');
    }
  });

  it('reads the usual words into a boolean rule', () => {
    for (const yes of ['true', 'TRUE', '1', 'yes', ' on ']) expect(boolean.parse(yes)).toBe(true);
    for (const no of ['false', '0', 'No', 'off']) expect(boolean.parse(no)).toBe(false);
    expect(problem(boolean, 'maybe')).toBe('must be true or false');
    expect(word('2')).toBeNull();
  });

  it('trims text for a string rule', () => {
    expect(fromEnv(oneOf(['v3', 'v1'] as const)).parse(' v1 ')).toBe('v1');
    expect(fromEnv(printable(8)).parse('  ua/1  ')).toBe('ua/1');
  });

  it('reads a comma-separated list, dropping empty items', () => {
    expect(commaList(printable(5), 'names').parse('a, b ,,c,')).toEqual(['a', 'b', 'c']);
    expect(problem(commaList(printable(2), 'names'), 'a, long')).toBe('must be 1..2 printable ASCII characters');
  });
});

describe('rateOrOff', () => {
  it('reads <calls>/<seconds> into calls and a window in milliseconds, or off in any case', () => {
    expect(rateOrOff.parse(' 300/60 ')).toEqual({ calls: 300, windowMs: 60_000 });
    expect(rateOrOff.parse('1/1')).toEqual({ calls: 1, windowMs: 1_000 });
    expect(rateOrOff.parse('OFF')).toBe('off');
    expect(formatRate({ calls: 20, windowMs: 2_000 })).toBe('20/2');
    expect(formatRate('off')).toBe('off');
  });

  it('refuses anything else with one message that quotes nothing', () => {
    for (const bad of ['300', '300/', '/60', '0/60', '300/0', '300/60s', '1.5/60', '-1/60', '2000000/60', '300/86401', 'none', '300 / 60']) {
      expect(problem(rateOrOff, bad)).toBe('must be <calls>/<seconds> such as 300/60 (calls 1 to 1000000, seconds 1 to 86400), or off');
    }
  });
});

describe('readSettings', () => {
  const SETTINGS = {
    PORT: setting(fromEnv(integer(0, 65535)), 4000),
    NAME: setting(fromEnv(printable(8))),
    DEBUG: setting(boolean, false),
  };

  it('gives the fallback for an absent, empty or blank value, and undefined without one', () => {
    expect(readSettings(SETTINGS, {})).toEqual({ values: { PORT: 4000, NAME: undefined, DEBUG: false }, problems: [] });
    expect(readSettings(SETTINGS, { PORT: '', NAME: '   ', DEBUG: '\t' }).values).toEqual({ PORT: 4000, NAME: undefined, DEBUG: false });
  });

  it('reports every invalid value by name, in declaration order, without quoting it', () => {
    const { values, problems } = readSettings(SETTINGS, { DEBUG: 'sometimes', NAME: 'n', PORT: 'secret-ish' });
    expect(problems).toEqual([
      { name: 'PORT', message: 'must be an integer from 0 to 65535' },
      { name: 'DEBUG', message: 'must be true or false' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('secret-ish');
    expect(values.NAME).toBe('n');
  });

  it('reads typed options with a caller-chosen notion of unset', () => {
    const OPTIONS = { limit: setting(integer(1, 5), 3) };
    expect(readSettings(OPTIONS, {}, (raw) => raw === undefined).values).toEqual({ limit: 3 });
    expect(readSettings(OPTIONS, { limit: 0 }, (raw) => raw === undefined).problems).toEqual([
      { name: 'limit', message: 'must be an integer from 1 to 5' },
    ]);
  });
});
