/** The backend options: defaults applied once, and every out-of-range option refused at construction. */
import { createVpcBackend } from '../../../src/datasources';
import { resolveSettings, type VpcBackendOptions } from '../../../src/datasources/options';

describe('resolveSettings', () => {
  it('applies the documented defaults', () => {
    expect(resolveSettings({})).toEqual({
      endpoint: null,
      signatureVersion: 'v3',
      connectionsPerOrigin: 128,
      timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000, totalMs: 15_000 },
      retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 3_000, budgetMs: 20_000 },
      userAgent: null,
      maxResponseBytes: 8 * 1024 * 1024,
      readSharing: { coalesce: true, cacheTtlMs: 0, cacheMaxEntries: 1_000 },
    });
  });

  it('keeps what was set, at the edges of each range', () => {
    const settings = resolveSettings({
      endpoint: '127.0.0.1:9100',
      signatureVersion: 'v1',
      connectionsPerOrigin: 4096,
      timeouts: { connectMs: 1, totalMs: 3_600_000 },
      retry: { maxAttempts: 20, baseDelayMs: 1, maxDelayMs: 1 },
      userAgent: 'console/1.0 (ops)',
      readSharing: { coalesce: false, cacheTtlMs: 60_000, cacheMaxEntries: 100_000 },
    });
    expect(settings).toMatchObject({
      endpoint: { origin: 'https://127.0.0.1:9100', host: '127.0.0.1:9100' },
      signatureVersion: 'v1',
      connectionsPerOrigin: 4096,
      timeouts: { connectMs: 1, headersMs: 10_000, bodyMs: 10_000, totalMs: 3_600_000 },
      retry: { maxAttempts: 20, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 20_000 },
      userAgent: 'console/1.0 (ops)',
      readSharing: { coalesce: false, cacheTtlMs: 60_000, cacheMaxEntries: 100_000 },
    });
  });

  it.each<[string, VpcBackendOptions, RegExp]>([
    ['connectionsPerOrigin', { connectionsPerOrigin: 0 }, /connectionsPerOrigin must be an integer from 1 to 4096 \(got 0\)/],
    ['connectionsPerOrigin', { connectionsPerOrigin: 2.5 }, /connectionsPerOrigin must be an integer from 1 to 4096/],
    ['timeouts.connectMs', { timeouts: { connectMs: 3_600_001 } }, /timeouts\.connectMs must be an integer from 1 to 3600000/],
    ['timeouts.totalMs', { timeouts: { totalMs: Number.NaN } }, /timeouts\.totalMs must be an integer from 1 to 3600000 \(got NaN\)/],
    ['retry.maxAttempts', { retry: { maxAttempts: 21 } }, /retry\.maxAttempts must be an integer from 1 to 20/],
    ['retry.budgetMs', { retry: { budgetMs: '500' as never } }, /retry\.budgetMs must be an integer from 1 to 3600000/],
    ['readSharing.cacheTtlMs', { readSharing: { cacheTtlMs: -1 } }, /readSharing\.cacheTtlMs must be an integer from 0 to 60000/],
    ['readSharing.coalesce', { readSharing: { coalesce: 'yes' as never } }, /readSharing\.coalesce must be true or false/],
    ['signatureVersion', { signatureVersion: 'v2' as never }, /signatureVersion must be one of v3, v1 \(got v2\)/],
    ['userAgent', { userAgent: 'tab\there' }, /userAgent must be 1\.\.128 printable ASCII characters/],
    ['userAgent', { userAgent: '' }, /userAgent must be 1\.\.128 printable ASCII characters/],
  ])('refuses an invalid %s at construction, naming it', (_name, options, message) => {
    expect(() => resolveSettings(options)).toThrow(RangeError);
    expect(() => resolveSettings(options)).toThrow(message);
    expect(() => createVpcBackend({ ...options, credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } })).toThrow(message);
  });

  it('refuses a backoff cap below its base, defaults included', () => {
    expect(() => resolveSettings({ retry: { baseDelayMs: 500, maxDelayMs: 100 } })).toThrow('retry.maxDelayMs must be >= retry.baseDelayMs');
    expect(() => resolveSettings({ retry: { baseDelayMs: 5_000 } })).toThrow('retry.maxDelayMs must be >= retry.baseDelayMs');
  });

  it('refuses an endpoint with a path (the override rule of endpoints.ts)', () => {
    expect(() => resolveSettings({ endpoint: 'http://127.0.0.1:9100/vpc' })).toThrow(RangeError);
  });
});
