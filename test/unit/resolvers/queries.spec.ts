/** Read resolvers against a fake data source: defaults, pagination, validation, VBRs, regions (relations: relations.spec.ts). */
import { encodeCursor } from '../../../src/resolvers/pagination';
import { makePhysicalConnection, makeVbr } from './support/fixtures';
import { FakeDataSource, upstreamError } from './support/fake-data-source';
import { startHarness, type Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

const ids = (count: number, prefix = 'pc-c') =>
  Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(3, '0')}`);

function circuits(count: number): FakeDataSource {
  return new FakeDataSource(ids(count).map((id) => makePhysicalConnection({ id })));
}

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $regionId: String, $filter: PhysicalConnectionFilter) {
    physicalConnections(first: $first, after: $after, regionId: $regionId, filter: $filter) {
      totalCount
      edges { cursor node { id } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface ListData {
  physicalConnections: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describe('physicalConnection(id)', () => {
  const DETAIL = /* GraphQL */ `
    query Detail($id: ID!, $regionId: String) {
      physicalConnection(id: $id, regionId: $regionId) {
        id regionId status businessStatus lineOperator chargeType productType loaStatus
        creationTime enabledTime endTime bandwidth hasReservationData
        tags { key value }
        macsecKeys { ckn cipherSuite status startOn }
      }
    }
  `;

  it('returns the circuit with enums, DateTime scalars, tags and MACsec keys (no CAK field exists)', async () => {
    const ds = new FakeDataSource([
      makePhysicalConnection({
        id: 'pc-abc1',
        tags: [{ key: 'team', value: 'net' }],
        macsecKeys: [{ ckn: 'ckn1', cipherSuite: 'GCM-AES-XPN-256', startOn: null, status: 'active' }],
      }),
    ]);
    const { data, errors } = await harness.run(ds, DETAIL, { id: 'pc-abc1' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      physicalConnection: {
        id: 'pc-abc1',
        regionId: 'cn-hangzhou',
        status: 'ENABLED',
        businessStatus: 'NORMAL',
        lineOperator: 'CT',
        chargeType: 'PREPAID',
        productType: 'PHYSICAL_CONNECTION',
        loaStatus: 'AVAILABLE',
        creationTime: '2021-08-24T07:30:58.000Z',
        enabledTime: '2021-08-24T07:33:18.000Z',
        endTime: null,
        bandwidth: 1000,
        hasReservationData: false,
        tags: [{ key: 'team', value: 'net' }],
        macsecKeys: [{ ckn: 'ckn1', cipherSuite: 'GCM-AES-XPN-256', status: 'active', startOn: null }],
      },
    });
    expect(ds.callsOf('physicalConnection')[0]?.args).toEqual(['cn-hangzhou', 'pc-abc1']);
  });

  it('is null when absent, and asks the given region', async () => {
    const ds = circuits(1);
    const { data, errors } = await harness.run(ds, DETAIL, { id: 'pc-c000', regionId: 'eu-central-1' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ physicalConnection: null });
    expect(ds.callsOf('physicalConnection')[0]?.args).toEqual(['eu-central-1', 'pc-c000']);
  });

  it('defaults the region to the context default', async () => {
    const ds = circuits(0);
    await harness.run(ds, DETAIL, { id: 'pc-c000' }, { defaultRegionId: 'ap-southeast-1' });
    expect(ds.callsOf('physicalConnection')[0]?.args).toEqual(['ap-southeast-1', 'pc-c000']);
  });

  it.each([
    ['id', { id: 'PC-ABC' }],
    ['id', { id: 'pc-a b' }],
    ['regionId', { id: 'pc-abc', regionId: 'cn-hangzhou:443' }],
  ])('BAD_USER_INPUT on %s %j, nothing sent', async (field, variables) => {
    const ds = circuits(1);
    const { data, errors } = await harness.run(ds, DETAIL, variables);
    expect(data).toEqual({ physicalConnection: null });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect(errors?.[0]?.path).toEqual(['physicalConnection']);
    expect(ds.calls).toEqual([]);
  });
});

describe('physicalConnections pagination', () => {
  it('defaults to 20 per page from the first page of the default region', async () => {
    const ds = circuits(45);
    const { data, errors } = await harness.run<ListData>(ds, LIST);
    expect(errors).toBeUndefined();
    const list = data?.physicalConnections;
    expect(list?.totalCount).toBe(45);
    expect(list?.nodes.map((node) => node.id)).toEqual(ids(45).slice(0, 20));
    expect(list?.edges.map((edge) => edge.node.id)).toEqual(ids(45).slice(0, 20));
    expect(list?.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: list?.edges[0]?.cursor,
      endCursor: list?.edges[19]?.cursor,
    });
    expect(ds.callsOf('physicalConnections').map((call) => call.args)).toEqual([
      ['cn-hangzhou', {}, { pageNumber: 1, pageSize: 20 }],
    ]);
  });

  it('walks every page with endCursor, one upstream call per page, and ends with hasNextPage false', async () => {
    const ds = circuits(45);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: { data: ListData | null | undefined } = await harness.run<ListData>(ds, LIST, { first: 20, after });
      const list = page.data?.physicalConnections;
      seen.push(...(list?.nodes.map((node) => node.id) ?? []));
      if (!list?.pageInfo.hasNextPage) {
        expect(list?.pageInfo.hasPreviousPage).toBe(true);
        break;
      }
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(45));
    expect(ds.callsOf('physicalConnections').map((call) => call.args[2])).toEqual([
      { pageNumber: 1, pageSize: 20 },
      { pageNumber: 2, pageSize: 20 },
      { pageNumber: 3, pageSize: 20 },
    ]);
  });

  it('serves a window not aligned to the page size with at most two upstream pages', async () => {
    const ds = circuits(30);
    const { data } = await harness.run<ListData>(ds, LIST, { first: 10, after: encodeCursor(4) });
    expect(data?.physicalConnections.nodes.map((node) => node.id)).toEqual(ids(30).slice(5, 15));
    expect(data?.physicalConnections.pageInfo.hasPreviousPage).toBe(true);
    expect(ds.callsOf('physicalConnections').map((call) => call.args[2])).toEqual([
      { pageNumber: 1, pageSize: 10 },
      { pageNumber: 2, pageSize: 10 },
    ]);
  });

  it('returns an empty page with null cursors past the end', async () => {
    const ds = circuits(3);
    const { data } = await harness.run<ListData>(ds, LIST, { first: 5, after: encodeCursor(2) });
    expect(data?.physicalConnections).toEqual({
      totalCount: 3,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it.each([
    ['after', { after: 'garbage!' }],
    ['after', { after: '' }],
    ['after', { after: Buffer.from('v1:-1').toString('base64url') }],
    ['after', { after: Buffer.from('v2:10').toString('base64url') }],
    ['after', { after: Buffer.from('v1:99999999').toString('base64url') }],
    ['after', { after: Buffer.from('v1:010').toString('base64url') }],
    ['first', { first: 0 }],
    ['first', { first: 51 }],
    ['first', { first: -3 }],
    ['filter.ids', { filter: { ids: ['pc-ok1', 'not-an-id'] } }],
    ['filter.statuses', { filter: { statuses: [] } }],
    ['regionId', { regionId: 'CN-HANGZHOU' }],
  ])('BAD_USER_INPUT on %s (%j), nothing sent', async (field, variables) => {
    const ds = circuits(3);
    const { data, errors } = await harness.run(ds, LIST, variables);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect(ds.calls).toEqual([]);
  });

  it('passes the filter through as plain upstream keys, dropping nulls', async () => {
    const ds = circuits(3);
    const { data } = await harness.run<ListData>(ds, LIST, {
      filter: { ids: ['pc-c001', 'pc-c002'], statuses: ['ENABLED'], names: null },
    });
    expect(data?.physicalConnections.nodes).toEqual([{ id: 'pc-c001' }, { id: 'pc-c002' }]);
    expect(ds.callsOf('physicalConnections')[0]?.args[1]).toEqual({ ids: ['pc-c001', 'pc-c002'], statuses: ['ENABLED'] });
  });

  it('maps a failing list read to a whole-field error', async () => {
    const ds = circuits(3).fail(
      'physicalConnections',
      upstreamError({ kind: 'THROTTLED', code: 'Throttling', retryable: true, action: 'DescribePhysicalConnections' }),
    );
    const { data, errors } = await harness.run(ds, LIST);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_THROTTLED',
      retryable: true,
      upstream: { code: 'Throttling', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
    });
  });

  it('maps an unknown region refused upstream to BAD_USER_INPUT on regionId', async () => {
    const ds = circuits(1).fail(
      'physicalConnections',
      upstreamError({ kind: 'NOT_FOUND', code: 'InvalidRegionId.NotFound', httpStatus: 404 }),
    );
    const { errors } = await harness.run(ds, LIST, { regionId: 'xx-nowhere-1' });
    expect(errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'regionId',
      upstream: { code: 'InvalidRegionId.NotFound', httpStatus: 404, requestId: 'REQ-FAKE-0001' },
    });
  });
});

describe('vbr, vbrs and regions', () => {
  const VBRS = /* GraphQL */ `
    query Vbrs($filter: VbrFilter, $first: Int) {
      vbrs(filter: $filter, first: $first) {
        totalCount
        nodes { id status vlanId physicalConnectionId physicalConnection { id status } }
      }
    }
  `;

  it('lists VBRs with their circuit through the circuit loader', async () => {
    const ds = new FakeDataSource(
      [makePhysicalConnection({ id: 'pc-one' })],
      [makeVbr({ id: 'vbr-x1', physicalConnectionId: 'pc-one' }), makeVbr({ id: 'vbr-x2', physicalConnectionId: null })],
    );
    const { data, errors } = await harness.run(ds, VBRS, { first: 5 });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      vbrs: {
        totalCount: 2,
        nodes: [
          { id: 'vbr-x1', status: 'ACTIVE', vlanId: 10, physicalConnectionId: 'pc-one', physicalConnection: { id: 'pc-one', status: 'ENABLED' } },
          { id: 'vbr-x2', status: 'ACTIVE', vlanId: 10, physicalConnectionId: null, physicalConnection: null },
        ],
      },
    });
    expect(ds.callsOf('physicalConnection').map((call) => call.args)).toEqual([['cn-hangzhou', 'pc-one']]);
    expect(ds.callsOf('vbrs')[0]?.args).toEqual(['cn-hangzhou', {}, { pageNumber: 1, pageSize: 5 }]);
  });

  it.each([
    ['filter.ids', { filter: { ids: ['pc-notavbr'] } }],
    ['filter.physicalConnectionIds', { filter: { physicalConnectionIds: ['vbr-notapc'] } }],
  ])('validates %s', async (field, variables) => {
    const ds = new FakeDataSource();
    const { errors } = await harness.run(ds, VBRS, variables);
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect(ds.calls).toEqual([]);
  });

  it('vbr(id) returns one VBR or null, validating the id', async () => {
    const ds = new FakeDataSource([], [makeVbr({ id: 'vbr-x1', physicalConnectionId: 'pc-one' })]);
    const query = 'query($id: ID!) { vbr(id: $id) { id regionId creationTime } }';
    expect((await harness.run(ds, query, { id: 'vbr-x1' })).data).toEqual({
      vbr: { id: 'vbr-x1', regionId: 'cn-hangzhou', creationTime: '2021-06-08T12:20:55.000Z' },
    });
    expect((await harness.run(ds, query, { id: 'vbr-nope' })).data).toEqual({ vbr: null });
    const bad = await harness.run(ds, query, { id: 'pc-abc' });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'id' });
  });

  it('regions lists what the data source reports', async () => {
    const ds = new FakeDataSource();
    const { data } = await harness.run(ds, '{ regions { regionId localName regionEndpoint } }');
    expect(data).toEqual({
      regions: [{ regionId: 'cn-hangzhou', localName: 'China (Hangzhou)', regionEndpoint: 'vpc.aliyuncs.com' }],
    });
    expect(ds.callsOf('regions')[0]?.args).toEqual([{}]);
  });

  it('regions passes the language through; an unknown one is refused by GraphQL before any call', async () => {
    const ds = new FakeDataSource();
    const english = await harness.run(ds, '{ regions(language: EN_US) { regionId } }');
    expect(english.errors).toBeUndefined();
    expect(ds.callsOf('regions')[0]?.args).toEqual([{ language: 'EN_US' }]);
    const bad = await harness.run(ds, '{ regions(language: JA) { regionId } }');
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ds.callsOf('regions')).toHaveLength(1);
  });
});
