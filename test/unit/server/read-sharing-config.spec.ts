/** The read-sharing settings: defaults (coalescing on, cache off) and refusals. */
import { resolveSettings } from '../../../src/datasources/options';
import { loadConfig } from '../../../src/server/config';
import { configProblems } from '../../support/config-problems';

describe('VPC_READ_* settings', () => {
  /** What the data source runs with for these variables. */
  const resolved = (env: Record<string, string>) => resolveSettings({ readSharing: loadConfig(env).upstream.readSharing }).readSharing;

  it('default to coalescing on and no cache', () => {
    expect(resolved({})).toEqual({ coalesce: true, cacheTtlMs: 0, cacheMaxEntries: 1000 });
  });

  it('accept switching coalescing off and a cache of up to a minute', () => {
    expect(resolved({ VPC_READ_COALESCING: 'off', VPC_READ_CACHE_TTL_MS: '60000' })).toEqual({
      coalesce: false,
      cacheTtlMs: 60_000,
      cacheMaxEntries: 1000,
    });
  });

  it('refuse values out of range, naming each variable', () => {
    expect(configProblems({ VPC_READ_COALESCING: 'sometimes', VPC_READ_CACHE_TTL_MS: '60001', VPC_READ_CACHE_MAX_ENTRIES: '0' })).toEqual({
      VPC_READ_COALESCING: 'must be true or false',
      VPC_READ_CACHE_TTL_MS: 'must be an integer from 0 to 60000',
      VPC_READ_CACHE_MAX_ENTRIES: 'must be an integer from 1 to 100000',
    });
    expect(configProblems({ VPC_READ_CACHE_TTL_MS: '-5' })).toEqual({ VPC_READ_CACHE_TTL_MS: 'must be an integer from 0 to 60000' });
  });
});
