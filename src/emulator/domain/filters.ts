/**
 * `Filter.N.Key` / `Filter.N.Value.M`, `Tags.N.*` and `ResourceGroupId`: conditions AND, the values
 * of one condition OR; keys case-sensitive; enumerated values match case- and space-insensitively,
 * ids and names exactly (docs/emulator-seed.md#where-the-emulator-infers says why).
 */
import { commonErrors } from '../api-error';
import { filterErrors } from './errors';
import type { Params } from './params';
import { isValidTagKey, MAX_TAGS } from './rules';
import type { SeedTag } from './seed/types';

export const MAX_FILTER_CONDITIONS = 5;
const MAX_FILTER_VALUES = 100;

export type Matching = 'exact' | 'loose';

export interface FilterKeySpec<T> {
  get: (item: T) => string | undefined;
  matching: Matching;
}

export type FilterSpec<T> = Readonly<Record<string, FilterKeySpec<T>>>;

interface Condition<T> {
  spec: FilterKeySpec<T>;
  values: ReadonlySet<string>;
}

/** `Allocation Failed`, `AllocationFailed` and `allocationfailed` are one value. */
export function loose(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

function normalize(value: string, matching: Matching): string {
  return matching === 'loose' ? loose(value) : value;
}

export type ItemPredicate<T> = (item: T) => boolean;

/** Parses every `Filter.*` parameter against the keys one API allows. */
export function parseFilters<T>(params: Params, spec: FilterSpec<T>): ItemPredicate<T> {
  const entries = params.indexed('Filter', 999);
  const conditions: Array<Condition<T>> = [];
  for (const { index, fields } of entries) {
    const key = fields.get('Key');
    if (key === undefined || key === '') throw commonErrors.missingParameter(`Filter.${index}.Key`);
    const values: string[] = [];
    for (const [field, value] of fields) {
      if (field === 'Key') continue;
      const match = /^Value\.([1-9]\d{0,2})$/.exec(field);
      if (!match) throw commonErrors.invalidParameter(`Filter.${index}.${field}`);
      if (value !== '') values.push(value);
    }
    if (!Object.prototype.hasOwnProperty.call(spec, key)) throw filterErrors.keyNotSupported(index);
    const keySpec = spec[key];
    if (!keySpec) throw filterErrors.keyNotSupported(index);
    if (values.length === 0) throw commonErrors.missingParameter(`Filter.${index}.Value.1`);
    if (values.length > MAX_FILTER_VALUES) throw commonErrors.invalidParameter(`Filter.${index}.Value`);
    conditions.push({ spec: keySpec, values: new Set(values.map((v) => normalize(v, keySpec.matching))) });
  }
  if (conditions.length > MAX_FILTER_CONDITIONS) throw commonErrors.invalidParameter('Filter');
  return (item) =>
    conditions.every(({ spec: keySpec, values }) => {
      const actual = keySpec.get(item);
      return actual !== undefined && values.has(normalize(actual, keySpec.matching));
    });
}

/**
 * The values of the `Filter.N` condition on `key`, or undefined when there is none. Only a hint for
 * picking candidates by id (an index lookup instead of a scan): `parseFilters` still validates and
 * decides, so a candidate set may be too large but never too small.
 */
export function filterValuesOf(params: Params, key: string): string[] | undefined {
  for (const { fields } of params.indexed('Filter', 999)) {
    if (fields.get('Key') !== key) continue;
    return [...fields].filter(([field, value]) => field !== 'Key' && value !== '').map(([, value]) => value);
  }
  return undefined;
}

/** `Tags.N.Key` (+ optional `Tags.N.Value`): the resource must carry every listed tag. */
export function parseTagFilter<T>(params: Params, tagsOf: (item: T) => readonly SeedTag[]): ItemPredicate<T> {
  const wanted = params.indexed('Tags', MAX_TAGS).map(({ index, fields }) => {
    for (const field of fields.keys()) {
      if (field !== 'Key' && field !== 'Value') throw commonErrors.invalidParameter(`Tags.${index}.${field}`);
    }
    const key = fields.get('Key');
    if (key === undefined || key === '') throw commonErrors.missingParameter(`Tags.${index}.Key`);
    if (!isValidTagKey(key)) throw commonErrors.invalidParameter(`Tags.${index}.Key`);
    return { key, value: fields.get('Value') };
  });
  return (item) =>
    wanted.every(({ key, value }) =>
      tagsOf(item).some((tag) => tag.Key === key && (value === undefined || tag.Value === value)),
    );
}

/** `ResourceGroupId` as a filter: absent means every group. */
export function parseResourceGroupFilter<T>(params: Params, groupOf: (item: T) => string | undefined): ItemPredicate<T> {
  const wanted = params.optional('ResourceGroupId');
  if (wanted !== undefined && wanted.length > 64) throw commonErrors.invalidParameter('ResourceGroupId');
  return (item) => wanted === undefined || groupOf(item) === wanted;
}
