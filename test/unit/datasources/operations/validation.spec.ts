/** Validation rules: each refusal says what is actually wrong with the value. */
import { BadInputError } from '../../../../src/datasources/errors';
import * as v from '../../../../src/datasources/operations/validation';

function messageFor(value: unknown): string | undefined {
  try {
    v.text(value, 'filter.name', 128);
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

describe('resource attribute rules', () => {
  const refused = (rule: (value: unknown, field: string) => unknown, value: unknown): boolean => {
    try {
      rule(value, 'input.x');
      return false;
    } catch (error) {
      if (error instanceof BadInputError && error.field === 'input.x') return true;
      throw error;
    }
  };

  it.each([
    ['edge-vbr_1.a', false],
    ['边界路由器', false],
    ['a', true],
    ['1st', true],
    ['-dash', true],
    ['has space', true],
    [`a${'b'.repeat(128)}`, true],
    [42, true],
  ])('name %p refused: %p', (value, expected) => {
    expect(refused(v.resourceName, value)).toBe(expected);
  });

  it.each([
    ['Uplink to DC 2', false],
    ['x', true],
    ['2 uplinks', true],
    ['http://evil.example', true],
    [`A${'b'.repeat(256)}`, true],
    ['tab\there', true],
  ])('description %p refused: %p', (value, expected) => {
    expect(refused(v.resourceDescription, value)).toBe(expected);
  });

  it.each([
    [v.ipv4Address, '10.0.0.1', false],
    [v.ipv4Address, '10.0.0.256', true],
    [v.ipv4Address, '2001:db8::1', true],
    [v.ipv6Address, '2001:db8::1', false],
    [v.ipv6Address, '10.0.0.1', true],
    [v.ipv6Cidr, '2408:4004:cc:400::/56', false],
    [v.ipv6Cidr, '2408:4004:cc:400::/129', true],
    [v.ipv6Cidr, '2408:4004:cc:400::', true],
    [v.ipv6Cidr, '2408::/56/1', true],
    [v.peeringSubnetMask, '255.255.255.0', false],
    [v.peeringSubnetMask, '255.255.255.252', false],
    [v.peeringSubnetMask, '255.255.254.0', true],
    [v.peeringSubnetMask, '255.255.255.254', true],
    [v.peeringSubnetMask, '255.255.255.9', true],
    [v.peeringSubnetMask, '24', true],
    [v.circuitCode, 'longtel001', false],
    [v.circuitCode, 'a b', true],
    [v.vbrBandwidth, 100, false],
    [v.vbrBandwidth, 123, true],
  ])('%p(%p) refused: %p', (rule, value, expected) => {
    expect(refused(rule as (value: unknown, field: string) => unknown, value)).toBe(expected);
  });

  it('sameSubnet follows the mask', () => {
    expect(v.sameSubnet('10.0.0.1', '10.0.0.2', '255.255.255.252')).toBe(true);
    expect(v.sameSubnet('10.0.0.2', '10.0.0.5', '255.255.255.252')).toBe(false);
    expect(v.sameSubnet('10.0.0.2', '10.0.0.250', '255.255.255.0')).toBe(true);
  });
});
