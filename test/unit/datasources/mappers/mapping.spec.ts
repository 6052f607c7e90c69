import { mapPhysicalConnection } from '../../../../src/datasources/mappers/physical-connection';
import { mapRegions } from '../../../../src/datasources/mappers/region';
import { mapPhysicalConnectionPage, mapVbrAttachmentPage } from '../../../../src/datasources/mappers/responses';
import type { MapContext, Raw } from '../../../../src/datasources/mappers/values';
import { mapVbr } from '../../../../src/datasources/mappers/vbr';
import { mapVbrAttachment } from '../../../../src/datasources/mappers/vbr-attachment';
import { UpstreamError } from '../../../../src/datasources/errors';
import type { UnexpectedValueEvent } from '../../../../src/datasources/options';
import { parseJsonLossless } from '../../../../src/datasources/wire/parse';

function context(): MapContext & { events: Omit<UnexpectedValueEvent, 'action'>[] } {
  const events: Omit<UnexpectedValueEvent, 'action'>[] = [];
  return { action: 'DescribeX', regionId: 'cn-hangzhou', requestId: 'REQ-1', unexpected: (e) => events.push(e), events };
}

const CIRCUIT_JSON = `{
  "PhysicalConnectionId": "pc-bp1ciz7ekd2grn1as",
  "Status": "Allocation Failed",
  "BusinessStatus": "Normal",
  "Name": "nametest",
  "Description": "",
  "AccessPointId": "ap-cn-hangzhou-finance-yh-E",
  "Bandwidth": 10,
  "ChargeType": "Prepaid",
  "CreationTime": "2021-08-24T07:30:58Z",
  "EnabledTime": "2021-08-24T07:33:18Z",
  "EndTime": "bogus",
  "HasReservationData": false,
  "LineOperator": "Equinix",
  "LoaStatus": "Available",
  "OrderMode": "PayByPhysicalConnectionOwner",
  "ParentPhysicalConnectionAliUid": 283117732402483989,
  "ProductType": "VirtualPhysicalConnection",
  "Tags": { "tags": [ { "Key": "FinanceDept", "Value": "FinanceJoshua" }, { "Key": "empty", "Value": "" } ] },
  "MacsecKeys": { "MacsecKey": [ { "Cak": "0123456789abcdef-SHARED-SECRET", "Ckn": "ckn-1", "CipherSuite": "GCM-AES-128", "StartOn": "2024-01-01", "Status": "active" } ] },
  "VlanId": "10",
  "VirtualPhysicalConnectionCount": 0,
  "DownDelayTime": 100,
  "VpconnStatus": "UnConfirmed",
  "Spec": "10G"
}`;

describe('mapPhysicalConnection', () => {
  it('maps every quirk of PhysicalConnectionType', () => {
    const ctx = context();
    const result = mapPhysicalConnection(parseJsonLossless(CIRCUIT_JSON) as Raw, ctx);
    if (!result.ok) throw result.error;
    const pc = result.value;
    expect(pc).toMatchObject({
      id: 'pc-bp1ciz7ekd2grn1as',
      regionId: 'cn-hangzhou',
      status: 'ALLOCATION_FAILED',
      businessStatus: 'NORMAL',
      name: 'nametest',
      description: null,
      bandwidth: 10,
      chargeType: 'PREPAID',
      endTime: null,
      hasReservationData: false,
      lineOperator: 'EQUINIX',
      loaStatus: 'AVAILABLE',
      orderMode: 'PAY_BY_PHYSICAL_CONNECTION_OWNER',
      parentPhysicalConnectionAliUid: '283117732402483989',
      productType: 'VIRTUAL_PHYSICAL_CONNECTION',
      tags: [
        { key: 'FinanceDept', value: 'FinanceJoshua' },
        { key: 'empty', value: '' },
      ],
      vlanId: '10',
      virtualPhysicalConnectionCount: 0,
      downDelayTime: 100,
      vpconnStatus: 'UNCONFIRMED',
      spec: 'SPEC_10G',
      macsecKeys: [{ ckn: 'ckn-1', cipherSuite: 'GCM-AES-128', startOn: '2024-01-01', status: 'active' }],
    });
    expect(pc.creationTime?.toISOString()).toBe('2021-08-24T07:30:58.000Z');
    expect(JSON.stringify(pc)).not.toContain('SHARED-SECRET');
    expect(Object.keys(pc.macsecKeys[0] ?? {})).not.toContain('cak');
    expect(ctx.events).toEqual([]);
  });

  it.each([
    ['AllocationFailed', 'ALLOCATION_FAILED'],
    ['Enabled', 'ENABLED'],
    ['terminating', 'TERMINATING'],
  ])('status %s -> %s', (raw, status) => {
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: raw }, context());
    expect(result.ok && result.value.status).toBe(status);
  });

  it.each([
    ['1G and below', 'SPEC_1G_AND_BELOW'],
    ['1g  AND below', 'SPEC_1G_AND_BELOW'],
    ['1G', 'SPEC_1G_AND_BELOW'],
    ['500M', 'SPEC_1G_AND_BELOW'],
    ['50M', 'SPEC_1G_AND_BELOW'],
    ['0.5G', 'SPEC_1G_AND_BELOW'],
    ['10G', 'SPEC_10G'],
    ['10000M', 'SPEC_10G'],
    ['40G', 'SPEC_40G'],
    ['100G', 'SPEC_100G'],
  ])('spec %j -> %s', (raw, spec) => {
    const ctx = context();
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: 'Enabled', Spec: raw }, ctx);
    expect(result.ok && result.value.spec).toBe(spec);
    expect(ctx.events).toEqual([]);
  });

  it.each(['2G', '400G', '0M', '10 gigs', 10])('spec %j is not a documented class: null, reported', (raw) => {
    const ctx = context();
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: 'Enabled', Spec: raw }, ctx);
    expect(result.ok && result.value.spec).toBeNull();
    expect(ctx.events).toEqual([{ resourceId: 'pc-a', field: 'Spec', value: String(raw), consequence: 'null' }]);
  });

  it('an absent spec is null and not reported', () => {
    const ctx = context();
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: 'Enabled', Spec: '' }, ctx);
    expect(result.ok && result.value.spec).toBeNull();
    expect(ctx.events).toEqual([]);
  });

  it('accepts HasReservationData typed as the string "false" and VlanId as a number', () => {
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: 'Enabled', HasReservationData: 'false', VlanId: 7 }, context());
    expect(result.ok && result.value.hasReservationData).toBe(false);
    expect(result.ok && result.value.vlanId).toBe('7');
  });

  it('an unknown optional enum value becomes null and is reported', () => {
    const ctx = context();
    const result = mapPhysicalConnection({ PhysicalConnectionId: 'pc-a', Status: 'Enabled', LineOperator: 'NewCarrier', BusinessStatus: 'Frozen' }, ctx);
    expect(result.ok && result.value.lineOperator).toBeNull();
    expect(result.ok && result.value.businessStatus).toBeNull();
    expect(ctx.events).toEqual([
      { resourceId: 'pc-a', field: 'BusinessStatus', value: 'Frozen', consequence: 'null' },
      { resourceId: 'pc-a', field: 'LineOperator', value: 'NewCarrier', consequence: 'null' },
    ]);
  });

  it('an unknown Status fails that item only, as an UpstreamError UNKNOWN', () => {
    const ctx = context();
    const page = mapPhysicalConnectionPage(
      {
        PhysicalConnectionSet: { PhysicalConnectionType: [
          { PhysicalConnectionId: 'pc-good', Status: 'Enabled' },
          { PhysicalConnectionId: 'pc-odd', Status: 'Suspended' },
        ] },
        TotalCount: 2,
        PageNumber: 1,
        PageSize: 50,
      },
      ctx,
      { pageNumber: 1, pageSize: 50 },
    );
    expect(page.items[0]?.ok).toBe(true);
    const bad = page.items[1];
    if (!bad || bad.ok) throw new Error('expected a rejected item');
    expect(bad.id).toBe('pc-odd');
    expect(bad.error).toBeInstanceOf(UpstreamError);
    expect(bad.error).toMatchObject({ kind: 'UNKNOWN', code: 'Response.UnexpectedValue', requestId: 'REQ-1', retryable: false });
    expect(ctx.events).toEqual([{ resourceId: 'pc-odd', field: 'Status', value: 'Suspended', consequence: 'item-rejected' }]);
  });
});

describe('mapVbr', () => {
  const raw = parseJsonLossless(`{
    "VbrId": "vbr-bp1jcg5cmxjbl9xgc",
    "Status": "active",
    "PhysicalConnectionId": "pc-119mfjzm7x",
    "PhysicalConnectionStatus": "Normal",
    "PhysicalConnectionBusinessStatus": "FinancialLocked",
    "VlanId": 10,
    "Bandwidth": 50,
    "CreationTime": "2020-06-08T12:20:55",
    "ActivationTime": "2021-06-08T12:20:55",
    "EcrAttatchStatus": "Attaching",
    "PConnVbrChargeType": "PrePaid",
    "EnableIpv6": false,
    "SitelinkEnable": "true",
    "Tags": { "Tags": [ { "Key": "k", "Value": "v" } ] },
    "AssociatedCens": { "AssociatedCen": [ { "CenId": "cen-1", "CenOwnerId": 283117732402483989, "CenStatus": "Attached" } ] },
    "AssociatedPhysicalConnections": { "AssociatedPhysicalConnection": { "PhysicalConnectionId": "pc-119mfjzm7x", "VlanId": "0", "Status": "active", "PhysicalConnectionStatus": "Enabled", "EnableIpv6": "true" } }
  }`) as Raw;

  it('maps VirtualBorderRouterType: zone-less times as UTC, Tags.Tags, numeric VlanId, EcrAttatchStatus, raw circuit status', () => {
    const result = mapVbr(raw, context());
    if (!result.ok) throw result.error;
    const vbr = result.value;
    expect(vbr).toMatchObject({
      id: 'vbr-bp1jcg5cmxjbl9xgc',
      status: 'ACTIVE',
      physicalConnectionId: 'pc-119mfjzm7x',
      physicalConnectionStatus: 'Normal',
      physicalConnectionBusinessStatus: 'FINANCIAL_LOCKED',
      vlanId: 10,
      bandwidth: 50,
      ecrAttachStatus: 'ATTACHING',
      pconnVbrChargeType: 'PREPAID',
      enableIpv6: false,
      sitelinkEnable: true,
      tags: [{ key: 'k', value: 'v' }],
      associatedCens: [{ cenId: 'cen-1', cenOwnerId: '283117732402483989', cenStatus: 'ATTACHED' }],
    });
    expect(vbr.creationTime?.toISOString()).toBe('2020-06-08T12:20:55.000Z');
    // A single object where XML cannot say "array of one" still becomes a list.
    expect(vbr.associatedPhysicalConnections).toEqual([
      expect.objectContaining({ physicalConnectionId: 'pc-119mfjzm7x', vlanId: '0', status: 'ACTIVE', physicalConnectionStatus: 'ENABLED', enableIpv6: true }),
    ]);
  });

  it('an unknown VBR status rejects the item and remembers its circuit', () => {
    const result = mapVbr({ VbrId: 'vbr-x', Status: 'hibernating', PhysicalConnectionId: 'pc-y' }, context());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.ownerId).toBe('pc-y');
  });
});

describe('mapVbrAttachment', () => {
  it('maps VirtualBorderRouterForPhysicalConnectionType: string Bandwidth, PConnVbrBussinessStatus, 64-bit VbrOwnerUid', () => {
    const ctx = context();
    const page = mapVbrAttachmentPage(
      parseJsonLossless(`{
        "RequestId": "R", "TotalCount": 1, "PageNumber": 1, "PageSize": 50,
        "VirtualBorderRouterForPhysicalConnectionSet": { "VirtualBorderRouterForPhysicalConnectionType": [ {
          "VbrId": "vbr-bp16ksp61j7e0tk", "Status": "Active", "Bandwidth": "10", "VlanId": 1678,
          "VbrOwnerUid": 253460731706911258, "PConnVbrBussinessStatus": "FinancialLocked",
          "PConnVbrChargeType": "PostPaid", "CreationTime": "2021-06-08T12:20:55", "BandwidthStatus": "Active"
        } ] }
      }`) as Raw,
      ctx,
      { pageNumber: 1, pageSize: 50 },
    );
    const first = page.items[0];
    if (!first?.ok) throw new Error('expected an item');
    expect(first.value).toMatchObject({
      vbrId: 'vbr-bp16ksp61j7e0tk',
      status: 'ACTIVE',
      bandwidth: 10,
      vlanId: 1678,
      vbrOwnerUid: '253460731706911258',
      pconnVbrBusinessStatus: 'FINANCIAL_LOCKED',
      pconnVbrChargeType: 'POSTPAID',
      bandwidthStatus: 'Active',
    });
    expect(first.value.creationTime?.toISOString()).toBe('2021-06-08T12:20:55.000Z');
    expect(page.totalCount).toBe(1);
  });

  it('an attachment without VbrId is rejected', () => {
    expect(mapVbrAttachment({ Status: 'active' }, context()).ok).toBe(false);
  });
});

describe('mapRegions', () => {
  it('maps Regions.Region[] and skips entries without an id', () => {
    expect(
      mapRegions({ Regions: { Region: [{ RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）', RegionEndpoint: 'vpc.aliyuncs.com' }, { LocalName: 'x' }] } }),
    ).toEqual([{ regionId: 'cn-hangzhou', localName: '华东1（杭州）', regionEndpoint: 'vpc.aliyuncs.com' }]);
  });
});
