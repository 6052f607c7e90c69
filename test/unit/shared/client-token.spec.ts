/**
 * The one ClientToken rule: what it accepts and refuses, and that the gateway's validation and the
 * emulator apply the very same function (so neither side can drift from the other again).
 */
import { BadInputError } from '../../../src/datasources/errors';
import { validation } from '../../../src/datasources';
import { isValidClientToken as emulatorRule } from '../../../src/emulator/domain/rules';
import { CLIENT_TOKEN_RULE, isValidClientToken } from '../../../src/shared/client-token';

const { clientToken } = validation;

const ACCEPTED = [
  'a',
  'x'.repeat(64),
  '02fb3da4-130e-11e9-8e44-0016e04115b',
  'TF-TerminatePhysicalConnection-1700000000-8d5c',
  'Case-Sensitive',
  // Every printable ASCII character but space, in one token.
  Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('').slice(0, 64),
  Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('').slice(64),
];

const REFUSED: Array<[string, string]> = [
  ['empty', ''],
  ['65 characters', 'x'.repeat(65)],
  ['a space inside', 'my token'],
  ['a leading space', ' token'],
  ['a trailing space', 'token '],
  ['a tab', 'tok\ten'],
  ['a newline', 'tok\nen'],
  ['DEL', 'tok\u007fen'],
  ['NUL', 'tok\u0000en'],
  ['Latin-1', 'tökén'],
  ['non-breaking space', 'tok\u00a0en'],
  ['emoji', 'tok😀'],
  ['a lone surrogate', 'tok\ud800'],
];

describe('the ClientToken rule', () => {
  it.each(ACCEPTED)('accepts %j', (token) => {
    expect(isValidClientToken(token)).toBe(true);
    expect(clientToken(token)).toBe(token);
  });

  it.each(REFUSED)('refuses %s', (_what, token) => {
    expect(isValidClientToken(token)).toBe(false);
    expect(() => clientToken(token)).toThrow(BadInputError);
  });

  it('is the same function on the emulator side', () => {
    expect(emulatorRule).toBe(isValidClientToken);
  });

  it("names the argument and the rule in the gateway's message, without echoing the value", () => {
    const error = (() => {
      try {
        clientToken('my secret token', 'input.clientToken');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).message).toBe(`input.clientToken must be ${CLIENT_TOKEN_RULE}`);
    expect((error as BadInputError).message).toContain('no spaces');
    expect((error as BadInputError).message).not.toContain('secret');
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, ['tok'], { token: 'tok' }]) {
      expect(() => clientToken(value)).toThrow(BadInputError);
    }
  });
});
