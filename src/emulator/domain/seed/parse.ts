/**
 * `parseSeed` and `loadSeedFile`: the only way data enters the domain. Checks types, id shapes,
 * uniqueness and references, fills defaults, and returns fresh objects (never the caller's), so a
 * bad seed fails at load time with a message naming the entry, not later.
 */
import { readFileSync } from 'node:fs';
import { CIRCUIT_FIELDS, VBR_FIELDS } from '../fields';
import { defaultRegions } from '../regions';
import { ID_PATTERNS, MAX_MACSEC_KEYS } from '../rules';
import { SEEDED_CIRCUIT_NEXT, SEEDED_VBR_NEXT } from '../state/transitions';
import {
  DEFAULT_ACCOUNT_ID,
  type CircuitRecord,
  type NormalizedSeed,
  type SeedPhysicalConnection,
  type SeedRegion,
  type SeedVirtualBorderRouter,
  type VbrRecord,
} from './types';
import { checkKeys, isObject, parseEntry, parseString, SeedError } from './values';

function entryLabel(list: string, index: number, entry: unknown, idField: string): string {
  const id = isObject(entry) && typeof entry[idField] === 'string' ? ` (${entry[idField]})` : '';
  return `${list}[${index}]${id}`;
}

function parseRegions(value: unknown): SeedRegion[] {
  if (value === undefined) return defaultRegions();
  if (!Array.isArray(value)) throw new SeedError('Regions must be an array');
  const regions = value.map((entry, index) => {
    const where = entryLabel('Regions', index, entry, 'RegionId');
    if (!isObject(entry)) throw new SeedError(`${where} must be an object`);
    checkKeys(entry, ['RegionId', 'LocalName', 'RegionEndpoint'], where);
    const regionId = parseString(entry.RegionId, `${where}.RegionId`, 64);
    if (!ID_PATTERNS.region.test(regionId)) throw new SeedError(`${where}.RegionId is not a region id like cn-hangzhou`);
    const region: SeedRegion = { RegionId: regionId };
    if (entry.LocalName !== undefined) region.LocalName = parseString(entry.LocalName, `${where}.LocalName`, 128);
    if (entry.RegionEndpoint !== undefined) {
      region.RegionEndpoint = parseString(entry.RegionEndpoint, `${where}.RegionEndpoint`, 253);
    }
    return region;
  });
  if (regions.length === 0) throw new SeedError('Regions must list at least one region');
  assertUnique(regions.map((r) => r.RegionId), 'Regions', 'RegionId');
  return regions;
}

function assertUnique(ids: string[], list: string, field: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw new SeedError(`${list}[${index}]: duplicate ${field} "${id}"`);
    seen.add(id);
  });
}

/** A `TransitionAfterMs` on a steady status would be silently meaningless: refuse it. */
function assertTransient(delay: unknown, status: string, transient: readonly string[], where: string): void {
  if (delay !== undefined && !transient.includes(status)) {
    throw new SeedError(`${where}: TransitionAfterMs applies only to a transient Status (${transient.join(', ')}), not ${status}`);
  }
}

function parseCircuits(value: unknown, regionIds: ReadonlySet<string>): CircuitRecord[] {
  if (!Array.isArray(value)) throw new SeedError('PhysicalConnections must be an array');
  const circuits = value.map((entry, index) => {
    const where = entryLabel('PhysicalConnections', index, entry, 'PhysicalConnectionId');
    const record = parseEntry(entry, CIRCUIT_FIELDS, where, true) as unknown as SeedPhysicalConnection;
    if (!regionIds.has(record.RegionId)) throw new SeedError(`${where}: RegionId "${record.RegionId}" is not in Regions`);
    if (!record.AccessPointId.startsWith(`ap-${record.RegionId}-`)) {
      throw new SeedError(`${where}: AccessPointId must belong to its region (ap-${record.RegionId}-...)`);
    }
    assertTransient(record.TransitionAfterMs, record.Status, Object.keys(SEEDED_CIRCUIT_NEXT), where);
    return {
      ...record,
      OwnerId: record.OwnerId ?? DEFAULT_ACCOUNT_ID,
      BusinessStatus: record.BusinessStatus ?? 'Normal',
      ProductType: record.ProductType ?? 'PhysicalConnection',
      Type: record.Type ?? 'VPC',
      Tags: record.Tags ?? [],
      MacsecKeys: record.MacsecKeys ?? [],
    };
  });
  assertUnique(circuits.map((c) => c.PhysicalConnectionId), 'PhysicalConnections', 'PhysicalConnectionId');
  const byId = new Map(circuits.map((c) => [c.PhysicalConnectionId, c]));
  circuits.forEach((circuit, index) => {
    const where = `PhysicalConnections[${index}] (${circuit.PhysicalConnectionId})`;
    for (const field of ['ParentPhysicalConnectionId', 'RedundantPhysicalConnectionId'] as const) {
      const target = circuit[field];
      if (target === undefined) continue;
      const other = byId.get(target);
      if (!other || other.RegionId !== circuit.RegionId || other === circuit) {
        throw new SeedError(`${where}: ${field} "${target}" is not another circuit of region ${circuit.RegionId} in this seed`);
      }
    }
    checkMacsecKeys(circuit, where);
    if (circuit.ParentPhysicalConnectionId !== undefined) {
      if (circuit.ProductType !== 'VirtualPhysicalConnection') {
        throw new SeedError(`${where}: only a VirtualPhysicalConnection (shared circuit) has a ParentPhysicalConnectionId`);
      }
      if (byId.get(circuit.ParentPhysicalConnectionId)?.ProductType !== 'PhysicalConnection') {
        throw new SeedError(`${where}: ParentPhysicalConnectionId must name a dedicated PhysicalConnection`);
      }
    }
  });
  return circuits;
}

/** Keys only on a dedicated circuit, at most three, distinct CKNs, at most one in use. */
function checkMacsecKeys(circuit: CircuitRecord, where: string): void {
  const keys = circuit.MacsecKeys;
  if (keys.length === 0) return;
  if (circuit.ProductType !== 'PhysicalConnection') throw new SeedError(`${where}: MacsecKeys are only configured on a dedicated PhysicalConnection`);
  if (keys.length > MAX_MACSEC_KEYS) throw new SeedError(`${where}: at most ${MAX_MACSEC_KEYS} MacsecKeys`);
  if (new Set(keys.map((k) => k.Ckn)).size !== keys.length) throw new SeedError(`${where}: duplicate MacsecKeys Ckn`);
  if (keys.filter((k) => k.Status !== 'Disassociated').length > 1) {
    throw new SeedError(`${where}: at most one MacsecKey may be Associated or AssociatedFailed (the one in use)`);
  }
}

function parseVbrs(value: unknown, circuits: ReadonlyMap<string, CircuitRecord>): VbrRecord[] {
  if (!Array.isArray(value)) throw new SeedError('VirtualBorderRouters must be an array');
  const vbrs = value.map((entry, index) => {
    const where = entryLabel('VirtualBorderRouters', index, entry, 'VbrId');
    const record = parseEntry(entry, VBR_FIELDS, where, false) as unknown as SeedVirtualBorderRouter;
    assertTransient(record.TransitionAfterMs, record.Status, Object.keys(SEEDED_VBR_NEXT), where);
    const circuit = circuits.get(record.PhysicalConnectionId);
    if (!circuit || circuit.RegionId !== record.RegionId) {
      throw new SeedError(
        `${where}: PhysicalConnectionId "${record.PhysicalConnectionId}" is not a circuit of region ${record.RegionId} in this seed`,
      );
    }
    return {
      ...record,
      OwnerId: record.OwnerId ?? circuit.OwnerId,
      Type: record.Type ?? 'pconnVBR',
      Tags: record.Tags ?? [],
      AssociatedCens: record.AssociatedCens ?? [],
    };
  });
  assertUnique(vbrs.map((v) => v.VbrId), 'VirtualBorderRouters', 'VbrId');
  // A terminated VBR's VLAN can have been reused after its retention period, so only VBRs that
  // are not terminated must hold distinct VLANs on one circuit; the shared circuits a circuit hosts
  // hold theirs too.
  const held = new Map<string, string>();
  for (const c of circuits.values()) {
    if (c.ParentPhysicalConnectionId === undefined || c.VlanId === undefined || c.VpconnStatus === 'Deleted') continue;
    const key = `${c.ParentPhysicalConnectionId}/${Number(c.VlanId)}`;
    const holder = held.get(key);
    if (holder !== undefined) {
      throw new SeedError(`PhysicalConnections (${c.PhysicalConnectionId}): VlanId ${c.VlanId} is already used on ${c.ParentPhysicalConnectionId} by ${holder}`);
    }
    held.set(key, c.PhysicalConnectionId);
  }
  vbrs.forEach((vbr, index) => {
    if (vbr.Status === 'terminated') return;
    const key = `${vbr.PhysicalConnectionId}/${vbr.VlanId}`;
    const holder = held.get(key);
    if (holder !== undefined) {
      throw new SeedError(
        `VirtualBorderRouters[${index}] (${vbr.VbrId}): VlanId ${vbr.VlanId} is already used on ${vbr.PhysicalConnectionId} by ${holder}`,
      );
    }
    held.set(key, vbr.VbrId);
  });
  return vbrs;
}

/** Validates a seed (any JSON value) and returns a normalized copy; throws SeedError naming the bad entry. */
export function parseSeed(json: unknown): NormalizedSeed {
  if (!isObject(json)) throw new SeedError('the seed must be a JSON object');
  checkKeys(json, ['Regions', 'PhysicalConnections', 'VirtualBorderRouters'], 'seed');
  const regions = parseRegions(json.Regions);
  const circuits = parseCircuits(json.PhysicalConnections ?? [], new Set(regions.map((r) => r.RegionId)));
  const vbrs = parseVbrs(json.VirtualBorderRouters ?? [], new Map(circuits.map((c) => [c.PhysicalConnectionId, c])));
  return { Regions: regions, PhysicalConnections: circuits, VirtualBorderRouters: vbrs };
}

/** Reads and validates a seed JSON file; the Error names the file and the bad entry. */
export function loadSeedFile(path: string): NormalizedSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseSeed(json);
  } catch (error) {
    if (error instanceof SeedError) throw new SeedError(`${path}: ${error.message.replace(/^Invalid seed: /, '')}`);
    throw error;
  }
}
