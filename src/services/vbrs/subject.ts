/**
 * What the VBR rules need to know about a VBR, from two sources: this request's batched loaders
 * (`availableActions`) or fresh reads (the mutations). See docs/graphql.md#the-vbr-lifecycle.
 *
 * Ownership is not a field of the VBR; the gateway works it out from what each account can see:
 * - a circuit DescribePhysicalConnections lists is this account's (it lists only the caller's);
 * - a VBR this account sees on another account's circuit is this account's own (nobody else's VBR
 *   on a foreign circuit is visible);
 * - on this account's circuit, the VBR is another account's when the preview's
 *   DescribeVirtualBorderRouters without `IncludeCrossAccountVbr` leaves it out (batched by id), or
 *   when the mutation's DescribeVirtualBorderRoutersForPhysicalConnection row carries a
 *   `VbrOwnerUid` (empty for the circuit owner's own VBRs).
 */
import type { PhysicalConnection, Vbr, VbrAttachment, VbrStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { toGatewayError, type ErrorScope } from '../../schema/map-error';

/** Another VBR on the same circuit, any account's: what the VLAN rules look at. */
export interface SiblingVbr {
  id: string;
  status: VbrStatus;
  vlanId: number | null;
  terminationTime: Date | null;
}

export interface VbrSubject {
  vbr: Pick<Vbr, 'id' | 'status' | 'vlanId' | 'physicalConnectionId'>;
  /** The VBR's circuit when this account owns it; null when it is another account's. */
  circuit: Pick<PhysicalConnection, 'id' | 'status'> | null;
  /** The VBR is another account's (on this account's circuit); never so when `circuit` is null. */
  foreign: boolean;
  /** The other VBRs on the circuit; empty when the circuit is not this account's. */
  siblings: SiblingVbr[];
}

const sibling = (vbr: Vbr): SiblingVbr => ({ id: vbr.id, status: vbr.status, vlanId: vbr.vlanId, terminationTime: vbr.terminationTime });

export const attachedSibling = (row: VbrAttachment): SiblingVbr => ({
  id: row.vbrId,
  status: row.status,
  vlanId: row.vlanId,
  terminationTime: row.terminationTime,
});

/** From this request's batched, cached reads: O(pages) for a list of VBRs, never a fresh read. */
export async function loadVbrSubject(context: GatewayContext, vbr: Vbr): Promise<VbrSubject> {
  const { dataSource } = context;
  const pcId = vbr.physicalConnectionId;
  const circuit = pcId === null ? null : await dataSource.physicalConnection(vbr.regionId, pcId);
  if (circuit === null || pcId === null) return { vbr, circuit: null, foreign: false, siblings: [] };
  const [own, onCircuit] = await Promise.all([
    dataSource.ownVbr(vbr.regionId, vbr.id),
    dataSource.vbrsOfPhysicalConnection(vbr.regionId, pcId),
  ]);
  const siblings = onCircuit.filter((other) => other.id !== vbr.id).map(sibling);
  return { vbr, circuit, foreign: own === null, siblings };
}

export interface FreshVbr {
  vbr: Vbr;
  subject: VbrSubject;
}

function rethrow(reason: unknown, scope: ErrorScope): never {
  throw toGatewayError(reason, scope) ?? reason;
}

/**
 * Fresh reads before a write: the VBR, then its circuit and every VBR on the circuit (other
 * accounts' included) concurrently. Null when the VBR is not visible to this account.
 */
export async function freshVbrSubject(context: GatewayContext, regionId: string, vbrId: string, scope: ErrorScope): Promise<FreshVbr | null> {
  const { dataSource } = context;
  let vbr: Vbr | null;
  try {
    vbr = await dataSource.freshVbr(regionId, vbrId);
  } catch (reason) {
    rethrow(reason, scope);
  }
  if (vbr === null) return null;
  const pcId = vbr.physicalConnectionId;
  if (pcId === null) return { vbr, subject: { vbr, circuit: null, foreign: false, siblings: [] } };
  const circuitScope = { ...scope, physicalConnectionId: pcId };
  // The attachment list answers only the circuit's owner; it is read alongside, used only then.
  const [circuitRead, attachmentRead] = await Promise.allSettled([
    dataSource.freshPhysicalConnection(regionId, pcId),
    dataSource.freshVbrAttachments(regionId, pcId),
  ]);
  if (circuitRead.status === 'rejected') rethrow(circuitRead.reason, circuitScope);
  const circuit = circuitRead.value;
  if (circuit === null) return { vbr, subject: { vbr, circuit: null, foreign: false, siblings: [] } };
  if (attachmentRead.status === 'rejected') rethrow(attachmentRead.reason, circuitScope);
  const rows = attachmentRead.value;
  const foreign = rows.some((row) => row.vbrId === vbr.id && row.vbrOwnerUid !== null);
  const siblings = rows.filter((row) => row.vbrId !== vbr.id).map(attachedSibling);
  return { vbr, subject: { vbr, circuit, foreign, siblings } };
}
