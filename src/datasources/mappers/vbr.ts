/**
 * `VirtualBorderRouterSet.VirtualBorderRouterType[]` (DescribeVirtualBorderRouters) -> `Vbr`.
 *
 * Quirks: tags nest as `Tags.Tags[]` (capitalised, unlike circuits), `VlanId` is a number here
 * but a string inside `AssociatedPhysicalConnections`, times carry no zone (UTC), the ECR status
 * is spelt `EcrAttatchStatus`, and `PhysicalConnectionStatus` is kept as raw text because the
 * documented example (`Normal`) is not a circuit status.
 */
import {
  ATTACH_STATUSES,
  BUSINESS_STATUSES,
  CHARGE_TYPES,
  PHYSICAL_CONNECTION_STATUSES,
  VBR_STATUSES,
  type AssociatedCen,
  type AssociatedPhysicalConnection,
  type Vbr,
} from '../models';
import {
  bool,
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
import { mapPeeringAddresses } from './peering';

function associatedCen(raw: Raw, vbrId: string, ctx: MapContext): AssociatedCen {
  return {
    cenId: str(raw.CenId),
    cenOwnerId: uint64(raw.CenOwnerId) ?? str(raw.CenOwnerId),
    cenStatus: optionalEnum(ATTACH_STATUSES, raw.CenStatus, 'AssociatedCen.CenStatus', vbrId, ctx),
  };
}

function associatedPhysicalConnection(raw: Raw, vbrId: string, ctx: MapContext): AssociatedPhysicalConnection {
  const field = (name: string) => `AssociatedPhysicalConnection.${name}`;
  return {
    physicalConnectionId: str(raw.PhysicalConnectionId),
    physicalConnectionOwnerUid: str(raw.PhysicalConnectionOwnerUid),
    physicalConnectionStatus: optionalEnum(
      PHYSICAL_CONNECTION_STATUSES,
      raw.PhysicalConnectionStatus,
      field('PhysicalConnectionStatus'),
      vbrId,
      ctx,
    ),
    physicalConnectionBusinessStatus: optionalEnum(
      BUSINESS_STATUSES,
      raw.PhysicalConnectionBusinessStatus,
      field('PhysicalConnectionBusinessStatus'),
      vbrId,
      ctx,
    ),
    status: optionalEnum(VBR_STATUSES, raw.Status, field('Status'), vbrId, ctx),
    circuitCode: str(raw.CircuitCode),
    ...mapPeeringAddresses(raw),
    vlanId: str(raw.VlanId),
    vlanInterfaceId: str(raw.VlanInterfaceId),
  };
}

export function mapVbr(raw: Raw, ctx: MapContext): Mapped<Vbr> {
  const id = str(raw.VbrId);
  const physicalConnectionId = str(raw.PhysicalConnectionId);
  if (id === null) {
    return { ok: false, id: null, ownerId: physicalConnectionId, error: itemError(ctx, null, 'VbrId', raw.VbrId) };
  }
  const status = matchEnum(VBR_STATUSES, raw.Status);
  if (status === null) {
    return { ok: false, id, ownerId: physicalConnectionId, error: itemError(ctx, id, 'Status', raw.Status) };
  }
  const optional = <T extends string>(values: readonly T[], field: string) => optionalEnum(values, raw[field], field, id, ctx);
  return {
    ok: true,
    value: {
      id,
      regionId: ctx.regionId,
      status,
      physicalConnectionId,
      name: str(raw.Name),
      description: str(raw.Description),
      accessPointId: str(raw.AccessPointId),
      activationTime: time(raw.ActivationTime),
      associatedCens: items(raw.AssociatedCens, 'AssociatedCen').map((c) => associatedCen(c, id, ctx)),
      associatedPhysicalConnections: items(raw.AssociatedPhysicalConnections, 'AssociatedPhysicalConnection').map((c) =>
        associatedPhysicalConnection(c, id, ctx),
      ),
      bandwidth: num(raw.Bandwidth),
      circuitCode: str(raw.CircuitCode),
      cloudBoxInstanceId: str(raw.CloudBoxInstanceId),
      creationTime: time(raw.CreationTime),
      detectMultiplier: int(raw.DetectMultiplier),
      eccId: str(raw.EccId),
      ecrAttachStatus: optional(ATTACH_STATUSES, 'EcrAttatchStatus'),
      ecrId: str(raw.EcrId),
      ecrOwnerId: str(raw.EcrOwnerId),
      ...mapPeeringAddresses(raw),
      minRxInterval: int(raw.MinRxInterval),
      minTxInterval: int(raw.MinTxInterval),
      mtu: int(raw.Mtu),
      pconnVbrChargeType: optional(CHARGE_TYPES, 'PConnVbrChargeType'),
      pconnVbrExpireTime: time(raw.PConnVbrExpireTime),
      physicalConnectionBusinessStatus: optional(BUSINESS_STATUSES, 'PhysicalConnectionBusinessStatus'),
      physicalConnectionOwnerUid: str(raw.PhysicalConnectionOwnerUid),
      physicalConnectionStatus: str(raw.PhysicalConnectionStatus),
      recoveryTime: time(raw.RecoveryTime),
      resourceGroupId: str(raw.ResourceGroupId),
      routeTableId: str(raw.RouteTableId),
      sitelinkEnable: bool(raw.SitelinkEnable),
      tags: tags(raw.Tags, 'Tags'),
      terminationTime: time(raw.TerminationTime),
      type: str(raw.Type),
      vlanId: int(raw.VlanId),
      vlanInterfaceId: str(raw.VlanInterfaceId),
    },
  };
}
