/** Cursor encoding and the page window arithmetic, without GraphQL. */
import type { Page } from '../../../src/datasources/models';
import type { PageRequest } from '../../../src/datasources/types';
import { decodeCursor, encodeCursor, pageWindow, paginate } from '../../../src/resolvers/pagination';
import { BadUserInputError } from '../../../src/schema/errors';

function upstreamOf(total: number) {
  const requests: PageRequest[] = [];
  const all = Array.from({ length: total }, (_, index) => index);
  const fetchPage = async (page: PageRequest): Promise<Page<number>> => {
    requests.push(page);
    const start = (page.pageNumber - 1) * page.pageSize;
    return { items: all.slice(start, start + page.pageSize), totalCount: total, ...page, requestId: 'R' };
  };
  return { requests, fetchPage };
}

it('round-trips offsets through opaque cursors', () => {
  for (const offset of [0, 1, 49, 50, 12345, 100000]) expect(decodeCursor(encodeCursor(offset))).toBe(offset);
  expect(encodeCursor(7)).not.toContain('7');
});

it.each(['', '!!!', 'djE6', 'djE6LTE', 'djI6MQ', 'djE6MDE', 'djE6MTAwMDAx', 'a'.repeat(33), 'djE6MQ=='])(
  'rejects cursor %j as BAD_USER_INPUT on after',
  (cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect((thrown as BadUserInputError).extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'after' });
  },
);

it('defaults first to 20 and validates it', () => {
  expect(pageWindow(undefined, undefined)).toEqual({ offset: 0, first: 20 });
  expect(pageWindow(50, encodeCursor(49))).toEqual({ offset: 50, first: 50 });
  for (const bad of [0, 51, 1.5, -1]) expect(() => pageWindow(bad, null)).toThrow(BadUserInputError);
});

it('an aligned window costs one upstream page', async () => {
  const upstream = upstreamOf(120);
  const page = await paginate({ offset: 50, first: 50 }, upstream.fetchPage);
  expect(upstream.requests).toEqual([{ pageNumber: 2, pageSize: 50 }]);
  expect(page.nodes).toEqual(Array.from({ length: 50 }, (_, index) => 50 + index));
  expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  expect(decodeCursor(page.pageInfo.endCursor ?? '')).toBe(99);
});

it('an unaligned window costs two pages, or one at the end of the list', async () => {
  const middle = upstreamOf(30);
  expect((await paginate({ offset: 7, first: 10 }, middle.fetchPage)).nodes).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  expect(middle.requests).toEqual([
    { pageNumber: 1, pageSize: 10 },
    { pageNumber: 2, pageSize: 10 },
  ]);
  const tail = upstreamOf(10);
  const last = await paginate({ offset: 7, first: 10 }, tail.fetchPage);
  expect(last.nodes).toEqual([7, 8, 9]);
  expect(last.pageInfo.hasNextPage).toBe(false);
  expect(tail.requests).toHaveLength(1);
});
