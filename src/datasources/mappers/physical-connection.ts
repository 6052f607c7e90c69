/**
 * `PhysicalConnectionSet.PhysicalConnectionType[]` (DescribePhysicalConnections) -> `PhysicalConnection`.
 *
 * Quirks: tags nest as `Tags.tags[]` (lower-case), `VlanId` is a string, `HasReservationData` is
 * typed string but sent as a boolean, `ParentPhysicalConnectionAliUid` is a 64-bit number, and
 * `MacsecKeys` carries the CAK (a shared secret) which is deliberately not read. `Spec` is a
 * documented class (`1G and below`, `10G`, `40G`, `100G`) but, like `ExpectSpec`, reads as a
 * bandwidth, so a plain bandwidth (`1G`, `500M`) is classified rather than dropped.
 */
import {
  BUSINESS_STATUSES,
  CHARGE_TYPES,
  LINE_OPERATORS,
  LOA_STATUSES,
  ORDER_MODES,
  PHYSICAL_CONNECTION_STATUSES,
  PRODUCT_TYPES,
  VPCONN_STATUSES,
  type MacsecKey,
  type PhysicalConnection,
  type PhysicalConnectionSpec,
} from '../models';
import {
  bool,
  displayValue,
  int,
  itemError,
  items,
  matchEnum,
  num,
  optionalEnum,
  str,
  tags,
  time,
  uint64,
  type MapContext,
  type Mapped,
  type Raw,
} from './values';

function macsecKey(raw: Raw): MacsecKey {
  // `Cak` is never read: the gateway must not be able to leak it.
  return { ckn: str(raw.Ckn), cipherSuite: str(raw.CipherSuite), startOn: str(raw.StartOn), status: str(raw.Status) };
}

/** The classes above 1G, by their bandwidth in Mbit/s. */
const SPEC_ABOVE_1G: ReadonlyMap<number, PhysicalConnectionSpec> = new Map([
  [10_000, 'SPEC_10G'],
  [40_000, 'SPEC_40G'],
  [100_000, 'SPEC_100G'],
]);
const ONE_G_AND_BELOW = /^1\s*G\s*and\s*below$/i;
const BANDWIDTH = /^(\d+(?:\.\d+)?)\s*([MG])(?:b(?:ps)?)?$/i;

/** `Spec` -> its class; anything else is null and reported, like an unknown enum value. */
function spec(raw: unknown, id: string, ctx: MapContext): PhysicalConnectionSpec | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (ONE_G_AND_BELOW.test(text)) return 'SPEC_1G_AND_BELOW';
  const match = BANDWIDTH.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const mbps = Number(match[1]) * (match[2].toUpperCase() === 'G' ? 1000 : 1);
    if (mbps > 0 && mbps <= 1000) return 'SPEC_1G_AND_BELOW';
    const above = SPEC_ABOVE_1G.get(mbps);
    if (above !== undefined) return above;
  }
  ctx.unexpected({ resourceId: id, field: 'Spec', value: displayValue(raw), consequence: 'null' });
  return null;
}

export function mapPhysicalConnection(raw: Raw, ctx: MapContext): Mapped<PhysicalConnection> {
  const id = str(raw.PhysicalConnectionId);
  if (id === null) return { ok: false, id: null, ownerId: null, error: itemError(ctx, null, 'PhysicalConnectionId', raw.PhysicalConnectionId) };
  const status = matchEnum(PHYSICAL_CONNECTION_STATUSES, raw.Status);
  if (status === null) return { ok: false, id, ownerId: null, error: itemError(ctx, id, 'Status', raw.Status) };
  const optional = <T extends string>(values: readonly T[], field: string) => optionalEnum(values, raw[field], field, id, ctx);
  return {
    ok: true,
    value: {
      id,
      regionId: ctx.regionId,
      status,
      businessStatus: optional(BUSINESS_STATUSES, 'BusinessStatus'),
      name: str(raw.Name),
      description: str(raw.Description),
      accessPointId: str(raw.AccessPointId),
      accessPointType: str(raw.AccessPointType),
      adDetailLocation: str(raw.AdDetailLocation),
      adLocation: str(raw.AdLocation),
      bandwidth: num(raw.Bandwidth),
      chargeType: optional(CHARGE_TYPES, 'ChargeType'),
      circuitCode: str(raw.CircuitCode),
      creationTime: time(raw.CreationTime),
      deviceFeaturesSelected: str(raw.DeviceFeaturesSelected),
      downDelayTime: int(raw.DownDelayTime),
      enabledTime: time(raw.EnabledTime),
      endTime: time(raw.EndTime),
      expectSpec: str(raw.ExpectSpec),
      hasReservationData: bool(raw.HasReservationData),
      lineOperator: optional(LINE_OPERATORS, 'LineOperator'),
      loaStatus: optional(LOA_STATUSES, 'LoaStatus'),
      macsecKeys: items(raw.MacsecKeys, 'MacsecKey').map(macsecKey),
      opticalModuleModel: str(raw.OpticalModuleModel),
      orderMode: optional(ORDER_MODES, 'OrderMode'),
      parentPhysicalConnectionAliUid: uint64(raw.ParentPhysicalConnectionAliUid),
      parentPhysicalConnectionId: str(raw.ParentPhysicalConnectionId),
      peerLocation: str(raw.PeerLocation),
      portNumber: str(raw.PortNumber),
      portType: str(raw.PortType),
      productType: optional(PRODUCT_TYPES, 'ProductType'),
      qosId: str(raw.QosId),
      redundantPhysicalConnectionId: str(raw.RedundantPhysicalConnectionId),
      reservationActiveTime: time(raw.ReservationActiveTime),
      reservationInternetChargeType: str(raw.ReservationInternetChargeType),
      reservationOrderType: str(raw.ReservationOrderType),
      resourceGroupId: str(raw.ResourceGroupId),
      spec: spec(raw.Spec, id, ctx),
      tags: tags(raw.Tags, 'tags'),
      type: str(raw.Type),
      virtualPhysicalConnectionCount: int(raw.VirtualPhysicalConnectionCount),
      vlanId: str(raw.VlanId),
      vpconnStatus: optional(VPCONN_STATUSES, 'VpconnStatus'),
    },
  };
}
