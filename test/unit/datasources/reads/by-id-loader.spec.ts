/**
 * The generic by-id batch on a scripted list (no network): chunks per region and per 50 ids, one
 * walk each, and every key answered from its own chunk (item, rejection, failure or null).
 */
import { UpstreamError } from '../../../../src/datasources/errors';
import type { ListResult } from '../../../../src/datasources/operations/requests';
import { regionId } from '../../../../src/datasources/operations/validation';
import { loadByIds, type ByIdKey, type ByIdSource } from '../../../../src/datasources/reads/by-id-loader';

interface Item {
  id: string;
}

const HZ = regionId('cn-hangzhou');
const SH = regionId('cn-shanghai');
const key = (region: typeof HZ, id: string): ByIdKey => ({ regionId: region, id });

const broken = (id: string) =>
  new UpstreamError({ kind: 'UNKNOWN', code: 'Response.UnexpectedValue', httpStatus: 200, requestId: 'R', hostId: null, action: 'List', message: `${id} unreadable`, retryable: false });

/** Lists whatever ids it is asked for, except `missing`; `rejected` come back unmapped; a region in `failing` fails. */
function source(opts: { missing?: string[]; rejected?: string[]; failing?: string[] } = {}) {
  const calls: { regionId: string; ids: readonly string[] }[] = [];
  const src: ByIdSource<Item> = {
    page: async (regionId, ids, pageNumber, pageSize) => {
      calls.push({ regionId, ids });
      if (opts.failing?.includes(regionId)) throw broken(regionId);
      const listed = ids.filter((id) => !opts.missing?.includes(id));
      const result: ListResult<Item> = {
        items: listed.filter((id) => !opts.rejected?.includes(id)).map((id) => ({ id })),
        rejected: listed.filter((id) => opts.rejected?.includes(id)).map((id) => ({ id, ownerId: null, error: broken(id) })),
        totalCount: listed.length,
        totalCountReported: true,
        pageNumber,
        pageSize,
        requestId: 'R',
      };
      return result;
    },
    idOf: (item) => item.id,
    subject: { action: 'List', report: () => undefined },
  };
  return { src, calls };
}

describe('loadByIds', () => {
  it('one call per region and per 50 ids, duplicates asked once, answers in key order', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `pc-${i}`);
    const keys = [...ids.map((id) => key(HZ, id)), key(SH, 'pc-sh'), key(HZ, 'pc-0')];
    const { src, calls } = source();
    const answers = await loadByIds(keys, src);
    expect(calls.map((c) => [c.regionId, c.ids.length])).toEqual([
      ['cn-hangzhou', 50],
      ['cn-hangzhou', 50],
      ['cn-hangzhou', 20],
      ['cn-shanghai', 1],
    ]);
    expect(answers).toEqual(keys.map((k) => ({ id: k.id })));
  });

  it('a key not listed is null; a rejected item fails its key only; a failed chunk fails its keys only', async () => {
    const { src } = source({ missing: ['pc-gone'], rejected: ['pc-odd'], failing: ['cn-shanghai'] });
    const [gone, odd, fine, elsewhere] = await loadByIds([key(HZ, 'pc-gone'), key(HZ, 'pc-odd'), key(HZ, 'pc-ok'), key(SH, 'pc-sh')], src);
    expect(gone).toBeNull();
    expect(odd).toMatchObject({ code: 'Response.UnexpectedValue', message: 'pc-odd unreadable' });
    expect(fine).toEqual({ id: 'pc-ok' });
    expect(elsewhere).toMatchObject({ message: 'cn-shanghai unreadable' });
  });
});
