/**
 * Value rules shared by the seed validator and the operations, as the API documents them
 * (name/description lengths, VLAN range, IP and mask rules, id shapes).
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Alibaba's id formats, for seeds and parameters the emulator checks. Authoritative for what the
 * emulator holds; the gateway's allow-lists (src/datasources/operations/validation.ts) are looser on purpose
 * (existence is the upstream's call) and only need to be safe for hostnames and signed queries.
 */
export const ID_PATTERNS = {
  physicalConnection: /^pc-[a-z0-9]{4,40}$/,
  vbr: /^vbr-[a-z0-9]{4,40}$/,
  accessPoint: /^ap-[A-Za-z0-9-]{2,80}$/,
  resourceGroup: /^rg-[a-z0-9]{4,40}$/,
  /** Alibaba account ids: up to 20 digits (64-bit). */
  account: /^[0-9]{1,20}$/,
  region: /^[a-z]{2,}(-[a-z0-9]+){1,4}$/,
} as const;

/** 2..128 chars, starts with a letter or Chinese character; digits, `.`, `_`, `-` allowed after. */
export function isValidName(value: string): boolean {
  return /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._-]{1,127}$/.test(value);
}

/** 2..256 chars, starts with a letter or Chinese character, not a URL, no control characters. */
export function isValidDescription(value: string): boolean {
  return (
    value.length >= 2 &&
    value.length <= 256 &&
    /^[A-Za-z\u4e00-\u9fa5]/.test(value) &&
    !/^https?:\/\//i.test(value) &&
    !hasControlCharacters(value)
  );
}

export function isValidCircuitCode(value: string): boolean {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(value);
}

/** Free text the API echoes (PeerLocation, ...): bounded, printable. */
export function isValidFreeText(value: string, maxLength: number): boolean {
  return value.length <= maxLength && !hasControlCharacters(value);
}

export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

export const VLAN_MIN = 0;
export const VLAN_MAX = 2999;

export function isValidVlan(value: number): boolean {
  return Number.isInteger(value) && value >= VLAN_MIN && value <= VLAN_MAX;
}

export function isValidIpv4(value: string): boolean {
  return isIPv4(value);
}

export function isValidIpv6(value: string): boolean {
  return isIPv6(value);
}

/** `2408:4004:cc:400::/56` */
export function isValidIpv6Cidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const prefix = value.slice(slash + 1);
  return isIPv6(value.slice(0, slash)) && /^\d{1,3}$/.test(prefix) && Number(prefix) <= 128;
}

function ipv4ToNumber(value: string): number {
  return value.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** Prefix length of a dotted mask, or undefined when it is not a contiguous mask. */
function maskPrefixLength(mask: string): number | undefined {
  if (!isIPv4(mask)) return undefined;
  const bits = ipv4ToNumber(mask).toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return undefined;
  return bits.indexOf('0') < 0 ? 32 : bits.indexOf('0');
}

/** The API accepts peering masks from /24 to /30 (ModifyVirtualBorderRouterAttribute doc). */
export function isValidPeeringMask(mask: string): boolean {
  const length = maskPrefixLength(mask);
  return length !== undefined && length >= 24 && length <= 30;
}

export function sameSubnet(a: string, b: string, mask: string): boolean {
  const length = maskPrefixLength(mask) ?? 32;
  const size = 2 ** (32 - length);
  return Math.floor(ipv4ToNumber(a) / size) === Math.floor(ipv4ToNumber(b) / size);
}

export const DEDICATED_VBR_BANDWIDTHS: readonly number[] = [
  50, 100, 200, 300, 400, 500, 1000, 2048, 5120, 8192, 10240, 20480, 40960, 50120, 61440, 102400,
];

export const SHARED_CIRCUIT_BANDWIDTHS: readonly number[] = [
  50, 100, 200, 300, 400, 500, 1000, 2000, 4000, 5000, 8000, 10000,
];

/** Tag rules (Tag.N / Tags.N): key 1..128, not reserved, no URL; value up to 128. */
export function isValidTagKey(key: string): boolean {
  return (
    key.length >= 1 &&
    key.length <= 128 &&
    !/^(aliyun|acs:)/i.test(key) &&
    !/https?:\/\//i.test(key) &&
    !hasControlCharacters(key)
  );
}

export function isValidTagValue(value: string): boolean {
  return value.length <= 128 && !/^(aliyun|acs:)/i.test(value) && !/https?:\/\//i.test(value) && !hasControlCharacters(value);
}

export const MAX_TAGS = 20;

/** At most this many CKN/CAK pairs per circuit (AssociateMacSecKey doc). */
export const MAX_MACSEC_KEYS = 3;

/** Hex digits a CKN and a CAK take under a cipher suite: 32 for the 128-bit suites, 64 for the 256-bit ones. */
export function macsecHexLength(cipherSuite: string): 32 | 64 {
  return cipherSuite.endsWith('-256') ? 64 : 32;
}

/** A CKN or CAK for that suite: hex digits (any case) of its length. */
export function isValidMacsecHex(value: string, cipherSuite: string): boolean {
  return value.length === macsecHexLength(cipherSuite) && /^[0-9A-Fa-f]+$/.test(value);
}

/** A CKN when the suite is not known (DisassociateMacSecKey): 32 or 64 hex digits. */
export function isValidCkn(value: string): boolean {
  return /^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{64})$/.test(value);
}

/** `VpconnSpec` -> Mbit/s (`M` is Mbit/s, `G` is Gbit/s). */
export function vpconnSpecMbps(spec: string): number {
  const value = Number.parseInt(spec, 10);
  return spec.endsWith('G') ? value * 1000 : value;
}

/** ClientToken (docs/emulator-seed.md#idempotency): the one rule the gateway validates with too. */
export { isValidClientToken } from '../../shared/client-token';
