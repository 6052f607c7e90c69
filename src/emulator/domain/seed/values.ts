/**
 * Value-level seed validation: one field or one entry at a time, each failure a `SeedError` naming
 * where it is (`PhysicalConnections[3] (pc-...).Status`). Returns fresh values, never the caller's.
 */
import type { FieldKind, FieldSpec } from '../fields';
import { hasControlCharacters, ID_PATTERNS, isValidMacsecHex, isValidTagKey, isValidTagValue, macsecHexLength, MAX_TAGS } from '../rules';
import { normalizeTime } from '../state/time';
import {
  ATTACH_STATUSES,
  MACSEC_CIPHER_SUITES,
  MACSEC_KEY_STATUSES,
  MAX_TRANSITION_AFTER_MS,
  type MacsecCipherSuite,
  type MacsecKeyStatus,
  type SeedAssociatedCen,
  type SeedMacsecKey,
  type SeedTag,
} from './types';

export class SeedError extends Error {
  constructor(message: string) {
    super(`Invalid seed: ${message}`);
    this.name = 'SeedError';
  }
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
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

export function checkKeys(entry: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) throw new SeedError(`${where}: unknown field "${key}"`);
  }
}

function parseAccount(value: unknown, where: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && ID_PATTERNS.account.test(value)) return value;
  throw new SeedError(`${where} must be an account id (digits; give ids beyond 2^53 as strings), got ${describeValue(value)}`);
}

export function parseString(value: unknown, where: string, maxLength = 512): string {
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

/**
 * `{Ckn, Cak?, CipherSuite, StartOn?, Status}`, CKN and CAK hex of the suite's length (upper-cased,
 * as the API stores them). Messages name the field, never a CAK's value.
 */
function parseMacsecKeys(value: unknown, where: string): SeedMacsecKey[] {
  return unwrapList(value, ['MacsecKey'], where).map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(item)) throw new SeedError(`${at} must be an object`);
    checkKeys(item, ['Ckn', 'Cak', 'CipherSuite', 'StartOn', 'Status'], at);
    const suite = parseString(item.CipherSuite, `${at}.CipherSuite`);
    if (!(MACSEC_CIPHER_SUITES as readonly string[]).includes(suite)) {
      throw new SeedError(`${at}.CipherSuite must be one of ${MACSEC_CIPHER_SUITES.join(', ')}`);
    }
    const cipherSuite = suite as MacsecCipherSuite;
    const hexOfSuite = (field: 'Ckn' | 'Cak'): string => {
      const text = parseString(item[field], `${at}.${field}`);
      if (!isValidMacsecHex(text, cipherSuite)) {
        throw new SeedError(`${at}.${field} must be ${macsecHexLength(cipherSuite)} hex digits for ${cipherSuite}`);
      }
      return text.toUpperCase();
    };
    const status = parseString(item.Status, `${at}.Status`);
    if (!(MACSEC_KEY_STATUSES as readonly string[]).includes(status)) {
      throw new SeedError(`${at}.Status must be one of ${MACSEC_KEY_STATUSES.join(', ')}`);
    }
    const key: SeedMacsecKey = { Ckn: hexOfSuite('Ckn'), CipherSuite: cipherSuite, Status: status as MacsecKeyStatus };
    if (item.Cak !== undefined) key.Cak = hexOfSuite('Cak');
    if (item.StartOn !== undefined) {
      const startOn = typeof item.StartOn === 'string' ? normalizeTime(item.StartOn, true) : undefined;
      if (startOn === undefined) throw new SeedError(`${at}.StartOn must be a UTC time like 2021-08-24T07:30:58Z`);
      key.StartOn = startOn;
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
export function parseEntry(
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
