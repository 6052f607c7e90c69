/**
 * What every read path of the data source asks the upstream for, over MockAgent: reservation data
 * on every circuit read (loader, list, fresh), and page walks that refuse a list too long to read
 * completely instead of answering with part of it, read a list without TotalCount to its end, and
 * stop fetching once a page failed.
 */
import { createVpcBackend, type VpcBackend } from '../../../../src/datasources';
import { MAX_PAGES_PER_WALK, walkAllPages } from '../../../../src/datasources/reads/page-walk';
import type { UnexpectedValueEvent } from '../../../../src/datasources/options';
import type { ListResult } from '../../../../src/datasources/operations/requests';
import { ORIGIN, STATIC_CREDENTIALS, mockUpstream, type Handler, type MockUpstream, type RecordedRequest } from '../support/mock-upstream';
import { fakeVpc, type FakeCircuit } from '../support/fake-vpc';

const open: { backend: VpcBackend; upstream: MockUpstream }[] = [];
function setup(handler: Handler) {
  const events: UnexpectedValueEvent[] = [];
  const upstream = mockUpstream(handler);
  const backend = createVpcBackend({
    endpoint: ORIGIN,
    credentials: STATIC_CREDENTIALS,
    dispatcher: upstream.agent,
    retry: { maxAttempts: 1 },
    hooks: { onUnexpectedValue: (e) => events.push(e) },
  });
  open.push({ backend, upstream });
  return { upstream, backend, ds: backend.forRequest(), events };
}
afterEach(async () => {
  for (const { backend, upstream } of open.splice(0)) {
    await backend.close();
    await upstream.close();
  }
});

describe('reservation data', () => {
  // As the upstream does it: the pending-order fields only when IncludeReservationData=true.
  const withReservation = (req: RecordedRequest): FakeCircuit => {
    const included = req.query.IncludeReservationData === 'true';
    return {
      PhysicalConnectionId: 'pc-res1',
      Status: 'Enabled',
      HasReservationData: included,
      ...(included ? { ReservationOrderType: 'RENEW', ReservationActiveTime: '2027-02-25T11:01:04Z', ReservationInternetChargeType: 'PayByBandwidth' } : {}),
    };
  };
  const handler: Handler = (req, i) => fakeVpc({ circuits: [withReservation(req)] })(req, i);
  const expected = {
    id: 'pc-res1',
    hasReservationData: true,
    reservationOrderType: 'RENEW',
    reservationInternetChargeType: 'PayByBandwidth',
    reservationActiveTime: new Date('2027-02-25T11:01:04Z'),
  };

  it('the by-id loader, the list and the fresh read all ask for it, and map it', async () => {
    const { upstream, backend, ds } = setup(handler);
    expect(await ds.physicalConnection('cn-hangzhou', 'pc-res1')).toMatchObject(expected);
    expect((await ds.physicalConnections('cn-hangzhou', {}, { pageNumber: 1, pageSize: 10 })).items[0]).toMatchObject(expected);
    expect(await ds.freshPhysicalConnection('cn-hangzhou', 'pc-res1')).toMatchObject(expected);
    expect(await backend.api.describePhysicalConnections({ regionId: 'cn-hangzhou' })).toMatchObject({ items: [expected] });
    expect(upstream.requests).toHaveLength(4);
    expect(upstream.requests.map((r) => r.query.IncludeReservationData)).toEqual(['true', 'true', 'true', 'true']);
  });

  it('a typed-API caller can still leave it out', async () => {
    const { upstream, backend } = setup(handler);
    const list = await backend.api.describePhysicalConnections({ regionId: 'cn-hangzhou', includeReservationData: false });
    expect(list.items[0]).toMatchObject({ hasReservationData: false, reservationOrderType: null });
    expect(upstream.requests[0]?.query.IncludeReservationData).toBe('false');
  });
});

describe('page walks longer than MAX_PAGES_PER_WALK', () => {
  const pageSize = 50;
  /** A list that claims `total` items; page 1 carries one real item, the other pages none. */
  function claims(total: number, action: string, setKey: string, itemKey: string, item: Record<string, unknown>): Handler {
    return (req) => {
      if (req.action !== action) return { status: 500, body: { RequestId: 'R-unexpected', Code: 'InternalError' } };
      const pageNumber = Number(req.query.PageNumber);
      return {
        status: 200,
        body: { RequestId: `R-${pageNumber}`, TotalCount: total, PageNumber: pageNumber, PageSize: pageSize, [setKey]: { [itemKey]: pageNumber === 1 ? [item] : [] } },
      };
    };
  }
  const tooMany = MAX_PAGES_PER_WALK * pageSize + 1;
  const vbrs = (total: number) =>
    claims(total, 'DescribeVirtualBorderRouters', 'VirtualBorderRouterSet', 'VirtualBorderRouterType', { VbrId: 'vbr-w1', PhysicalConnectionId: 'pc-w1', Status: 'active', VlanId: 1 });

  it('VBRs of a circuit: the walk fails after page 1 (no fan-out) with Gateway.ListTooLong, reported through the hook', async () => {
    const { upstream, ds, events } = setup(vbrs(tooMany));
    const error = await ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-w1').catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'UpstreamError',
      kind: 'UNKNOWN',
      code: 'Gateway.ListTooLong',
      action: 'DescribeVirtualBorderRouters',
      requestId: 'R-1',
      retryable: false,
    });
    expect((error as Error).message).toContain(`${tooMany} items`);
    expect(upstream.requests).toHaveLength(1);
    expect(events).toEqual([
      { action: 'DescribeVirtualBorderRouters', resourceId: null, field: 'TotalCount', value: String(tooMany), consequence: 'list-refused' },
    ]);
  });

  it('exactly MAX_PAGES_PER_WALK pages are still walked, every one of them', async () => {
    const { upstream, ds, events } = setup(vbrs(MAX_PAGES_PER_WALK * pageSize));
    const list = await ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-w1');
    expect(list.map((v) => v.id)).toEqual(['vbr-w1']);
    expect(upstream.requests).toHaveLength(MAX_PAGES_PER_WALK);
    expect(new Set(upstream.requests.map((r) => r.query.PageNumber)).size).toBe(MAX_PAGES_PER_WALK);
    expect(events).toEqual([]);
  });

  it('VBRs by id and circuits by id fail the same way', async () => {
    const vbrById = setup(vbrs(tooMany));
    await expect(vbrById.ds.vbr('cn-hangzhou', 'vbr-w1')).rejects.toMatchObject({ code: 'Gateway.ListTooLong', action: 'DescribeVirtualBorderRouters' });
    expect(vbrById.upstream.requests).toHaveLength(1);

    const circuits = setup(
      claims(tooMany, 'DescribePhysicalConnections', 'PhysicalConnectionSet', 'PhysicalConnectionType', { PhysicalConnectionId: 'pc-w1', Status: 'Enabled' }),
    );
    await expect(circuits.ds.physicalConnection('cn-hangzhou', 'pc-w1')).rejects.toMatchObject({ code: 'Gateway.ListTooLong', action: 'DescribePhysicalConnections' });
    expect(circuits.upstream.requests).toHaveLength(1);
    expect(circuits.events.map((e) => e.consequence)).toEqual(['list-refused']);
  });

  it('the fresh attachment read that decides a terminate refuses an incomplete list too', async () => {
    const { upstream, ds, events } = setup(
      claims(
        tooMany,
        'DescribeVirtualBorderRoutersForPhysicalConnection',
        'VirtualBorderRouterForPhysicalConnectionSet',
        'VirtualBorderRouterForPhysicalConnectionType',
        { VbrId: 'vbr-w1', Status: 'active', VlanId: 1 },
      ),
    );
    await expect(ds.freshVbrAttachments('cn-hangzhou', 'pc-w1')).rejects.toMatchObject({
      code: 'Gateway.ListTooLong',
      action: 'DescribeVirtualBorderRoutersForPhysicalConnection',
    });
    expect(upstream.requests).toHaveLength(1);
    expect(events).toHaveLength(1);
  });
});

describe('page walks of a list without TotalCount', () => {
  /** `total` VBRs on one circuit, served 50 a page with no TotalCount in any body. */
  function uncounted(total: number, action: string, setKey: string, itemKey: string, withCircuit: boolean): Handler {
    return (req) => {
      if (req.action !== action) return { status: 500, body: { RequestId: 'R-unexpected', Code: 'InternalError' } };
      const pageNumber = Number(req.query.PageNumber);
      const pageSize = Number(req.query.PageSize);
      const first = (pageNumber - 1) * pageSize;
      const ids = Array.from({ length: Math.max(0, Math.min(pageSize, total - first)) }, (_, i) => `vbr-u${first + i}`);
      const items = ids.map((id, i) => ({ VbrId: id, Status: 'active', VlanId: first + i, ...(withCircuit ? { PhysicalConnectionId: 'pc-u1' } : {}) }));
      return { status: 200, body: { RequestId: `R-${pageNumber}`, PageNumber: pageNumber, PageSize: pageSize, [setKey]: { [itemKey]: items } } };
    };
  }

  it('VBRs of a circuit: read page after page until a short one, nothing dropped, reported once', async () => {
    const { upstream, ds, events } = setup(uncounted(107, 'DescribeVirtualBorderRouters', 'VirtualBorderRouterSet', 'VirtualBorderRouterType', true));
    const vbrs = await ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-u1');
    expect(vbrs).toHaveLength(107);
    expect(new Set(vbrs.map((v) => v.id)).size).toBe(107);
    expect(upstream.requests.map((r) => r.query.PageNumber)).toEqual(['1', '2', '3']);
    expect(events).toEqual([
      { action: 'DescribeVirtualBorderRouters', resourceId: null, field: 'TotalCount', value: '', consequence: 'walked-to-short-page' },
    ]);
  });

  it('the attachment read that decides a terminate sees the VBRs past page 1', async () => {
    const { upstream, ds } = setup(
      uncounted(
        51,
        'DescribeVirtualBorderRoutersForPhysicalConnection',
        'VirtualBorderRouterForPhysicalConnectionSet',
        'VirtualBorderRouterForPhysicalConnectionType',
        false,
      ),
    );
    expect(await ds.freshVbrAttachments('cn-hangzhou', 'pc-u1')).toHaveLength(51);
    expect(upstream.requests).toHaveLength(2);
  });

  it('a short first page is the whole list: one call, nothing reported', async () => {
    const { upstream, ds, events } = setup(uncounted(3, 'DescribeVirtualBorderRouters', 'VirtualBorderRouterSet', 'VirtualBorderRouterType', true));
    expect(await ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-u1')).toHaveLength(3);
    expect(upstream.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('a list that never runs short is refused after MAX_PAGES_PER_WALK pages', async () => {
    const { upstream, ds, events } = setup(uncounted(Number.MAX_SAFE_INTEGER, 'DescribeVirtualBorderRouters', 'VirtualBorderRouterSet', 'VirtualBorderRouterType', true));
    await expect(ds.vbrsOfPhysicalConnection('cn-hangzhou', 'pc-u1')).rejects.toMatchObject({ code: 'Gateway.ListTooLong', requestId: 'R-1' });
    expect(upstream.requests).toHaveLength(MAX_PAGES_PER_WALK);
    expect(events.map((e) => e.consequence)).toEqual(['walked-to-short-page', 'list-refused']);
  });
});

describe('a page walk with a failing page', () => {
  const page = (pageNumber: number): ListResult<{ id: string }> => ({
    items: Array.from({ length: 50 }, (_, i) => ({ id: `x-${pageNumber}-${i}` })),
    rejected: [],
    totalCount: 20 * 50,
    totalCountReported: true,
    pageNumber,
    pageSize: 50,
    requestId: `R-${pageNumber}`,
  });
  /** Every callback of already settled promises has run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('starts no further page once one failed (the pages already in flight finish)', async () => {
    const requested: number[] = [];
    const held = new Map<number, (value: ListResult<{ id: string }>) => void>();
    const failure = new Error('page 2 refused');
    const walk = walkAllPages<{ id: string }>(
      (pageNumber) => {
        requested.push(pageNumber);
        if (pageNumber === 1) return Promise.resolve(page(1));
        if (pageNumber === 2) return Promise.reject(failure);
        return new Promise((resolve) => held.set(pageNumber, resolve));
      },
      (item) => item.id,
      { action: 'DescribeVirtualBorderRouters', report: () => undefined },
    );
    await expect(walk).rejects.toBe(failure);
    // Pages 3..9 were already in flight (8 workers); let them answer, one after the other.
    for (const [pageNumber, resolve] of held) {
      resolve(page(pageNumber));
      await settle();
    }
    expect(requested).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
