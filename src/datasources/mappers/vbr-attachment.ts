/**
 * `VirtualBorderRouterForPhysicalConnectionSet.VirtualBorderRouterForPhysicalConnectionType[]`
 * (DescribeVirtualBorderRoutersForPhysicalConnection) -> `VbrAttachment`.
 *
 * Quirks: `Bandwidth` is a string here, `VlanId` a number, `VbrOwnerUid` a 64-bit number (empty
 * when the VBR is the circuit owner's), and the business status is spelt `PConnVbrBussinessStatus`.
 */
import { BUSINESS_STATUSES, CHARGE_TYPES, VBR_STATUSES, type VbrAttachment } from '../models';
import { int, itemError, matchEnum, num, optionalEnum, str, time, uint64, type MapContext, type Mapped, type Raw } from './values';
import { mapPeeringAddresses } from './peering';

export function mapVbrAttachment(raw: Raw, ctx: MapContext): Mapped<VbrAttachment> {
  const vbrId = str(raw.VbrId);
  if (vbrId === null) return { ok: false, id: null, ownerId: null, error: itemError(ctx, null, 'VbrId', raw.VbrId) };
  const status = matchEnum(VBR_STATUSES, raw.Status);
  if (status === null) return { ok: false, id: vbrId, ownerId: null, error: itemError(ctx, vbrId, 'Status', raw.Status) };
  const optional = <T extends string>(values: readonly T[], field: string) => optionalEnum(values, raw[field], field, vbrId, ctx);
  return {
    ok: true,
    value: {
      vbrId,
      status,
      vbrOwnerUid: uint64(raw.VbrOwnerUid) ?? str(raw.VbrOwnerUid),
      vbrName: str(raw.VbrName),
      activationTime: time(raw.ActivationTime),
      bandwidth: num(raw.Bandwidth),
      bandwidthStatus: str(raw.BandwidthStatus),
      circuitCode: str(raw.CircuitCode),
      creationTime: time(raw.CreationTime),
      eccId: str(raw.EccId),
      ...mapPeeringAddresses(raw),
      pconnVbrBusinessStatus: optional(BUSINESS_STATUSES, 'PConnVbrBussinessStatus'),
      pconnVbrChargeType: optional(CHARGE_TYPES, 'PConnVbrChargeType'),
      pconnVbrExpireTime: time(raw.PConnVbrExpireTime),
      recoveryTime: time(raw.RecoveryTime),
      terminationTime: time(raw.TerminationTime),
      type: str(raw.Type),
      vlanId: int(raw.VlanId),
    },
  };
}
