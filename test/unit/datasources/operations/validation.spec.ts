/** Free-text validation: each refusal says what is actually wrong with the value. */
import { BadInputError } from '../../../../src/datasources/errors';
import { text } from '../../../../src/datasources/operations/validation';

function messageFor(value: unknown): string | undefined {
  try {
    text(value, 'filter.name', 128);
  } catch (error) {
    if (error instanceof BadInputError) return error.message;
    throw error;
  }
  return undefined;
}

describe('text()', () => {
  it('accepts unicode with paired surrogates (emoji)', () => {
    expect(messageFor('naïve 中文 😀')).toBeUndefined();
  });

  it.each([
    ['a high surrogate alone', 'a\ud800b'],
    ['a low surrogate alone', 'a\udc00b'],
    ['a high surrogate at the end', 'ab\ud83d'],
    ['two high surrogates', '\ud83d\ud83d\ude00'],
  ])('refuses %s as invalid Unicode, not as a control character', (_what, value) => {
    expect(messageFor(value)).toBe('filter.name must be valid Unicode (no unpaired surrogate)');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['C1 control', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
  ])('refuses %s as a control character', (_what, value) => {
    expect(messageFor(value)).toBe('filter.name must not contain control characters');
  });

  it('checks the length first', () => {
    expect(messageFor('')).toBe('filter.name must be a string of 1 to 128 characters');
    expect(messageFor('x'.repeat(129))).toBe('filter.name must be a string of 1 to 128 characters');
  });
});
