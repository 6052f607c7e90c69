/**
 * Behaviour kept by the hot-path trims (BENCHMARKS.md): GraphQL responses still say
 * `cache-control: no-store` without Apollo's cache-control plugin, and at LOG_LEVEL=warn no
 * request line is written while warnings still are. (That the line is not even built is a CPU
 * matter, visible only in `node bench/profile.mjs`, not asserted here.)
 */
import { startTestGateway, type TestGateway } from './support';

const running: TestGateway[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

describe('hot path', () => {
  it('answers GraphQL with cache-control: no-store, on POST and GET, success and error', async () => {
    const t = await startTestGateway();
    running.push(t);
    const ok = await t.graphql({ query: '{ regions { regionId } }' });
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const failed = await t.graphql({ query: '{ physicalConnection(id: "not-an-id") { id } }' });
    expect(failed.json<{ errors: unknown[] }>().errors).toHaveLength(1);
    expect(failed.headers['cache-control']).toBe('no-store');
    const get = await t.http('GET', `/graphql?query=${encodeURIComponent('{ regions { regionId } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.headers['cache-control']).toBe('no-store');
  });

  it('writes no request line at warn, yet still writes warnings', async () => {
    const t = await startTestGateway({ LOG_LEVEL: 'warn' });
    running.push(t);
    await t.control.addFault({ action: 'DescribeRegions', type: 'error', httpStatus: 400, code: 'InvalidParameter' });
    await t.graphql({ query: '{ regions { regionId } }' });
    expect(t.logs.find((l) => l.msg === 'request')).toEqual([]);
    expect(t.logs.find((l) => l.level === 'warn').length).toBeGreaterThan(0);
  });
});
