/**
 * Readers for upstream values, tolerant of the API's inconsistencies: numbers sent as strings
 * (and the reverse), booleans as `"false"`, times with or without a zone, a single object where
 * XML has no way to say "array of one", and 64-bit integers pre-quoted by wire/parse.ts.
 *
 * They narrow `unknown` and never throw: an unreadable optional value becomes null.
 */
import { UpstreamError } from '../errors';
import type { UnexpectedValueEvent } from '../options';

export type Raw = Record<string, unknown>;

export interface MapContext {
  action: string;
  regionId: string;
  requestId: string;
  unexpected(e: Omit<UnexpectedValueEvent, 'action'>): void;
}

/** One mapped item: the model, or why this item (only) could not be mapped. */
export type Mapped<T> =
  | { ok: true; value: T }
  | { ok: false; id: string | null; error: UpstreamError; /** Circuit of a rejected VBR. */ ownerId: string | null };

export function record(value: unknown): Raw | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;
}

/** `{ <key>: [...] }`; a lone object (XML with one child) counts as a list of one. */
export function items(container: unknown, key: string): Raw[] {
  const inner = record(container)?.[key];
  const list = Array.isArray(inner) ? inner : inner === undefined || inner === null || inner === '' ? [] : [inner];
  return list.map(record).filter((r): r is Raw => r !== null);
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

export function int(value: unknown): number | null {
  const n = num(value);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return null;
}

/** A 64-bit id as exact digits (wire/parse.ts quoted the ones a double cannot hold). */
export function uint64(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Circuits say `2021-08-24T07:30:58Z`; VBRs omit the zone (`2021-06-08T12:20:55`): UTC. */
export function time(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = ISO_TIME.exec(text);
  if (!match) return null;
  const zoned = match[3] ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `Allocation Failed`, `AllocationFailed`, `active`, `PrePaid` -> compared without case or separators. */
function normalizeEnumText(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Normalized text -> value, per enum value list (the lists are module constants, so few). */
const enumIndexes = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

function enumIndex(values: readonly string[]): ReadonlyMap<string, string> {
  let index = enumIndexes.get(values);
  if (index === undefined) {
    const built = new Map<string, string>();
    // The first value wins, as a linear search would.
    for (const v of values) if (!built.has(normalizeEnumText(v))) built.set(normalizeEnumText(v), v);
    enumIndexes.set(values, built);
    index = built;
  }
  return index;
}

export function matchEnum<T extends string>(values: readonly T[], raw: unknown): T | null {
  if (typeof raw !== 'string') return null;
  // Every item of every page goes through here several times: one lookup, not a scan that
  // normalizes each candidate again.
  return (enumIndex(values).get(normalizeEnumText(raw)) as T | undefined) ?? null;
}

/** The value reported in hooks: bounded and printable. */
export function displayValue(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 64);
}

/** An optional enum: absent -> null; unknown -> null, reported (one new value must not fail a list). */
export function optionalEnum<T extends string>(
  values: readonly T[],
  raw: unknown,
  field: string,
  resourceId: string | null,
  ctx: MapContext,
): T | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = matchEnum(values, raw);
  if (value === null) ctx.unexpected({ resourceId, field, value: displayValue(raw), consequence: 'null' });
  return value;
}

/** A required field the gateway cannot do without (id, Status): the item fails, not the call. */
export function itemError(ctx: MapContext, resourceId: string | null, field: string, raw: unknown): UpstreamError {
  const shown = displayValue(raw);
  ctx.unexpected({ resourceId, field, value: shown, consequence: 'item-rejected' });
  return new UpstreamError({
    kind: 'UNKNOWN',
    code: 'Response.UnexpectedValue',
    httpStatus: 200,
    requestId: ctx.requestId,
    hostId: null,
    action: ctx.action,
    message: `${ctx.action} returned ${resourceId ?? 'an item'} with an unsupported ${field} ${JSON.stringify(shown)}`,
    retryable: false,
  });
}

export function tags(container: unknown, key: string): { key: string; value: string }[] {
  return items(container, key).flatMap((t) => {
    const k = str(t.Key);
    return k === null ? [] : [{ key: k, value: typeof t.Value === 'string' ? t.Value : (str(t.Value) ?? '') }];
  });
}
