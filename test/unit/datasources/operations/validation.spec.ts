/** Validation rules: each refusal says what is actually wrong with the value. */
import { BadInputError } from '../../../../src/datasources/errors';
import {
  downDelayTime,
  oneOfNumbers,
  resourceDescription,
  resourceName,
  SHARED_CIRCUIT_BANDWIDTHS,
  text,
} from '../../../../src/datasources/operations/validation';
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

describe('the attribute rules of the lifecycle writes', () => {
  const refusal = (check: () => unknown): string | undefined => {
    try {
      check();
    } catch (error) {
      if (error instanceof BadInputError) return error.message;
      throw error;
    }
    return undefined;
  };

  it.each(['ab', 'edge-1', 'Edge_1.b', '专线一', 'a'.repeat(128)])('resourceName accepts %s', (name) => {
    expect(refusal(() => resourceName(name, 'input.name'))).toBeUndefined();
  });

  it.each(['a', '1edge', '-edge', 'has space', 'a'.repeat(129), 'tab\there', ''])('resourceName refuses %j', (name) => {
    expect(refusal(() => resourceName(name, 'input.name'))).toMatch(/^input\.name must be 2 to 128 characters/);
  });

  it('resourceDescription: 2 to 256 characters, a letter first, no URL', () => {
    expect(refusal(() => resourceDescription('Primary line, 2nd floor', 'd'))).toBeUndefined();
    expect(refusal(() => resourceDescription('x', 'd'))).toBe('d must be a string of 2 to 256 characters');
    expect(refusal(() => resourceDescription('1st line', 'd'))).toMatch(/must start with a letter/);
    expect(refusal(() => resourceDescription('https://example.com', 'd'))).toMatch(/must not start with http/);
    expect(refusal(() => resourceDescription('line\nbreak', 'd'))).toBe('d must not contain control characters');
  });

  it('downDelayTime: 0 to 10000 in steps of 100', () => {
    expect(refusal(() => downDelayTime(300, 'd'))).toBeUndefined();
    expect(refusal(() => downDelayTime(150, 'd'))).toBe('d must be a multiple of 100');
    expect(refusal(() => downDelayTime(10_100, 'd'))).toBe('d must be an integer between 0 and 10000');
  });

  it('oneOfNumbers: the shared circuit bandwidths', () => {
    expect(refusal(() => oneOfNumbers(50, 'b', SHARED_CIRCUIT_BANDWIDTHS))).toBeUndefined();
    expect(refusal(() => oneOfNumbers(60, 'b', SHARED_CIRCUIT_BANDWIDTHS))).toMatch(/^b must be one of 50, 100/);
  });
});
