/**
 * A VBR record -> the two upstream views of it:
 * - `VirtualBorderRouterSet.VirtualBorderRouterType[]` (DescribeVirtualBorderRouters): tags as
 *   `Tags.Tags[]` (upper case, unlike circuits), `VlanId` a number, circuit facts joined in, and
 *   `AssociatedPhysicalConnections.AssociatedPhysicalConnection[]` whose `VlanId` is a string;
 * - `VirtualBorderRouterForPhysicalConnectionType[]` (the circuit owner's view): `Bandwidth` a
 *   string, the misspelled `PConnVbrBussinessStatus`, `VbrName`, and `VbrOwnerUid` (an exact
 *   64-bit integer) only for VBRs another account owns.
 */
import { JsonInteger } from '../../contract';
import { VBR_FIELDS } from '../fields';
import type { CircuitRecord, VbrRecord } from '../seed';

/** VBR fields repeated inside each `AssociatedPhysicalConnection`. */
const ASSOCIATED_FIELDS = [
  'CircuitCode',
  'EnableIpv6',
  'LocalGatewayIp',
  'LocalIpv6GatewayIp',
  'PeerGatewayIp',
  'PeerIpv6GatewayIp',
  'PeeringIpv6SubnetMask',
  'PeeringSubnetMask',
  'VlanInterfaceId',
] as const satisfies ReadonlyArray<keyof VbrRecord>;

function associatedPhysicalConnection(vbr: VbrRecord, circuit: CircuitRecord): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const name of ASSOCIATED_FIELDS) if (vbr[name] !== undefined) entry[name] = vbr[name];
  entry.PhysicalConnectionId = circuit.PhysicalConnectionId;
  entry.PhysicalConnectionOwnerUid = circuit.OwnerId;
  entry.PhysicalConnectionStatus = circuit.Status;
  entry.PhysicalConnectionBusinessStatus = circuit.BusinessStatus;
  entry.Status = vbr.Status;
  entry.VlanId = String(vbr.VlanId);
  return entry;
}

export function renderVirtualBorderRouter(vbr: VbrRecord, circuit: CircuitRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const record = vbr as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(VBR_FIELDS)) {
    const value = record[name];
    if (spec.listed === false || value === undefined) continue;
    if (name === 'Tags') item.Tags = { Tags: vbr.Tags.map((tag) => ({ ...tag })) };
    else if (name === 'AssociatedCens') {
      item.AssociatedCens = {
        AssociatedCen: vbr.AssociatedCens.map((cen) => ({
          CenId: cen.CenId,
          ...(cen.CenOwnerId === undefined ? {} : { CenOwnerId: new JsonInteger(cen.CenOwnerId) }),
          ...(cen.CenStatus === undefined ? {} : { CenStatus: cen.CenStatus }),
        })),
      };
    } else item[name] = value;
  }
  item.AccessPointId = circuit.AccessPointId;
  item.PhysicalConnectionOwnerUid = circuit.OwnerId;
  item.PhysicalConnectionStatus = circuit.Status;
  item.PhysicalConnectionBusinessStatus = circuit.BusinessStatus;
  item.AssociatedPhysicalConnections = { AssociatedPhysicalConnection: [associatedPhysicalConnection(vbr, circuit)] };
  return item;
}

export function renderVbrForPhysicalConnection(vbr: VbrRecord, circuit: CircuitRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const record = vbr as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(VBR_FIELDS)) {
    const value = record[name];
    if (!spec.forCircuit || value === undefined) continue;
    item[name] = name === 'Bandwidth' ? String(value) : value;
  }
  if (vbr.Name !== undefined) item.VbrName = vbr.Name;
  item.BandwidthStatus ??= vbr.Status === 'active' ? 'Active' : 'Inactive';
  item.PConnVbrBussinessStatus ??= 'Normal';
  // "If the owner of the VBR is the same as that of the Express Connect circuit, this parameter is empty."
  if (vbr.OwnerId !== circuit.OwnerId) item.VbrOwnerUid = new JsonInteger(vbr.OwnerId);
  return item;
}
