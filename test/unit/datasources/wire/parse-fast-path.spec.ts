/**
 * parseJsonLossless scans only for big integers in value position (the benchmark's hot path);
 * these cases pin that the result is exactly what token-by-token quoting gives, including the
 * bodies where the fast scan is fooled by digits inside a string.
 */
import { BodyParseError, parseJsonLossless } from '../../../../src/datasources/wire/parse';

describe('parseJsonLossless fast path', () => {
  it('quotes unsafe integers wherever a value can stand, whatever the whitespace', () => {
    const text = '{ "A" : 283117732402483989 , "B":[ 12345678901234567890 ,-9007199254740993],"C":{"D":98765432109876543210}}';
    expect(parseJsonLossless(text)).toEqual({
      A: '283117732402483989',
      B: ['12345678901234567890', '-9007199254740993'],
      C: { D: '98765432109876543210' },
    });
  });

  it('keeps safe 16-digit integers as numbers and parses bodies without big integers untouched', () => {
    expect(parseJsonLossless('{"VbrOwnerUid":1688000000000001,"Max":9007199254740991}')).toEqual({
      VbrOwnerUid: 1688000000000001,
      Max: 9007199254740991,
    });
    expect(parseJsonLossless('{"PageSize":50,"Name":"x"}')).toEqual({ PageSize: 50, Name: 'x' });
  });

  it('is exact when a string holds what looks like a big integer value (the scan is fooled, the result is not)', () => {
    const text =
      '{"Description":"moved from a:283117732402483989, then [12345678901234567890]","Uid":283117732402483989,' +
      '"Note":"x,99999999999999999999}"}';
    expect(parseJsonLossless(text)).toEqual({
      Description: 'moved from a:283117732402483989, then [12345678901234567890]',
      Uid: '283117732402483989',
      Note: 'x,99999999999999999999}',
    });
  });

  it('leaves decimals and exponents with 16+ digits as numbers', () => {
    expect(parseJsonLossless('{"A":12345678901234567.5,"B":12345678901234567e2,"C":[1234567890123456789E-3]}')).toEqual({
      A: 12345678901234567.5,
      B: 12345678901234567e2,
      C: [1234567890123456789e-3],
    });
  });

  it('still refuses malformed JSON, with or without big integers', () => {
    expect(() => parseJsonLossless('{"A":283117732402483989,')).toThrow(BodyParseError);
    expect(() => parseJsonLossless('{"A":"unterminated 283117732402483989}')).toThrow(BodyParseError);
    expect(() => parseJsonLossless('{"A":1,}')).toThrow(BodyParseError);
  });
});
