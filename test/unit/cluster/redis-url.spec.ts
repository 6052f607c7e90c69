/** GATEWAY_REDIS_URL: what is accepted, and how it is shown (never with its password). */
import { parseRedisUrl, redactRedisUrl, redisPassword } from '../../../src/cluster/redis-url';

describe('Redis URLs', () => {
  it('accepts redis:// and rediss:// with an optional user, password, port and database', () => {
    for (const ok of ['redis://127.0.0.1', 'redis://cache:6379/0', 'rediss://gw:pw@cache.internal:6380/15', 'redis://:p%40ss@[::1]:6379']) {
      expect(parseRedisUrl(ok)).not.toBeNull();
    }
  });

  it('refuses other schemes, a missing host, query parameters (client options) and a path that is not a database', () => {
    for (const bad of ['http://cache', 'redis://', 'redis://cache?enableOfflineQueue=true', 'redis://cache/db', 'redis://cache/1/2', 'redis://cache#x', 'cache:6379']) {
      expect(parseRedisUrl(bad)).toBeNull();
    }
  });

  it('shows the URL with the password masked, and gives the decoded password for scrubbing', () => {
    expect(redactRedisUrl('redis://:p%40ss@cache:6379/2')).toBe('redis://:***@cache:6379/2');
    expect(redactRedisUrl('rediss://gw:secret@cache')).toBe('rediss://gw:***@cache');
    expect(redactRedisUrl('redis://cache:6379')).toBe('redis://cache:6379');
    expect(redactRedisUrl('nonsense')).toBe('(invalid Redis URL)');
    expect(redisPassword('redis://:p%40ss@cache')).toBe('p@ss');
    expect(redisPassword('redis://cache')).toBeNull();
  });
});
