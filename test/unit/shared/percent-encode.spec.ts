/** percentEncode's one-scan fast path encodes exactly like the five-replace definition it replaced. */
import { percentEncode } from '../../../src/shared/acs-signature';

const reference = (value: string): string =>
  encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');

describe('percentEncode', () => {
  it('matches the RFC 3986 definition on plain values, reserved characters and unicode', () => {
    const values = [
      '',
      'cn-hangzhou',
      'pc-bp1gen00000000000007',
      '2024-06-01T00:00:00Z',
      "it's (a) *test*!",
      '!!!***((()))\'\'\'',
      'a b+c/d?e=f&g~h_i.j',
      '中文 名字',
      '\u0000\u001f\u007f',
      '😀 %2A literal',
    ];
    for (const value of values) expect(percentEncode(value)).toBe(reference(value));
  });

  it('matches on every printable ASCII character, alone and in context', () => {
    for (let code = 32; code < 127; code++) {
      const c = String.fromCharCode(code);
      expect(percentEncode(c)).toBe(reference(c));
      expect(percentEncode(`x${c}y${c}`)).toBe(reference(`x${c}y${c}`));
    }
  });
});
