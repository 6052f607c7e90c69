/**
 * The seed API: types, validation (`parseSeed`, `loadSeedFile`), the demo data set and the
 * benchmark generator. `parseSeed` is the only way data enters the domain: it checks types, id
 * shapes, uniqueness and references, fills defaults, and returns fresh objects (never the
 * caller's), so a bad seed fails at load time with a message naming the entry, not later.
 */
import { readFileSync } from 'node:fs';
import { CIRCUIT_FIELDS, VBR_FIELDS, type FieldKind, type FieldSpec } from '../fields';
import { defaultRegions } from '../regions';
import { hasControlCharacters, ID_PATTERNS, isValidTagKey, isValidTagValue, MAX_TAGS } from '../rules';
import {
  ATTACH_STATUSES,
  DEFAULT_ACCOUNT_ID,
  MAX_TRANSITION_AFTER_MS,
  type SeedAssociatedCen,
  type SeedMacsecKey,
  type SeedPhysicalConnection,
  type SeedRegion,
  type SeedTag,
  type SeedVirtualBorderRouter,
} from './types';
import { normalizeTime } from '../state/time';
import { SEEDED_CIRCUIT_NEXT, SEEDED_VBR_NEXT } from '../state/transitions';

/** A circuit as the domain stores it: a seed entry with its defaults filled in. */
export type CircuitRecord = SeedPhysicalConnection &
  Required<Pick<SeedPhysicalConnection, 'OwnerId' | 'BusinessStatus' | 'ProductType' | 'Type' | 'Tags' | 'MacsecKeys'>>;

export type VbrRecord = SeedVirtualBorderRouter &
  Required<Pick<SeedVirtualBorderRouter, 'OwnerId' | 'Type' | 'Tags' | 'AssociatedCens'>>;

export interface NormalizedSeed {
  Regions: SeedRegion[];
  PhysicalConnections: CircuitRecord[];
  VirtualBorderRouters: VbrRecord[];
}

export class SeedError extends Error {
  constructor(message: string) {
    super(`Invalid seed: ${message}`);
    this.name = 'SeedError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/** Lists may come as plain arrays or wrapped as the API returns them (`{ "tags": [...] }`). */
function unwrapList(value: unknown, wrappers: readonly string[], where: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    const keys = Object.keys(value);
    const wrapper = wrappers.find((w) => keys.length === 1 && keys[0] === w);
    const inner = wrapper === undefined ? undefined : value[wrapper];
    if (Array.isArray(inner)) return inner;
  }
  throw new SeedError(`${where} must be an array`);
}

function checkKeys(entry: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) throw new SeedError(`${where}: unknown field "${key}"`);
  }
}

function parseAccount(value: unknown, where: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && ID_PATTERNS.account.test(value)) return value;
  throw new SeedError(`${where} must be an account id (digits; give ids beyond 2^53 as strings), got ${describeValue(value)}`);
}

function parseString(value: unknown, where: string, maxLength = 512): string {
  if (typeof value !== 'string') throw new SeedError(`${where} must be a string, got ${describeValue(value)}`);
  if (value.length > maxLength || hasControlCharacters(value)) {
    throw new SeedError(`${where} must be printable text of at most ${maxLength} characters`);
  }
  return value;
}

function parseTags(value: unknown, where: string): SeedTag[] {
  const list = unwrapList(value, ['tags', 'Tags'], where);
  if (list.length > MAX_TAGS) throw new SeedError(`${where}: at most ${MAX_TAGS} tags`);
  const tags = list.map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(item)) throw new SeedError(`${at} must be an object {Key, Value}`);
    checkKeys(item, ['Key', 'Value'], at);
    const key = parseString(item.Key, `${at}.Key`);
    const tagValue = parseString(item.Value ?? '', `${at}.Value`);
    if (!isValidTagKey(key)) throw new SeedError(`${at}.Key is not a valid tag key`);
    if (!isValidTagValue(tagValue)) throw new SeedError(`${at}.Value is not a valid tag value`);
    return { Key: key, Value: tagValue };
  });
  if (new Set(tags.map((tag) => tag.Key)).size !== tags.length) throw new SeedError(`${where}: duplicate tag key`);
  return tags;
}

function parseMacsecKeys(value: unknown, where: string): SeedMacsecKey[] {
  return unwrapList(value, ['MacsecKey'], where).map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(item)) throw new SeedError(`${at} must be an object`);
    const fields = ['Ckn', 'Cak', 'CipherSuite', 'StartOn', 'Status'] as const;
    checkKeys(item, fields, at);
    const key: SeedMacsecKey = {};
    for (const field of fields) {
      if (item[field] !== undefined) key[field] = parseString(item[field], `${at}.${field}`);
    }
    return key;
  });
}

function parseCens(value: unknown, where: string): SeedAssociatedCen[] {
  return unwrapList(value, ['AssociatedCen'], where).map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(item)) throw new SeedError(`${at} must be an object`);
    checkKeys(item, ['CenId', 'CenOwnerId', 'CenStatus'], at);
    const cen: SeedAssociatedCen = { CenId: parseString(item.CenId, `${at}.CenId`, 64) };
    if (item.CenOwnerId !== undefined) cen.CenOwnerId = parseAccount(item.CenOwnerId, `${at}.CenOwnerId`);
    if (item.CenStatus !== undefined) {
      const status = parseString(item.CenStatus, `${at}.CenStatus`);
      if (!(ATTACH_STATUSES as readonly string[]).includes(status)) {
        throw new SeedError(`${at}.CenStatus must be one of ${ATTACH_STATUSES.join(', ')}`);
      }
      cen.CenStatus = status;
    }
    return cen;
  });
}

function parseField(kind: FieldKind, value: unknown, where: string, timesWithZone: boolean): unknown {
  switch (kind.type) {
    case 'string': {
      const text = parseString(value, where);
      if (kind.oneOf && !kind.oneOf.includes(text)) {
        throw new SeedError(`${where} must be one of ${kind.oneOf.map((v) => `"${v}"`).join(', ')}, got ${describeValue(text)}`);
      }
      if (kind.pattern && !kind.pattern.test(text)) {
        throw new SeedError(`${where} does not match ${String(kind.pattern)}, got ${describeValue(text)}`);
      }
      if (kind.check && !kind.check(text)) {
        throw new SeedError(`${where} must be ${kind.rule ?? 'valid'}, got ${describeValue(text)}`);
      }
      return text;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < kind.min || value > kind.max) {
        throw new SeedError(`${where} must be an integer from ${kind.min} to ${kind.max}, got ${describeValue(value)}`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new SeedError(`${where} must be true or false, got ${describeValue(value)}`);
      return value;
    case 'time': {
      const normalized = typeof value === 'string' ? normalizeTime(value, timesWithZone) : undefined;
      if (normalized === undefined) {
        throw new SeedError(`${where} must be a UTC time like 2021-08-24T07:30:58Z, got ${describeValue(value)}`);
      }
      return normalized;
    }
    case 'account':
      return parseAccount(value, where);
    case 'tags':
      return parseTags(value, where);
    case 'macsecKeys':
      return parseMacsecKeys(value, where);
    case 'cens':
      return parseCens(value, where);
    case 'delay':
      if (value === 'never') return value;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TRANSITION_AFTER_MS) {
        throw new SeedError(
          `${where} must be milliseconds from 0 to ${MAX_TRANSITION_AFTER_MS} or "never", got ${describeValue(value)}`,
        );
      }
      return value;
  }
}

/** Copies the known fields of one entry in table order, validating each. */
function parseEntry(
  entry: unknown,
  fields: Record<string, FieldSpec>,
  where: string,
  timesWithZone: boolean,
): Json {
  if (!isObject(entry)) throw new SeedError(`${where} must be an object`);
  checkKeys(entry, Object.keys(fields), where);
  const record: Json = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = entry[name];
    if (value === undefined || value === null) {
      if (spec.required) throw new SeedError(`${where}: missing required field "${name}"`);
      continue;
    }
    record[name] = parseField(spec.kind, value, `${where}.${name}`, timesWithZone);
  }
  return record;
}

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
  // are not terminated must hold distinct VLANs on one circuit.
  const held = new Map<string, string>();
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

