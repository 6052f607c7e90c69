import { NonceMemory } from '../../../../src/emulator/http/nonce-memory';

describe('NonceMemory', () => {
  const window = 1000;

  it('refuses a nonce reused by the same key within the window; keys are independent', () => {
    const memory = new NonceMemory(10, window);
    expect(memory.remember('k1', 'n', 0, 0)).toBe(true);
    expect(memory.remember('k1', 'n', 0, 500)).toBe(false);
    expect(memory.remember('k2', 'n', 0, 500)).toBe(true);
    expect(memory.remember('k1', 'n', 0, 1001)).toBe(true);
  });

  it('keeps a nonce with a future timestamp until that timestamp + window', () => {
    const memory = new NonceMemory(10, window);
    memory.remember('k', 'n', 800, 0);
    expect(memory.remember('k', 'n', 800, 1500)).toBe(false);
    expect(memory.remember('k', 'n', 800, 1801)).toBe(true);
  });

  it('is hard-bounded, forgetting the oldest first', () => {
    const memory = new NonceMemory(3, window);
    for (const n of ['a', 'b', 'c', 'd']) memory.remember('k', n, 0, 0);
    expect(memory.size).toBe(3);
    expect(memory.remember('k', 'd', 0, 0)).toBe(false);
    expect(memory.remember('k', 'a', 0, 0)).toBe(true);
  });

  it('prunes expired entries as time passes', () => {
    const memory = new NonceMemory(100, window);
    for (let i = 0; i < 50; i += 1) memory.remember('k', `n${i}`, 0, 0);
    memory.remember('k', 'late', 5000, 5000);
    expect(memory.size).toBe(1);
  });
});
