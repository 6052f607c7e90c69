/**
 * The argument rules every public entry point runs before anything is sent (the per-request data
 * source, the typed API); nothing below those entry points checks again.
 *
 * Invariants: allow-lists (exact shapes, bounded lengths), never deny-lists; a failure is a
 * `BadInputError` naming the argument whose message never echoes the value. The region rule is
 * the host-safety check of wire/endpoints.ts, re-exported here so the rules read as one set.
 */
import { isIPv4, isIPv6 } from 'node:net';
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

/**
 * Alibaba's name rule (names of circuits and VBRs): 2 to 128 characters, a letter or Chinese
 * character first, then letters, digits, Chinese characters, `.`, `_` or `-`.
 */
export function resourceName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._-]{1,127}$/.test(value)) {
    fail(field, `${field} must be 2 to 128 characters: a letter or Chinese character first, then letters, digits, Chinese characters, '.', '_' or '-'`);
  }
  return value;
}

/** Alibaba's description rule: 2 to 256 characters, a letter or Chinese character first, not a URL. */
export function resourceDescription(value: unknown, field: string): string {
  const described = text(value, field, 256, 2);
  if (!/^[A-Za-z\u4e00-\u9fa5]/.test(described) || /^https?:\/\//i.test(described)) {
    fail(field, `${field} must start with a letter or Chinese character and must not start with http:// or https://`);
  }
  return described;
}

/** The port types CreatePhysicalConnection and ModifyPhysicalConnectionAttribute document. */
export const PORT_TYPES = ['100Base-T', '1000Base-T', '1000Base-LX', '10GBase-T', '10GBase-LR', '40GBase-LR', '100GBase-LR'] as const;

/** The bandwidths (Mbit/s) CreatePhysicalConnection documents for a shared circuit. */
export const SHARED_CIRCUIT_BANDWIDTHS = [50, 100, 200, 300, 400, 500, 1000, 2000, 4000, 5000, 8000, 10000] as const;

/** One of `allowed` (numbers). */
export function oneOfNumbers(value: unknown, field: string, allowed: readonly number[]): number {
  if (typeof value !== 'number' || !allowed.includes(value)) fail(field, `${field} must be one of ${allowed.join(', ')}`);
  return value;
}

/** ModifyPhysicalConnectionAttribute's DownDelayTime: 0 to 10000 milliseconds, in steps of 100. */
export function downDelayTime(value: unknown, field: string): number {
  const ms = integer(value, field, 0, 10_000);
  if (ms % 100 !== 0) fail(field, `${field} must be a multiple of 100`);
  return ms;
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `${field} must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** A CKN or CAK is 32 hex digits under a 128-bit cipher suite, 64 under a 256-bit one. */
export const MACSEC_HEX_LENGTHS: readonly number[] = [32, 64];

/**
 * A MACsec CKN or CAK: hexadecimal of one of `lengths` digits, returned upper-cased (as the
 * upstream stores it, so CKNs compare as equal). The message never echoes the value: a CAK is the
 * secret of a link.
 */
export function macsecHex(value: unknown, field: string, lengths: readonly number[]): string {
  if (typeof value !== 'string' || !lengths.includes(value.length) || !/^[0-9A-Fa-f]+$/.test(value)) {
    fail(field, `${field} must be ${lengths.join(' or ')} hexadecimal digits`);
  }
  return value.toUpperCase();
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

// --- resource attributes, as Alibaba documents them (names, descriptions, peering addresses) ---

const CIRCUIT_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** The carrier's circuit code. */
export function circuitCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CIRCUIT_CODE_PATTERN.test(value)) {
    fail(field, `${field} must be 1 to 64 letters, digits, '.', '_' or '-'`);
  }
  return value;
}

export function ipv4Address(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isIPv4(value)) fail(field, `${field} must be an IPv4 address`);
  return value;
}

export function ipv6Address(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isIPv6(value)) fail(field, `${field} must be an IPv6 address`);
  return value;
}

/** `2408:4004:cc:400::/56`: an IPv6 address and a prefix length. */
export function ipv6Cidr(value: unknown, field: string): string {
  const [address, prefix, extra] = typeof value === 'string' ? value.split('/') : [];
  const validPrefix = prefix !== undefined && /^\d{1,3}$/.test(prefix) && Number(prefix) <= 128;
  if (extra !== undefined || address === undefined || !isIPv6(address) || !validPrefix) {
    fail(field, `${field} must be an IPv6 prefix such as 2408:4004:cc:400::/56`);
  }
  return value as string;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** The prefix length of a dotted mask; undefined when the ones are not contiguous. */
function maskLength(mask: string): number | undefined {
  const bits = ipv4Number(mask).toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return undefined;
  const firstZero = bits.indexOf('0');
  return firstZero === -1 ? 32 : firstZero;
}

/** A VBR's peering mask: a dotted IPv4 mask from /24 (255.255.255.0) to /30 (255.255.255.252). */
export function peeringSubnetMask(value: unknown, field: string): string {
  const length = typeof value === 'string' && isIPv4(value) ? maskLength(value) : undefined;
  if (length === undefined || length < 24 || length > 30) {
    fail(field, `${field} must be a subnet mask from 255.255.255.0 (/24) to 255.255.255.252 (/30)`);
  }
  return value as string;
}

/** Whether two valid IPv4 addresses share the subnet of a valid mask. */
export function sameSubnet(a: string, b: string, mask: string): boolean {
  const size = 2 ** (32 - (maskLength(mask) ?? 32));
  return Math.floor(ipv4Number(a) / size) === Math.floor(ipv4Number(b) / size);
}

/** The bandwidths (Mbit/s) a VBR on a dedicated circuit may have (a shared circuit's VBR takes the circuit's). */
export const VBR_BANDWIDTHS: readonly number[] = [
  50, 100, 200, 300, 400, 500, 1000, 2048, 5120, 8192, 10240, 20480, 40960, 50120, 61440, 102400,
];

export function vbrBandwidth(value: unknown, field: string): number {
  if (typeof value !== 'number' || !VBR_BANDWIDTHS.includes(value)) {
    fail(field, `${field} must be one of ${VBR_BANDWIDTHS.join(', ')} (Mbit/s)`);
  }
  return value;
}
