import { NonceMemory } from '../../../../src/emulator/http/nonce-memory';

describe('NonceMemory', () => {
  const window = 1000;
  const T0 = Date.parse('2025-01-01T00:00:00Z');
  let clock = T0;
  const at = (ms: number) => {
    clock = T0 + ms;
  };
  const memory = (maxEntries: number) => {
    at(0);
    return new NonceMemory(() => clock, maxEntries, window);
  };

  it('refuses a nonce reused by the same key within the window; keys are independent', () => {
    const nonces = memory(10);
    expect(nonces.remember('k1', 'n', T0)).toBe(true);
    at(500);
    expect(nonces.remember('k1', 'n', T0)).toBe(false);
    expect(nonces.remember('k2', 'n', T0)).toBe(true);
    at(1001);
    expect(nonces.remember('k1', 'n', T0)).toBe(true);
  });

  it('keeps a nonce with a future timestamp until that timestamp + window', () => {
    const nonces = memory(10);
    nonces.remember('k', 'n', T0 + 800);
    at(1500);
    expect(nonces.remember('k', 'n', T0 + 800)).toBe(false);
    at(1801);
    expect(nonces.remember('k', 'n', T0 + 800)).toBe(true);
  });

  it('is hard-bounded, forgetting the oldest first', () => {
    const nonces = memory(3);
    for (const n of ['a', 'b', 'c', 'd']) nonces.remember('k', n, T0);
    expect(nonces.size).toBe(3);
    expect(nonces.remember('k', 'd', T0)).toBe(false);
    expect(nonces.remember('k', 'a', T0)).toBe(true);
  });

  it('prunes expired entries as time passes', () => {
    const nonces = memory(100);
    for (let i = 0; i < 50; i += 1) nonces.remember('k', `n${i}`, T0);
    at(5000);
    nonces.remember('k', 'late', T0 + 5000);
    expect(nonces.size).toBe(1);
  });
});
