/**
 * DescribePhysicalConnections filtered by id looks the ids up instead of scanning every circuit
 * (benchmark seeds hold thousands): the answer must be what the scan gave, creation order, other
 * conditions, ownership, region and paging included, also after circuits are created and deleted.
 */
import { DEMO_ACCOUNTS, DEMO_IDS, generateSeed } from '../../../../src/emulator/domain';
import { harness, HZ, items, type Body } from './harness';

const ids = (body: Body) => items(body, 'PhysicalConnectionSet', 'PhysicalConnectionType').map((c) => c.PhysicalConnectionId);
const byIds = (list: string[], extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  PageSize: '50',
  'Filter.1.Key': 'PhysicalConnectionId',
  ...Object.fromEntries(list.map((id, i) => [`Filter.1.Value.${i + 1}`, id])),
  ...extra,
});

describe('DescribePhysicalConnections by id', () => {
  it('answers in creation order whatever the order of the filter values, and counts only matches', () => {
    const h = harness({ seed: generateSeed({ connections: 3000, vbrsPerConnection: [0, 0] }) });
    const all = ids(h.call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50', PageNumber: '1' }));
    const wanted = [all[40], all[3], 'pc-bp1doesnotexist000', all[17], all[3]] as string[];
    const body = h.call('DescribePhysicalConnections', byIds(wanted));
    expect(ids(body)).toEqual([all[3], all[17], all[40]]);
    expect(body).toMatchObject({ TotalCount: 3, PageNumber: 1 });
    const page2 = h.call('DescribePhysicalConnections', byIds(wanted, { PageSize: '2', PageNumber: '2' }));
    expect(ids(page2)).toEqual([all[40]]);
  });

  it('still applies every other condition, the owner and the region', () => {
    const h = harness();
    const mixed = [DEMO_IDS.enabledWithVbrs, DEMO_IDS.tenantVpconn, DEMO_IDS.shanghaiEnabledWithVbr, DEMO_IDS.enabledWithTransientVbrs];
    expect(ids(h.call('DescribePhysicalConnections', byIds(mixed)))).toEqual([DEMO_IDS.enabledWithVbrs, DEMO_IDS.enabledWithTransientVbrs]);
    expect(ids(h.call('DescribePhysicalConnections', byIds(mixed, { 'Filter.2.Key': 'Status', 'Filter.2.Value.1': 'Disabled' })))).toEqual([]);
    expect(ids(h.call('DescribePhysicalConnections', byIds(mixed), DEMO_ACCOUNTS.tenant))).toEqual([DEMO_IDS.tenantVpconn]);
  });

  it('keeps creation order for circuits created later, and forgets deleted ones', () => {
    const h = harness();
    const first = ids(h.call('DescribePhysicalConnections', { RegionId: HZ, PageSize: '50' }))[0] as string;
    // Asked once before the creation: the order is already computed and must be extended.
    expect(ids(h.call('DescribePhysicalConnections', byIds([first])))).toEqual([first]);
    const created = h.call('CreatePhysicalConnection', {
      RegionId: HZ,
      AccessPointId: 'ap-cn-hangzhou-xs-A',
      LineOperator: 'CT',
      PortType: '10GBase-LR',
    }).PhysicalConnectionId as string;
    expect(ids(h.call('DescribePhysicalConnections', byIds([created, first])))).toEqual([first, created]);
    h.call('CancelPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: created });
    h.call('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: created });
    expect(ids(h.call('DescribePhysicalConnections', byIds([created, first])))).toEqual([first]);
  });
});
