/**
 * Shared-port virtual connections (vpconns, docs/emulator-seed.md#shared-port-connections-vpconns):
 * CreateVirtualPhysicalConnection by the partner who owns the hosting circuit, and the hosting
 * owner's DeletePhysicalConnection of one (physical-connection-lifecycle.ts hands it over).
 *
 * Invariants: a vpconn is a circuit record (`ProductType` VirtualPhysicalConnection) owned by the
 * tenant, with `ParentPhysicalConnectionId` naming the host; its VLAN is unique on the host among
 * VBRs and vpconns, so Terminate of the host sees it (`Store.vpconnsOf`) like a seeded one.
 */
import { circuitErrors, portErrors, vbrErrors } from '../errors';
import { newId } from '../ids';
import { ID_PATTERNS, VLAN_MAX, VLAN_MIN, vpconnSpecMbps } from '../rules';
import { ORDER_MODES, VPCONN_SPECS, type CircuitRecord } from '../seed';
import { circuitTime } from '../state/time';
import { readDescription, readName, readResourceGroupId, readTags } from './attributes';
import { accepted, requireRegion, type OperationContext, type OperationDefinition } from './context';

function createVirtualPhysicalConnection(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId', 'VlanId', 'Spec', 'OrderMode', 'VpconnAliUid']);
  const { params, store } = ctx;
  const vlan = params.integer('VlanId', VLAN_MIN, VLAN_MAX, () => portErrors.illegalParam('VlanId')) as number;
  const spec = params.requiredOneOf('Spec', VPCONN_SPECS, () => portErrors.illegalParam('Spec'));
  const orderMode = params.requiredOneOf('OrderMode', ORDER_MODES, () => portErrors.illegalParam('OrderMode'));
  const tenant = params.required('VpconnAliUid');
  // The tenant is another main account: a vpconn for oneself is refused ([I] the code).
  if (!ID_PATTERNS.account.test(tenant) || tenant === ctx.accountId) throw portErrors.illegalParam('VpconnAliUid');
  const name = readName(params);
  const description = readDescription(params);
  const resourceGroupId = readResourceGroupId(params);
  const tags = readTags(params, 'Tag');
  const dryRun = params.boolean('DryRun') ?? false;

  const hostId = params.required('PhysicalConnectionId');
  const host = store.ownedCircuit(ctx.accountId, regionId, hostId);
  if (!host || host.ProductType !== 'PhysicalConnection') throw portErrors.circuitNotFound(hostId);
  if (host.Status !== 'Enabled') throw portErrors.circuitIncorrectStatus(hostId);
  if (store.vlanInUse(hostId, vlan)) throw vbrErrors.vlanUsed();
  const mbps = vpconnSpecMbps(spec);
  const allocated = store.vpconnsOf(hostId).reduce((sum, vpconn) => sum + (vpconn.Bandwidth ?? 0), 0);
  if (host.Bandwidth !== undefined && allocated + mbps > host.Bandwidth) throw portErrors.vpconnBandwidthExceeded();
  if (dryRun) throw portErrors.dryRunPassed();

  const id = newId('pc', regionId, (candidate) => store.circuits.has(candidate));
  // [I] The port is built already: the vpconn waits for the tenant's ConfirmPhysicalConnection
  // (Allocated -> Confirmed, VpconnStatus Confirmed), then its EnablePhysicalConnection.
  const record: CircuitRecord = {
    RegionId: regionId,
    OwnerId: tenant,
    PhysicalConnectionId: id,
    Status: 'Allocated',
    BusinessStatus: 'Normal',
    ProductType: 'VirtualPhysicalConnection',
    AccessPointId: host.AccessPointId,
    AccessPointType: 'VPC',
    Bandwidth: mbps,
    ChargeType: 'Prepaid',
    CreationTime: circuitTime(ctx.now),
    ExpectSpec: spec,
    LineOperator: host.LineOperator,
    MacsecKeys: [],
    OrderMode: orderMode,
    ParentPhysicalConnectionId: hostId,
    Spec: spec,
    Tags: tags,
    Type: 'VPC',
    VlanId: String(vlan),
    VpconnStatus: 'UnConfirmed',
  };
  // Where the port is: the host's.
  if (host.AdLocation !== undefined) record.AdLocation = host.AdLocation;
  if (host.PortNumber !== undefined) record.PortNumber = host.PortNumber;
  if (host.PortType !== undefined) record.PortType = host.PortType;
  if (name !== undefined) record.Name = name;
  if (description !== undefined) record.Description = description;
  if (resourceGroupId !== undefined) record.ResourceGroupId = resourceGroupId;
  store.circuits.set(id, record);
  return accepted(ctx, { VirtualPhysicalConnection: id });
}

/**
 * The vpconn named by a DeletePhysicalConnection, when the caller owns its host rather than the
 * vpconn itself (the tenant deleting its own vpconn follows the circuit rules).
 */
export function hostedVpconn(ctx: OperationContext, regionId: string, id: string): CircuitRecord | undefined {
  const vpconn = ctx.store.circuitInRegion(regionId, id);
  if (vpconn?.ParentPhysicalConnectionId === undefined || vpconn.OwnerId === ctx.accountId) return undefined;
  return ctx.store.circuits.get(vpconn.ParentPhysicalConnectionId)?.OwnerId === ctx.accountId ? vpconn : undefined;
}

/**
 * [I] The host's owner may delete a vpconn on its port whatever the vpconn's status, as long as
 * nothing is moving (a transient status or a pending step) and the tenant has no VBR on it: a
 * decommission of the host must be able to clear it. The record goes (gone for the tenant too).
 */
export function deleteHostedVpconn(ctx: OperationContext, vpconn: CircuitRecord) {
  const id = vpconn.PhysicalConnectionId;
  if (vpconn.Status === 'Allocating' || vpconn.Status === 'Terminating') throw circuitErrors.notAllowedInState();
  if (ctx.store.circuitHasPendingSteps(id)) throw circuitErrors.operationConflict();
  if (ctx.store.vbrsOn(id).length > 0) throw circuitErrors.otherOwnersVbrExists();
  ctx.store.deleteCircuit(id);
  return accepted(ctx);
}

export const vpconnWrites: Record<string, OperationDefinition> = {
  // A DryRun always ends in an error (DRYRUN.SUCCESS), so nothing of it is remembered.
  CreateVirtualPhysicalConnection: { run: createVirtualPhysicalConnection, token: 'Token' },
};
