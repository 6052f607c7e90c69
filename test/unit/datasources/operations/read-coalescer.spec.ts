/**
 * Cross-request read sharing: the ReadCoalescer itself (deferred fetches, a manual clock), then
 * the backend wiring over MockAgent (what is a "same read", fresh reads, invalidation by writes).
 */
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../../../src/datasources';
import { UpstreamError } from '../../../../src/datasources/errors';
import type { SharedReadEvent } from '../../../../src/datasources/options';
import { ReadCoalescer, type ReadSharingSettings, type SharedReadRequest } from '../../../../src/datasources/operations/read-coalescer';
import { fakeVpc, type FakeCircuit } from '../support/fake-vpc';
import { ORIGIN, STATIC_CREDENTIALS, apiError, mockUpstream, type Handler, type MockUpstream } from '../support/mock-upstream';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A fetch whose calls are recorded and settled by the test. */
function scriptedFetch() {
  const calls: { signal: AbortSignal; result: Deferred<string> }[] = [];
  return {
    calls,
    fetch: (signal: AbortSignal) => {
      const result = deferred<string>();
      calls.push({ signal, result });
      return result.promise;
    },
  };
}

const COALESCE_ONLY: ReadSharingSettings = { coalesce: true, cacheTtlMs: 0, cacheMaxEntries: 100 };
const cancelled = () => new Error('cancelled by the caller');

function request(fetch: (signal: AbortSignal) => Promise<string>, extra: Partial<SharedReadRequest<string>> = {}): SharedReadRequest<string> {
  return { key: 'k', scope: 'cn-hangzhou', fetch, cancelled, ...extra };
}

describe('ReadCoalescer', () => {
  it('sends concurrent identical reads once and gives every caller the result', async () => {
    const reads = new ReadCoalescer<string>(COALESCE_ONLY);
    const upstream = scriptedFetch();
    const shared: string[] = [];
    const waiting = [1, 2, 3].map(() => reads.read(request(upstream.fetch, { onShared: (s) => shared.push(s) })));
    expect(upstream.calls).toHaveLength(1);
    upstream.calls[0]?.result.resolve('page');
    await expect(Promise.all(waiting)).resolves.toEqual(['page', 'page', 'page']);
    expect(shared).toEqual(['coalesced', 'coalesced']);
    expect(reads.size).toEqual({ flights: 0, pending: 0, cached: 0 });
    // Settled: the next read is a new call (coalescing is not caching).
    void reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
  });

  it('keeps different keys apart', async () => {
    const reads = new ReadCoalescer<string>(COALESCE_ONLY);
    const upstream = scriptedFetch();
    const a = reads.read(request(upstream.fetch, { key: 'a' }));
    const b = reads.read(request(upstream.fetch, { key: 'b' }));
    expect(upstream.calls).toHaveLength(2);
    upstream.calls[0]?.result.resolve('A');
    upstream.calls[1]?.result.resolve('B');
    await expect(Promise.all([a, b])).resolves.toEqual(['A', 'B']);
  });

  it('shares a failure with the callers of that call, then forgets it', async () => {
    const reads = new ReadCoalescer<string>({ ...COALESCE_ONLY, cacheTtlMs: 10_000 });
    const upstream = scriptedFetch();
    const first = reads.read(request(upstream.fetch));
    const second = reads.read(request(upstream.fetch));
    const failure = new Error('ServiceUnavailable');
    upstream.calls[0]?.result.reject(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    const retry = reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
    upstream.calls[1]?.result.resolve('recovered');
    await expect(retry).resolves.toBe('recovered');
  });

  it('lets a cancelled caller go at once and cancels the shared call only when nobody waits', async () => {
    const reads = new ReadCoalescer<string>(COALESCE_ONLY);
    const upstream = scriptedFetch();
    const a = new AbortController();
    const b = new AbortController();
    const first = reads.read(request(upstream.fetch, { signal: a.signal }));
    const second = reads.read(request(upstream.fetch, { signal: b.signal }));
    const shared = upstream.calls[0];
    a.abort();
    await expect(first).rejects.toThrow('cancelled by the caller');
    expect(shared?.signal.aborted).toBe(false);
    b.abort();
    await expect(second).rejects.toThrow('cancelled by the caller');
    expect(shared?.signal.aborted).toBe(true);
    // No longer joinable, but still pending until the cancelled call settles.
    expect(reads.size).toMatchObject({ flights: 0, pending: 1 });
    // A cancelled call is not joined: a new caller gets a call of its own.
    const third = reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
    shared?.result.reject(new Error('aborted'));
    upstream.calls[1]?.result.resolve('fresh');
    await expect(third).resolves.toBe('fresh');
    expect(reads.size).toEqual({ flights: 0, pending: 0, cached: 0 });
  });

  it('refuses an already cancelled caller without sending anything', async () => {
    const reads = new ReadCoalescer<string>(COALESCE_ONLY);
    const upstream = scriptedFetch();
    await expect(reads.read(request(upstream.fetch, { signal: AbortSignal.abort() }))).rejects.toThrow('cancelled by the caller');
    expect(upstream.calls).toHaveLength(0);
  });

  it('caches successes for the TTL only (manual clock)', async () => {
    let now = 1_000;
    const reads = new ReadCoalescer<string>({ coalesce: true, cacheTtlMs: 500, cacheMaxEntries: 10 }, () => now);
    const upstream = scriptedFetch();
    const shared: string[] = [];
    const first = reads.read(request(upstream.fetch));
    upstream.calls[0]?.result.resolve('v1');
    await first;
    now += 499;
    await expect(reads.read(request(upstream.fetch, { onShared: (s) => shared.push(s) }))).resolves.toBe('v1');
    expect(shared).toEqual(['cache']);
    expect(upstream.calls).toHaveLength(1);
    // Older than the TTL (an entry exactly as old as the TTL is still served).
    now += 2;
    const expired = reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
    upstream.calls[1]?.result.resolve('v2');
    await expect(expired).resolves.toBe('v2');
  });

  it('caches nothing and shares nothing when both are off', async () => {
    const reads = new ReadCoalescer<string>({ coalesce: false, cacheTtlMs: 0, cacheMaxEntries: 10 });
    expect(reads.enabled).toBe(false);
    const upstream = scriptedFetch();
    void reads.read(request(upstream.fetch));
    void reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
    for (const call of upstream.calls) call.result.resolve('x');
  });

  it('a write invalidates its scope: the cache is dropped and reads in flight are neither joined nor cached', async () => {
    const reads = new ReadCoalescer<string>({ coalesce: true, cacheTtlMs: 60_000, cacheMaxEntries: 10 });
    const upstream = scriptedFetch();
    const elsewhere = reads.read(request(upstream.fetch, { key: 'sh', scope: 'cn-shanghai' }));
    upstream.calls[0]?.result.resolve('shanghai');
    await elsewhere;
    const cachedBefore = reads.read(request(upstream.fetch, { key: 'hz' }));
    upstream.calls[1]?.result.resolve('before');
    await cachedBefore;
    const inFlight = reads.read(request(upstream.fetch, { key: 'hz2' }));

    reads.invalidate('cn-hangzhou');
    expect(reads.size).toEqual({ flights: 0, pending: 1, cached: 1 });

    const afterWrite = reads.read(request(upstream.fetch, { key: 'hz2' }));
    expect(upstream.calls).toHaveLength(3 + 1);
    // The older read answers last: it must not overwrite the newer one in the cache.
    upstream.calls[3]?.result.resolve('read after the write');
    await expect(afterWrite).resolves.toBe('read after the write');
    upstream.calls[2]?.result.resolve('read before the write');
    await expect(inFlight).resolves.toBe('read before the write');
    // The pre-write read was not cached over the post-write one, and `hz` was dropped.
    await expect(reads.read(request(upstream.fetch, { key: 'hz2' }))).resolves.toBe('read after the write');
    void reads.read(request(upstream.fetch, { key: 'hz' }));
    expect(upstream.calls).toHaveLength(5);
    upstream.calls[4]?.result.resolve('after');
    // Another region keeps its cache.
    await expect(reads.read(request(upstream.fetch, { key: 'sh', scope: 'cn-shanghai' }))).resolves.toBe('shanghai');
    expect(upstream.calls).toHaveLength(5);
  });

  it('with coalescing off, a read in flight during a write is still kept out of the cache', async () => {
    const reads = new ReadCoalescer<string>({ coalesce: false, cacheTtlMs: 60_000, cacheMaxEntries: 10 });
    const upstream = scriptedFetch();
    const before = reads.read(request(upstream.fetch));
    reads.invalidate('cn-hangzhou');
    upstream.calls[0]?.result.resolve('read before the write');
    await expect(before).resolves.toBe('read before the write');
    expect(reads.size).toEqual({ flights: 0, pending: 0, cached: 0 });
    void reads.read(request(upstream.fetch));
    expect(upstream.calls).toHaveLength(2);
    upstream.calls[1]?.result.resolve('after');
  });

  it('evicts the oldest entries beyond cacheMaxEntries', async () => {
    const reads = new ReadCoalescer<string>({ coalesce: true, cacheTtlMs: 60_000, cacheMaxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await reads.read(request(async () => key, { key }));
    expect(reads.size.cached).toBe(2);
    const upstream = scriptedFetch();
    await expect(reads.read(request(upstream.fetch, { key: 'c' }))).resolves.toBe('c');
    void reads.read(request(upstream.fetch, { key: 'a' }));
    expect(upstream.calls).toHaveLength(1);
    upstream.calls[0]?.result.resolve('a again');
  });

  it('a cache hit keeps its entry: the least recently used one is evicted', async () => {
    const reads = new ReadCoalescer<string>({ coalesce: true, cacheTtlMs: 60_000, cacheMaxEntries: 2 });
    for (const key of ['a', 'b']) await reads.read(request(async () => key, { key }));
    const upstream = scriptedFetch();
    await expect(reads.read(request(upstream.fetch, { key: 'a' }))).resolves.toBe('a');
    await reads.read(request(async () => 'c', { key: 'c' }));
    await expect(reads.read(request(upstream.fetch, { key: 'a' }))).resolves.toBe('a');
    void reads.read(request(upstream.fetch, { key: 'b' }));
    expect(upstream.calls).toHaveLength(1);
    upstream.calls[0]?.result.resolve('b again');
  });
});

// ------------------------------------------------------------------------------------------------

const open: { backend: VpcBackend; upstream: MockUpstream }[] = [];
function setup(handler: Handler, options: Partial<VpcBackendOptions> = {}) {
  const upstream = mockUpstream(handler, { delayMs: 20 });
  const shared: SharedReadEvent[] = [];
  const backend = createVpcBackend({
    endpoint: ORIGIN,
    credentials: STATIC_CREDENTIALS,
    dispatcher: upstream.agent,
    retry: { maxAttempts: 1 },
    hooks: { onSharedRead: (e) => shared.push(e) },
    ...options,
  });
  open.push({ backend, upstream });
  return { upstream, backend, shared };
}
afterEach(async () => {
  for (const { backend, upstream } of open.splice(0)) {
    await backend.close();
    await upstream.close();
  }
});

const circuit = (id: string, extra: Partial<FakeCircuit> = {}): FakeCircuit => ({ PhysicalConnectionId: id, Status: 'Enabled', ...extra });
const CIRCUITS = [circuit('pc-a1'), circuit('pc-b2'), circuit('pc-sh1', { RegionId: 'cn-shanghai' })];
const page = { pageNumber: 1, pageSize: 50 };

describe('read sharing in the backend (default: coalescing on, cache off)', () => {
  it('shares one upstream call among requests reading the same list at the same time', async () => {
    const { upstream, backend, shared } = setup(fakeVpc({ circuits: CIRCUITS }));
    const pages = await Promise.all(
      Array.from({ length: 5 }, () => backend.forRequest().physicalConnections('cn-hangzhou', {}, page)),
    );
    expect(upstream.count('DescribePhysicalConnections')).toBe(1);
    expect(pages.map((p) => p.items.map((pc) => pc.id))).toEqual(Array.from({ length: 5 }, () => ['pc-a1', 'pc-b2']));
    expect(shared).toEqual(Array.from({ length: 4 }, () => ({ action: 'DescribePhysicalConnections', regionId: 'cn-hangzhou', source: 'coalesced' })));
    // Not a cache: once answered, the next read goes upstream again.
    await backend.forRequest().physicalConnections('cn-hangzhou', {}, page);
    expect(upstream.count('DescribePhysicalConnections')).toBe(2);
  });

  it('never merges reads that differ in region, page, filter or action', async () => {
    const { upstream, backend } = setup(fakeVpc({ circuits: CIRCUITS }));
    const ds = () => backend.forRequest();
    await Promise.all([
      ds().physicalConnections('cn-hangzhou', {}, page),
      ds().physicalConnections('cn-shanghai', {}, page),
      ds().physicalConnections('cn-hangzhou', {}, { pageNumber: 2, pageSize: 50 }),
      ds().physicalConnections('cn-hangzhou', { ids: ['pc-a1'] }, page),
      ds().physicalConnections('cn-hangzhou', { names: ['pc-a1'] }, page),
      ds().vbrs('cn-hangzhou', {}, page),
    ]);
    expect(upstream.count('DescribePhysicalConnections')).toBe(5);
    expect(upstream.count('DescribeVirtualBorderRouters')).toBe(1);
  });

  it('sends every fresh read (the terminate preconditions), even with identical reads in flight and cached', async () => {
    const { upstream, backend } = setup(
      fakeVpc({ circuits: CIRCUITS, attachments: { 'pc-a1': [{ VbrId: 'vbr-x1', Status: 'active' }] } }),
      { readSharing: { cacheTtlMs: 60_000 } },
    );
    const request = { regionId: 'cn-hangzhou', filter: { ids: ['pc-a1'] }, pageNumber: 1, pageSize: 50 };
    await backend.api.describePhysicalConnections(request);
    expect(upstream.count('DescribePhysicalConnections')).toBe(1);
    await backend.api.describePhysicalConnections(request);
    expect(upstream.count('DescribePhysicalConnections')).toBe(1);
    const ds = backend.forRequest();
    // freshPhysicalConnection sends exactly the cached read's parameters: it must still go upstream.
    const [pc, again, attachments, attachmentsAgain] = await Promise.all([
      ds.freshPhysicalConnection('cn-hangzhou', 'pc-a1'),
      backend.forRequest().freshPhysicalConnection('cn-hangzhou', 'pc-a1'),
      ds.freshVbrAttachments('cn-hangzhou', 'pc-a1'),
      backend.forRequest().freshVbrAttachments('cn-hangzhou', 'pc-a1'),
    ]);
    expect(pc?.id).toBe('pc-a1');
    expect(again?.id).toBe('pc-a1');
    expect(attachments.map((a) => a.vbrId)).toEqual(['vbr-x1']);
    expect(attachmentsAgain).toEqual(attachments);
    expect(upstream.count('DescribePhysicalConnections')).toBe(3);
    expect(upstream.count('DescribeVirtualBorderRoutersForPhysicalConnection')).toBe(2);
    // And they fill no cache: the next shared read of the same page is still the cached one.
    await backend.api.describePhysicalConnections(request);
    expect(upstream.count('DescribePhysicalConnections')).toBe(3);
  });

  it('with the cache on, a terminate drops the cached reads of its region, whatever its outcome', async () => {
    let terminateReply = { status: 200, body: { RequestId: 'R-term' } } as ReturnType<Handler>;
    const vpc = fakeVpc({ circuits: CIRCUITS });
    const { upstream, backend, shared } = setup((req, i) => (req.action === 'TerminatePhysicalConnection' ? terminateReply : vpc(req, i)), {
      readSharing: { cacheTtlMs: 60_000 },
    });
    const list = () => backend.forRequest().physicalConnections('cn-hangzhou', {}, page);
    const shanghai = () => backend.forRequest().physicalConnections('cn-shanghai', {}, page);
    await Promise.all([list(), shanghai()]);
    await Promise.all([list(), shanghai()]);
    expect(upstream.count('DescribePhysicalConnections')).toBe(2);
    expect(shared.filter((e) => e.source === 'cache')).toHaveLength(2);

    await backend.forRequest().terminatePhysicalConnection('cn-hangzhou', 'pc-a1');
    await Promise.all([list(), shanghai()]);
    expect(upstream.count('DescribePhysicalConnections')).toBe(3);

    terminateReply = apiError(400, 'Forbidden.NotAllowedInState');
    await expect(backend.forRequest().terminatePhysicalConnection('cn-hangzhou', 'pc-a1')).rejects.toBeInstanceOf(UpstreamError);
    await list();
    expect(upstream.count('DescribePhysicalConnections')).toBe(4);
  });

  it('a request that goes away stops waiting for a shared read; the others still get it', async () => {
    const { upstream, backend } = setup(fakeVpc({ circuits: CIRCUITS }));
    const leaving = new AbortController();
    const gone = backend.forRequest({ signal: leaving.signal }).physicalConnections('cn-hangzhou', {}, page);
    const staying = backend.forRequest().physicalConnections('cn-hangzhou', {}, page);
    leaving.abort();
    await expect(gone).rejects.toMatchObject({ code: 'Request.Cancelled' });
    await expect(staying).resolves.toMatchObject({ totalCount: 2 });
    expect(upstream.count('DescribePhysicalConnections')).toBe(1);
  });

  it('shares nothing with VPC_READ_COALESCING off, and refuses invalid settings at construction', async () => {
    const { upstream, backend } = setup(fakeVpc({ circuits: CIRCUITS }), { readSharing: { coalesce: false } });
    await Promise.all([1, 2, 3].map(() => backend.forRequest().physicalConnections('cn-hangzhou', {}, page)));
    expect(upstream.count('DescribePhysicalConnections')).toBe(3);
    expect(() => createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, readSharing: { cacheTtlMs: -1 } })).toThrow(RangeError);
    expect(() => createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, readSharing: { cacheTtlMs: 60_001 } })).toThrow(RangeError);
    expect(() => createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, readSharing: { cacheMaxEntries: 0 } })).toThrow(RangeError);
  });
});
