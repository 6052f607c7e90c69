/**
 * CreateVirtualBorderRouter and ModifyVirtualBorderRouterAttribute. Who may set what follows
 * the docs: the circuit owner sets VlanId and CircuitCode; the VBR owner sets the gateway IPs,
 * mask, name and description. A circuit owner creating a VBR for another account (`VbrOwnerId`)
 * gets an `unconfirmed` VBR whose IPs the other account fills in later.
 */
import { commonErrors } from '../../api-error';
import { circuitErrors, vbrErrors } from '../errors';
import { newId } from '../ids';
import { Params } from '../params';
import {
  DEDICATED_VBR_BANDWIDTHS,
  ID_PATTERNS,
  isValidIpv4,
  isValidIpv6,
  isValidIpv6Cidr,
  isValidPeeringMask,
  sameSubnet,
  VLAN_MAX,
  VLAN_MIN,
} from '../rules';
import type { CircuitRecord, VbrRecord } from '../seed';
import { vbrTime } from '../state/time';
import { allowed, VBR_ALLOWED_FROM } from '../state/transitions';
import { readCircuitCode, readDescription, readName, readResourceGroupId, readTags } from './attributes';
import { accepted, requireRegion, type OperationContext, type OperationDefinition } from './context';
import { accessVbr } from './vbr-access';

/** Parameters only the VBR's owner may give (403 `Forbidden.<Name>NotAllowedByCaller` otherwise). */
const VBR_OWNER_ONLY = ['LocalGatewayIp', 'PeerGatewayIp', 'PeeringSubnetMask', 'Name', 'Description'] as const;
/** Parameters only the circuit's owner may give. */
const CIRCUIT_OWNER_ONLY = ['VlanId', 'CircuitCode'] as const;

interface Peering {
  LocalGatewayIp?: string;
  PeerGatewayIp?: string;
  PeeringSubnetMask?: string;
  LocalIpv6GatewayIp?: string;
  PeerIpv6GatewayIp?: string;
  PeeringIpv6SubnetMask?: string;
}

/** Reads and shape-checks the peering addresses; `style` picks Create's or Modify's error codes. */
function readPeering(params: Params, style: 'create' | 'modify'): Peering {
  const peering: Peering = {};
  const ipv4 = (name: 'LocalGatewayIp' | 'PeerGatewayIp') => {
    const value = params.optional(name);
    if (value === undefined) return;
    if (!isValidIpv4(value)) {
      if (style === 'modify') throw vbrErrors.ipMalformed();
      throw name === 'LocalGatewayIp' ? vbrErrors.localGatewayIpMalformed() : vbrErrors.peerGatewayIpMalformed();
    }
    peering[name] = value;
  };
  ipv4('LocalGatewayIp');
  ipv4('PeerGatewayIp');
  const mask = params.optional('PeeringSubnetMask');
  if (mask !== undefined && !isValidPeeringMask(mask)) throw vbrErrors.subnetMaskMalformed();
  if (mask !== undefined) peering.PeeringSubnetMask = mask;
  for (const name of ['LocalIpv6GatewayIp', 'PeerIpv6GatewayIp'] as const) {
    const value = params.optional(name);
    if (value === undefined) continue;
    if (!isValidIpv6(value)) throw style === 'modify' ? vbrErrors.ipMalformed() : commonErrors.invalidParameter(name);
    peering[name] = value;
  }
  const mask6 = params.optional('PeeringIpv6SubnetMask');
  if (mask6 !== undefined && !isValidIpv6Cidr(mask6)) throw commonErrors.invalidParameter('PeeringIpv6SubnetMask');
  if (mask6 !== undefined) peering.PeeringIpv6SubnetMask = mask6;
  return peering;
}

/** Both gateway addresses must sit in the peering subnet, and differ. */
function checkSubnet(local: string | undefined, peer: string | undefined, mask: string | undefined): void {
  if (local === undefined || peer === undefined || mask === undefined) return;
  if (local === peer) throw commonErrors.invalidParameter('PeerGatewayIp');
  if (!sameSubnet(local, peer, mask)) throw vbrErrors.notSameSubnet();
}

function readBandwidth(params: Params, circuit: CircuitRecord): number | undefined {
  const bandwidth = params.integer('Bandwidth', 1, 1_000_000);
  // A shared circuit's VBR takes the circuit's bandwidth; the parameter is not needed there.
  if (circuit.ProductType === 'VirtualPhysicalConnection') return circuit.Bandwidth;
  if (bandwidth !== undefined && !DEDICATED_VBR_BANDWIDTHS.includes(bandwidth)) {
    throw commonErrors.invalidParameter('Bandwidth');
  }
  return bandwidth;
}

function createVirtualBorderRouter(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId', 'VlanId']);
  const { params, store } = ctx;
  const vlan = params.integer('VlanId', VLAN_MIN, VLAN_MAX, vbrErrors.vlanMalformed) as number;
  const ownerParam = params.optional('VbrOwnerId');
  if (ownerParam !== undefined && !ID_PATTERNS.account.test(ownerParam)) throw vbrErrors.vbrOwnerNotFound();
  const name = readName(params);
  const description = readDescription(params);
  const circuitCode = readCircuitCode(params, true);
  const resourceGroupId = readResourceGroupId(params);
  const tags = readTags(params, 'Tags');
  const enableIpv6 = params.boolean('EnableIpv6') ?? false;
  const peering = readPeering(params, 'create');

  const circuit = store.ownedCircuit(ctx.accountId, regionId, params.required('PhysicalConnectionId'));
  if (!circuit) throw circuitErrors.notFoundOnCreateVbr();
  const ownerId = ownerParam ?? ctx.accountId;
  const forOtherAccount = ownerId !== ctx.accountId;
  if (forOtherAccount) {
    const given = VBR_OWNER_ONLY.find((p) => params.optional(p) !== undefined);
    if (given) throw vbrErrors.notAllowedByCaller(given);
  } else {
    params.requireAll(['LocalGatewayIp', 'PeerGatewayIp', 'PeeringSubnetMask']);
    if (enableIpv6) params.requireAll(['LocalIpv6GatewayIp', 'PeerIpv6GatewayIp']);
    checkSubnet(peering.LocalGatewayIp, peering.PeerGatewayIp, peering.PeeringSubnetMask);
  }
  const bandwidth = readBandwidth(params, circuit);
  if (circuit.Status !== 'Enabled') throw circuitErrors.notEnabled();
  if (store.vlanInUse(circuit.PhysicalConnectionId, vlan)) throw vbrErrors.vlanUsed();

  const taken = (candidate: string) => store.vbrs.has(candidate);
  const id = newId('vbr', regionId, taken);
  const status = forOtherAccount ? 'unconfirmed' : 'active';
  const record: VbrRecord = {
    RegionId: regionId,
    OwnerId: ownerId,
    VbrId: id,
    PhysicalConnectionId: circuit.PhysicalConnectionId,
    Status: status,
    VlanId: vlan,
    CreationTime: vbrTime(ctx.now),
    ...(status === 'active' ? { ActivationTime: vbrTime(ctx.now) } : {}),
    AssociatedCens: [],
    DetectMultiplier: 3,
    EnableIpv6: enableIpv6,
    MinRxInterval: 300,
    MinTxInterval: 300,
    Mtu: 1500,
    ...peering,
    RouteTableId: newId('rtb', regionId, () => false),
    SitelinkEnable: false,
    Tags: tags,
    Type: 'pconnVBR',
    VlanInterfaceId: newId('ri', regionId, () => false),
  };
  if (name !== undefined) record.Name = name;
  if (description !== undefined) record.Description = description;
  if (circuitCode !== undefined) record.CircuitCode = circuitCode;
  if (bandwidth !== undefined) record.Bandwidth = bandwidth;
  if (resourceGroupId !== undefined) record.ResourceGroupId = resourceGroupId;
  store.vbrs.set(id, record);
  return accepted(ctx, { VbrId: id });
}

/** The fields of one `AssociatedPhysicalConnections` entry, under their top-level names. */
const ASSOCIATED_TO_PARAM: Readonly<Record<string, string>> = {
  VlanId: 'VlanId',
  CircuitCode: 'CircuitCode',
  LocalGatewayIp: 'LocalGatewayIp',
  PeerGatewayIp: 'PeerGatewayIp',
  PeeringSubnetMask: 'PeeringSubnetMask',
  LocalIpv6GatewayIp: 'LocalIpv6GatewayIp',
  PeerIpv6GatewayIp: 'PeerIpv6GatewayIp',
  PeeringIpv6SubnetMask: 'PeeringIpv6SubnetMask',
  ipv6Enable: 'EnableIpv6',
  PhysicalConnectionId: 'PhysicalConnectionId',
};

/**
 * `AssociatedPhysicalConnections` is a JSON string (an array of per-circuit settings). The
 * emulator's VBRs sit on one circuit, so it accepts one entry for that circuit and treats its
 * fields as the top-level parameters of the same names (a conflicting duplicate is refused).
 */
function mergeAssociated(params: Params, raw: Readonly<Record<string, string>>, circuitId: string): Params {
  const text = params.optional('AssociatedPhysicalConnections');
  if (text === undefined) return params;
  const invalid = () => commonErrors.invalidParameter('AssociatedPhysicalConnections');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length > 1) throw invalid();
  const merged: Record<string, string> = { ...raw };
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalid();
    for (const [field, value] of Object.entries(entry)) {
      const name = ASSOCIATED_TO_PARAM[field];
      if (name === undefined || !['string', 'number', 'boolean'].includes(typeof value)) throw invalid();
      const asText = String(value);
      if (merged[name] !== undefined && merged[name] !== '' && merged[name] !== asText) throw invalid();
      merged[name] = asText;
    }
    if (merged.PhysicalConnectionId !== circuitId) throw invalid();
  }
  delete merged.PhysicalConnectionId;
  return new Params(merged);
}

function modifyVirtualBorderRouterAttribute(ctx: OperationContext) {
  const access = accessVbr(ctx, vbrErrors.notFoundOnModify);
  const { vbr, circuit, isVbrOwner, isCircuitOwner } = access;
  const params = mergeAssociated(ctx.params, Object.fromEntries(ctx.params.entries()), circuit.PhysicalConnectionId);
  const vlan = params.integer('VlanId', VLAN_MIN, VLAN_MAX, vbrErrors.vlanMalformed);
  const name = readName(params);
  const description = readDescription(params);
  const circuitCode = readCircuitCode(params, true);
  const peering = readPeering(params, 'modify');
  const enableIpv6 = params.boolean('EnableIpv6');
  const sitelinkEnable = params.boolean('SitelinkEnable');
  const detectMultiplier = params.integer('DetectMultiplier', 3, 10);
  const minRxInterval = params.integer('MinRxInterval', 200, 1000);
  const minTxInterval = params.integer('MinTxInterval', 200, 1000);
  const mtu = params.integer('Mtu', 1500, 8500);
  if (mtu !== undefined && ((mtu !== 1500 && mtu !== 8500) || vbr.EcrId === undefined)) {
    // "This value can be set only when the VBR is attached to an Express Connect Router."
    throw commonErrors.invalidParameter('Mtu');
  }
  const bandwidth = readBandwidth(params, circuit);

  if (!isCircuitOwner) {
    const given = CIRCUIT_OWNER_ONLY.find((p) => params.optional(p) !== undefined);
    if (given) throw vbrErrors.notAllowedByCaller(given);
  }
  if (!isVbrOwner) {
    const given = VBR_OWNER_ONLY.find((p) => params.optional(p) !== undefined);
    if (given) throw vbrErrors.notAllowedByCaller(given);
  }
  if (!allowed(VBR_ALLOWED_FROM.modify, vbr.Status)) throw vbrErrors.notAllowedInState();
  const next = { ...pickPeering(vbr), ...peering };
  if (peering.LocalGatewayIp ?? peering.PeerGatewayIp ?? peering.PeeringSubnetMask) {
    checkSubnet(next.LocalGatewayIp, next.PeerGatewayIp, next.PeeringSubnetMask);
  }
  if (vlan !== undefined && vlan !== vbr.VlanId && ctx.store.vlanInUse(circuit.PhysicalConnectionId, vlan, vbr)) {
    throw vbrErrors.vlanUsed();
  }

  Object.assign(vbr, peering);
  if (vlan !== undefined) vbr.VlanId = vlan;
  if (name !== undefined) vbr.Name = name;
  if (description !== undefined) vbr.Description = description;
  if (circuitCode !== undefined) vbr.CircuitCode = circuitCode;
  if (enableIpv6 !== undefined) vbr.EnableIpv6 = enableIpv6;
  if (sitelinkEnable !== undefined) vbr.SitelinkEnable = sitelinkEnable;
  if (detectMultiplier !== undefined) vbr.DetectMultiplier = detectMultiplier;
  if (minRxInterval !== undefined) vbr.MinRxInterval = minRxInterval;
  if (minTxInterval !== undefined) vbr.MinTxInterval = minTxInterval;
  if (mtu !== undefined) vbr.Mtu = mtu;
  if (bandwidth !== undefined && params.optional('Bandwidth') !== undefined) vbr.Bandwidth = bandwidth;
  return accepted(ctx);
}

function pickPeering(vbr: VbrRecord): Peering {
  const { LocalGatewayIp, PeerGatewayIp, PeeringSubnetMask } = vbr;
  return { LocalGatewayIp, PeerGatewayIp, PeeringSubnetMask };
}

export const vbrWrites: Record<string, OperationDefinition> = {
  CreateVirtualBorderRouter: { run: createVirtualBorderRouter, token: 'ClientToken' },
  ModifyVirtualBorderRouterAttribute: { run: modifyVirtualBorderRouterAttribute, token: 'ClientToken' },
};
