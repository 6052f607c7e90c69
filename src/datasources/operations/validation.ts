/**
 * The argument rules every public entry point runs before anything is sent (the per-request data
 * source, the typed API); nothing below those entry points checks again.
 *
 * Invariants: allow-lists (exact shapes, bounded lengths), never deny-lists; a failure is a
 * `BadInputError` naming the argument whose message never echoes the value. The region rule is
 * the host-safety check of wire/endpoints.ts, re-exported here so the rules read as one set.
 */
import { CLIENT_TOKEN_RULE, isValidClientToken } from '../../shared/client-token';
import { BadInputError } from '../errors';

export { regionId, type RegionId } from '../wire/endpoints';

// Looser than the emulator's seed formats (src/emulator/domain/rules.ts ID_PATTERNS) on purpose: a
// rule stricter than Alibaba's would refuse real ids; whether an id exists is the upstream's call.
const PHYSICAL_CONNECTION_ID_PATTERN = /^pc-[a-z0-9]{1,61}$/;
const VBR_ID_PATTERN = /^vbr-[a-z0-9]{1,60}$/;
/** Other resource ids used as filter values (access points, ECC, resource groups, CEN...). */
const GENERIC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The maximum number of values the gateway puts into one upstream `Filter.N.Value.M` list. */
export const MAX_FILTER_VALUES = 50;
/** The upstream allows at most this many `Filter.N` conditions. */
export const MAX_FILTER_CONDITIONS = 5;
export const MAX_PAGE_SIZE = 50;
const MAX_PAGE_NUMBER = 100_000;

function fail(field: string, message: string): never {
  throw new BadInputError(field, message);
}

export function physicalConnectionId(value: unknown, field = 'physicalConnectionId'): string {
  if (typeof value !== 'string' || !PHYSICAL_CONNECTION_ID_PATTERN.test(value)) {
    fail(field, `${field} must be a physical connection id: pc- followed by 1 to 61 lowercase letters or digits`);
  }
  return value;
}

export function vbrId(value: unknown, field = 'vbrId'): string {
  if (typeof value !== 'string' || !VBR_ID_PATTERN.test(value)) {
    fail(field, `${field} must be a VBR id: vbr- followed by 1 to 60 lowercase letters or digits`);
  }
  return value;
}

export function genericId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !GENERIC_ID_PATTERN.test(value)) {
    fail(field, `${field} must be a resource id (letters, digits, '.', '_', '-', at most 128 characters)`);
  }
  return value;
}

export function clientToken(value: unknown, field = 'clientToken'): string {
  if (typeof value !== 'string' || !isValidClientToken(value)) {
    fail(field, `${field} must be ${CLIENT_TOKEN_RULE}`);
  }
  return value;
}

/** Free text (names, descriptions, filter values): bounded, no control characters. */
export function text(value: unknown, field: string, maxLength: number, minLength = 1): string {
  if (typeof value !== 'string' || value.length < minLength || value.length > maxLength) {
    fail(field, `${field} must be a string of ${minLength} to ${maxLength} characters`);
  }
  if (CONTROL_CHARACTERS.test(value)) fail(field, `${field} must not contain control characters`);
  if (LONE_SURROGATE.test(value)) fail(field, `${field} must be valid Unicode (no unpaired surrogate)`);
  return value;
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `${field} must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, `${field} must be a boolean`);
  return value;
}

/** A 64-bit unsigned account id, as digits (numbers above 2^53 cannot be passed exactly). */
export function accountId(value: unknown, field: string): string {
  const digits = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof digits !== 'string' || !/^[0-9]{1,20}$/.test(digits) || BigInt(digits) > 18446744073709551615n) {
    fail(field, `${field} must be an account id (digits)`);
  }
  return digits;
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A filter's value list: an array of 1..maxCount entries, each checked by `each`. */
export function list<T>(
  value: unknown,
  field: string,
  each: (item: unknown, itemField: string) => T,
  maxCount = MAX_FILTER_VALUES,
): T[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxCount) {
    fail(field, `${field} must be a list of 1 to ${maxCount} values`);
  }
  return value.map((item, i) => each(item, `${field}[${i}]`));
}

export function page(pageNumber: unknown, pageSize: unknown): { pageNumber: number; pageSize: number } {
  return {
    pageNumber: integer(pageNumber, 'pageNumber', 1, MAX_PAGE_NUMBER),
    pageSize: integer(pageSize, 'pageSize', 1, MAX_PAGE_SIZE),
  };
}

export function optional<T>(value: unknown, check: (v: unknown) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value);
}

/** `text` as a one-argument check for `optional`. */
export const textOf =
  (maxLength: number, field: string) =>
  (value: unknown): string =>
    text(value, field, maxLength);

/** Requests are typed, but a JavaScript caller (or a resolver bug) may pass anything. */
export function request<T>(req: T): T {
  if (typeof req !== 'object' || req === null) fail('request', 'the request must be an object');
  return req;
}
