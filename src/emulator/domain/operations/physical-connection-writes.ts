/**
 * CreatePhysicalConnection and ModifyPhysicalConnectionAttribute: the two circuit operations
 * that take attributes. Every value is checked (with the codes CreatePhysicalConnection
 * documents) before anything changes.
 */
import { commonErrors } from '../../api-error';
import { circuitErrors } from '../errors';
import { SPECS } from '../fields';
import { newId } from '../ids';
import type { Params } from '../params';
import { ID_PATTERNS, isValidFreeText, SHARED_CIRCUIT_BANDWIDTHS } from '../rules';
import type { CircuitRecord } from '../seed';
import { LINE_OPERATORS, PORT_TYPES, type PortType } from '../seed/types';
import { circuitTime } from '../state/time';
import { allowed, CIRCUIT_ALLOWED_FROM, circuitSteps, NOT_YET_ENABLED } from '../state/transitions';
import { readCircuitCode, readDescription, readName, readResourceGroupId, readTags } from './attributes';
import { accepted, requireRegion, type OperationContext, type OperationDefinition } from './context';

const QUOTA_NOT_ENABLED_PER_ACCESS_POINT = 5;

/** Port speed in Mbit/s and the Spec filter bucket it falls in. */
const PORTS: Record<PortType, { mbps: number; spec: (typeof SPECS)[number] }> = {
  '100Base-T': { mbps: 100, spec: '1G and below' },
  '1000Base-T': { mbps: 1000, spec: '1G and below' },
  '1000Base-LX': { mbps: 1000, spec: '1G and below' },
  '10GBase-T': { mbps: 10_000, spec: '10G' },
  '10GBase-LR': { mbps: 10_000, spec: '10G' },
  '40GBase-LR': { mbps: 40_000, spec: '40G' },
  '100GBase-LR': { mbps: 100_000, spec: '100G' },
};

function readPeerLocation(params: Params): string | undefined {
  const location = params.optional('PeerLocation');
  if (location !== undefined && !isValidFreeText(location, 256)) throw circuitErrors.invalidPeerLocation();
  return location;
}

function readFreeText(params: Params, name: string, maxLength: number): string | undefined {
  const value = params.optional(name);
  if (value !== undefined && !isValidFreeText(value, maxLength)) throw commonErrors.invalidParameter(name);
  return value;
}

/** The redundant circuit must be the caller's, in the region, and Allocated/Confirmed/Enabled. */
function readRedundant(ctx: OperationContext, regionId: string, selfId?: string): string | undefined {
  const id = ctx.params.optional('RedundantPhysicalConnectionId');
  if (id === undefined) return undefined;
  if (id === selfId) throw commonErrors.invalidParameter('RedundantPhysicalConnectionId');
  const redundant = ctx.store.circuitInRegion(regionId, id);
  if (!redundant) throw circuitErrors.redundantNotFound();
  if (redundant.OwnerId !== ctx.accountId) throw circuitErrors.redundantNotOwned();
  if (!['Allocated', 'Confirmed', 'Enabled'].includes(redundant.Status)) throw circuitErrors.redundantBadStatus();
  return id;
}

function createPhysicalConnection(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['AccessPointId', 'LineOperator']);
  const { params, store } = ctx;
  const accessPointId = params.required('AccessPointId');
  if (!ID_PATTERNS.accessPoint.test(accessPointId)) throw commonErrors.invalidParameter('AccessPointId');
  if (!accessPointId.startsWith(`ap-${regionId}-`)) throw circuitErrors.accessPointNotEnabled();
  const lineOperator = params.requiredOneOf('LineOperator', LINE_OPERATORS, circuitErrors.invalidLineOperator);
  const type = params.oneOf('Type', ['VPC'], circuitErrors.invalidType) ?? 'VPC';
  const portType = params.oneOf('PortType', PORT_TYPES, circuitErrors.invalidPortType) ?? '1000Base-T';
  const bandwidth = params.integer('bandwidth', 1, 1_000_000, circuitErrors.invalidBandwidth);
  if (bandwidth !== undefined && !SHARED_CIRCUIT_BANDWIDTHS.includes(bandwidth)) throw circuitErrors.invalidBandwidth();
  const name = readName(params);
  const description = readDescription(params);
  const circuitCode = readCircuitCode(params, false);
  const peerLocation = readPeerLocation(params);
  const opticalModuleModel = readFreeText(params, 'OpticalModuleModel', 64);
  const capacities = params.list('DeviceAdvancedCapacity', 20);
  capacities.forEach((capacity, i) => {
    if (!isValidFreeText(capacity, 64)) throw commonErrors.invalidParameter(`DeviceAdvancedCapacity.${i + 1}`);
  });
  const resourceGroupId = readResourceGroupId(params);
  const tags = readTags(params, 'Tag');
  const redundantId = readRedundant(ctx, regionId);

  const pending = [...store.circuits.values()].filter(
    (c) => c.OwnerId === ctx.accountId && c.AccessPointId === accessPointId && NOT_YET_ENABLED.includes(c.Status),
  );
  if (pending.length >= QUOTA_NOT_ENABLED_PER_ACCESS_POINT) throw circuitErrors.quotaPerAccessPoint();

  const id = newId('pc', regionId, (candidate) => store.circuits.has(candidate));
  const record: CircuitRecord = {
    RegionId: regionId,
    OwnerId: ctx.accountId,
    PhysicalConnectionId: id,
    Status: 'Initial',
    BusinessStatus: 'Normal',
    ProductType: 'PhysicalConnection',
    AccessPointId: accessPointId,
    AccessPointType: 'VPC',
    Bandwidth: bandwidth ?? PORTS[portType].mbps,
    ChargeType: 'Prepaid',
    CreationTime: circuitTime(ctx.now),
    LineOperator: lineOperator,
    MacsecKeys: [],
    PortType: portType,
    Spec: PORTS[portType].spec,
    Tags: tags,
    Type: type,
  };
  if (name !== undefined) record.Name = name;
  if (description !== undefined) record.Description = description;
  if (circuitCode !== undefined) record.CircuitCode = circuitCode;
  if (peerLocation !== undefined) record.PeerLocation = peerLocation;
  if (opticalModuleModel !== undefined) record.OpticalModuleModel = opticalModuleModel;
  if (capacities.length > 0) record.DeviceFeaturesSelected = capacities.join(',');
  if (resourceGroupId !== undefined) record.ResourceGroupId = resourceGroupId;
  if (redundantId !== undefined) record.RedundantPhysicalConnectionId = redundantId;
  store.circuits.set(id, record);
  store.scheduleCircuit(id, circuitSteps.backOffice(ctx.now, ctx.transitionMs));
  return accepted(ctx, { PhysicalConnectionId: id });
}

function modifyPhysicalConnectionAttribute(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId']);
  const { params, store } = ctx;
  const id = params.required('PhysicalConnectionId');
  const name = readName(params);
  const description = readDescription(params);
  const circuitCode = readCircuitCode(params, false);
  const peerLocation = readPeerLocation(params);
  const lineOperator = params.oneOf('LineOperator', LINE_OPERATORS, circuitErrors.invalidLineOperator);
  const portType = params.oneOf('PortType', PORT_TYPES, circuitErrors.invalidPortType);
  const bandwidth = params.integer('bandwidth', 2, 10_240, circuitErrors.invalidBandwidth);
  const downDelayTime = params.integer('DownDelayTime', 0, 10_000);
  if (downDelayTime !== undefined && downDelayTime % 100 !== 0) throw commonErrors.invalidParameter('DownDelayTime');

  const circuit = store.ownedCircuit(ctx.accountId, regionId, id);
  if (!circuit) throw circuitErrors.notFound();
  const redundantId = readRedundant(ctx, regionId, id);
  if (!allowed(CIRCUIT_ALLOWED_FROM.modifyAttributes, circuit.Status)) throw circuitErrors.notAllowedInState();
  const changesSpec = portType !== undefined || bandwidth !== undefined || redundantId !== undefined;
  if (changesSpec && !allowed(CIRCUIT_ALLOWED_FROM.modifySpec, circuit.Status)) throw circuitErrors.notAllowedInState();

  if (name !== undefined) circuit.Name = name;
  if (description !== undefined) circuit.Description = description;
  if (circuitCode !== undefined) circuit.CircuitCode = circuitCode;
  if (peerLocation !== undefined) circuit.PeerLocation = peerLocation;
  if (lineOperator !== undefined) circuit.LineOperator = lineOperator;
  if (downDelayTime !== undefined) circuit.DownDelayTime = downDelayTime;
  if (redundantId !== undefined) circuit.RedundantPhysicalConnectionId = redundantId;
  if (portType !== undefined) {
    circuit.PortType = portType;
    circuit.Spec = PORTS[portType].spec;
    if (bandwidth === undefined) circuit.Bandwidth = PORTS[portType].mbps;
  }
  if (bandwidth !== undefined) circuit.Bandwidth = bandwidth;
  if (circuit.Status === 'Rejected') {
    // A modified application goes back to review: Initial, and the back office runs again.
    circuit.Status = 'Initial';
    store.scheduleCircuit(id, circuitSteps.backOffice(ctx.now, ctx.transitionMs));
  }
  return accepted(ctx);
}

export const physicalConnectionWrites: Record<string, OperationDefinition> = {
  CreatePhysicalConnection: { run: createPhysicalConnection, token: 'ClientToken' },
  ModifyPhysicalConnectionAttribute: { run: modifyPhysicalConnectionAttribute, token: 'ClientToken' },
};
