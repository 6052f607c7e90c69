/**
 * `VirtualPhysicalConnections[]` (ListVirtualPhysicalConnections) -> `VirtualPhysicalConnection`.
 *
 * Quirks of this response (unlike DescribePhysicalConnections'): the list and each item's `Tags`
 * are plain arrays, the tenant is `AliUid`, account ids are strings, `VlanId` is a string, and the
 * vpconn status is `VirtualPhysicalConnectionStatus`.
 */
import {
  BUSINESS_STATUSES,
  CHARGE_TYPES,
  LINE_OPERATORS,
  ORDER_MODES,
  PHYSICAL_CONNECTION_STATUSES,
  VPCONN_STATUSES,
  type VirtualPhysicalConnection,
} from '../models';
import { int, itemError, matchEnum, num, optionalEnum, str, tags, time, uint64, type MapContext, type Mapped, type Raw } from './values';

export function mapVirtualPhysicalConnection(raw: Raw, ctx: MapContext): Mapped<VirtualPhysicalConnection> {
  const id = str(raw.PhysicalConnectionId);
  if (id === null) return { ok: false, id: null, ownerId: null, error: itemError(ctx, null, 'PhysicalConnectionId', raw.PhysicalConnectionId) };
  const parent = str(raw.ParentPhysicalConnectionId);
  const status = matchEnum(PHYSICAL_CONNECTION_STATUSES, raw.Status);
  if (status === null) return { ok: false, id, ownerId: parent, error: itemError(ctx, id, 'Status', raw.Status) };
  const optional = <T extends string>(values: readonly T[], field: string) => optionalEnum(values, raw[field], field, id, ctx);
  return {
    ok: true,
    value: {
      id,
      regionId: ctx.regionId,
      status,
      vpconnStatus: optional(VPCONN_STATUSES, 'VirtualPhysicalConnectionStatus'),
      businessStatus: optional(BUSINESS_STATUSES, 'BusinessStatus'),
      name: str(raw.Name),
      description: str(raw.Description),
      vlanId: int(raw.VlanId),
      spec: str(raw.Spec),
      expectSpec: str(raw.ExpectSpec),
      bandwidth: num(raw.Bandwidth),
      orderMode: optional(ORDER_MODES, 'OrderMode'),
      ownerAccountId: uint64(raw.AliUid),
      parentPhysicalConnectionId: parent,
      parentPhysicalConnectionAliUid: uint64(raw.ParentPhysicalConnectionAliUid),
      accessPointId: str(raw.AccessPointId),
      lineOperator: optional(LINE_OPERATORS, 'LineOperator'),
      portType: str(raw.PortType),
      chargeType: optional(CHARGE_TYPES, 'ChargeType'),
      creationTime: time(raw.CreationTime),
      enabledTime: time(raw.EnabledTime),
      endTime: time(raw.EndTime),
      resourceGroupId: str(raw.ResourceGroupId),
      tags: tags(raw, 'Tags'),
    },
  };
}
