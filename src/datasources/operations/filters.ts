/**
 * Gateway filters (types.ts) -> validated upstream `Filter.N` conditions: the upstream's keys
 * (docs/datasource.md#requests: `eccId` and `type` are lower-case on the VBR APIs), enum values in
 * their upstream spelling, at most 5 conditions of 1..50 values, each value checked for its key.
 */
import { BadInputError } from '../errors';
import {
  LINE_OPERATORS,
  PHYSICAL_CONNECTION_SPECS,
  PHYSICAL_CONNECTION_STATUSES,
  PRODUCT_TYPES,
  VBR_STATUSES,
  type Tag,
} from '../models';
import type { FilterCondition } from './params';
import type { PhysicalConnectionFilter, VbrFilter } from '../types';
import * as v from './validation';
import { LINE_OPERATOR_WIRE, PHYSICAL_CONNECTION_STATUS_WIRE, PRODUCT_TYPE_WIRE, SPEC_WIRE, VBR_STATUS_WIRE } from './wire-enums';

type Check = (value: unknown, field: string) => string;

interface KeySpec<F> {
  field: keyof F & string;
  upstreamKey: string;
  check: Check;
}

const name: Check = (x, f) => v.text(x, f, 128);
const shortText: Check = (x, f) => v.text(x, f, 64);
const enumWire =
  <T extends string>(values: readonly T[], wire: Readonly<Record<T, string>>): Check =>
  (x, f) =>
    wire[v.oneOf(x, f, values)];

const PHYSICAL_CONNECTION_KEYS: readonly KeySpec<PhysicalConnectionFilter>[] = [
  { field: 'ids', upstreamKey: 'PhysicalConnectionId', check: (x, f) => v.physicalConnectionId(x, f) },
  { field: 'statuses', upstreamKey: 'Status', check: enumWire(PHYSICAL_CONNECTION_STATUSES, PHYSICAL_CONNECTION_STATUS_WIRE) },
  { field: 'names', upstreamKey: 'Name', check: name },
  { field: 'accessPointIds', upstreamKey: 'AccessPointId', check: (x, f) => v.genericId(x, f) },
  { field: 'lineOperators', upstreamKey: 'LineOperator', check: enumWire(LINE_OPERATORS, LINE_OPERATOR_WIRE) },
  { field: 'specs', upstreamKey: 'Spec', check: enumWire(PHYSICAL_CONNECTION_SPECS, SPEC_WIRE) },
  { field: 'productTypes', upstreamKey: 'ProductType', check: enumWire(PRODUCT_TYPES, PRODUCT_TYPE_WIRE) },
  { field: 'types', upstreamKey: 'Type', check: shortText },
];

const VBR_KEYS: readonly KeySpec<VbrFilter>[] = [
  { field: 'ids', upstreamKey: 'VbrId', check: (x, f) => v.vbrId(x, f) },
  { field: 'physicalConnectionIds', upstreamKey: 'PhysicalConnectionId', check: (x, f) => v.physicalConnectionId(x, f) },
  { field: 'statuses', upstreamKey: 'Status', check: enumWire(VBR_STATUSES, VBR_STATUS_WIRE) },
  { field: 'names', upstreamKey: 'Name', check: name },
  { field: 'accessPointIds', upstreamKey: 'AccessPointId', check: (x, f) => v.genericId(x, f) },
  { field: 'eccIds', upstreamKey: 'eccId', check: (x, f) => v.genericId(x, f) },
  { field: 'types', upstreamKey: 'type', check: shortText },
];

function conditions<F extends object>(filter: F | undefined, specs: readonly KeySpec<F>[], allowed: ReadonlySet<string>): FilterCondition[] {
  if (filter === undefined || filter === null) return [];
  if (typeof filter !== 'object') throw new BadInputError('filter', 'filter must be an object');
  const known = new Set(specs.map((s) => s.field));
  for (const key of Object.keys(filter)) {
    if (!known.has(key as keyof F & string) || !allowed.has(key)) {
      throw new BadInputError('filter', `filter key ${JSON.stringify(key.slice(0, 40))} is not supported here`);
    }
  }
  const out: FilterCondition[] = [];
  for (const spec of specs) {
    const raw = (filter as Record<string, unknown>)[spec.field];
    if (raw === undefined || raw === null) continue;
    out.push({ key: spec.upstreamKey, values: v.list(raw, `filter.${spec.field}`, spec.check) });
  }
  if (out.length > v.MAX_FILTER_CONDITIONS) {
    throw new BadInputError('filter', `at most ${v.MAX_FILTER_CONDITIONS} filter keys may be combined`);
  }
  return out;
}

/** The upstream key of `field`, for conditions built from ids validated at the boundary. */
function keyOf<F>(specs: readonly KeySpec<F>[], field: KeySpec<F>['field']): string {
  const spec = specs.find((s) => s.field === field);
  if (!spec) throw new Error(`no filter key for ${field}`);
  return spec.upstreamKey;
}
const CIRCUIT_ID_KEY = keyOf(PHYSICAL_CONNECTION_KEYS, 'ids');
const VBR_ID_KEY = keyOf(VBR_KEYS, 'ids');
const VBR_CIRCUIT_KEY = keyOf(VBR_KEYS, 'physicalConnectionIds');

const ALL_PC_FIELDS = new Set(PHYSICAL_CONNECTION_KEYS.map((s) => s.field as string));
const ALL_VBR_FIELDS = new Set(VBR_KEYS.map((s) => s.field as string));
const VBR_FIELDS_FOR_CIRCUIT = new Set([...ALL_VBR_FIELDS].filter((f) => f !== 'physicalConnectionIds'));

export const physicalConnectionConditions = (filter: PhysicalConnectionFilter | undefined) =>
  conditions(filter, PHYSICAL_CONNECTION_KEYS, ALL_PC_FIELDS);

export const vbrConditions = (filter: VbrFilter | undefined) => conditions(filter, VBR_KEYS, ALL_VBR_FIELDS);

/** DescribeVirtualBorderRoutersForPhysicalConnection: the circuit is a parameter, not a filter. */
export const vbrOfCircuitConditions = (filter: Omit<VbrFilter, 'physicalConnectionIds'> | undefined) =>
  conditions(filter as VbrFilter | undefined, VBR_KEYS, VBR_FIELDS_FOR_CIRCUIT);

// Conditions on ids the caller already validated (the loaders and fresh reads of one request).
export const circuitIdsCondition = (ids: readonly string[]): FilterCondition => ({ key: CIRCUIT_ID_KEY, values: ids });
export const vbrIdsCondition = (ids: readonly string[]): FilterCondition => ({ key: VBR_ID_KEY, values: ids });
export const vbrCircuitIdsCondition = (ids: readonly string[]): FilterCondition => ({ key: VBR_CIRCUIT_KEY, values: ids });

export function validTags(tags: unknown, field = 'tags'): Tag[] | undefined {
  if (tags === undefined || tags === null) return undefined;
  return v.list(
    tags,
    field,
    (t, f) => {
      if (typeof t !== 'object' || t === null) throw new BadInputError(f, `${f} must be { key, value }`);
      const tag = t as Record<string, unknown>;
      return { key: v.text(tag.key, `${f}.key`, 128), value: v.text(tag.value ?? '', `${f}.value`, 128, 0) };
    },
    20,
  );
}
