/**
 * Typed reading of the flat request parameters (`Name`, `Tag.1.Key`, `Filter.2.Value.1`).
 * Every reader throws the API's own error for a bad value, so operations never see raw strings
 * they have not checked. An empty value counts as absent, as the SDKs omit unset fields.
 */
import { ApiError, commonErrors } from '../api-error';

export type ErrorFactory = () => ApiError;

export interface IndexedEntry {
  /** The N of `Prefix.N.*`. */
  index: number;
  fields: Map<string, string>;
}

const INDEX = /^[1-9]\d{0,2}$/;
const STRICT_INTEGER = /^-?\d{1,15}$/;

export class Params {
  constructor(private readonly raw: Readonly<Record<string, string>>) {}

  /** The business parameters for the idempotency hash (everything but the token itself). */
  entries(): Array<[string, string]> {
    return Object.entries(this.raw);
  }

  optional(name: string): string | undefined {
    const value = this.raw[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Throws MissingParameter for the first absent name, in the order given. */
  requireAll(names: readonly string[]): void {
    for (const name of names) this.required(name);
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw commonErrors.missingParameter(name);
    return value;
  }

  integer(name: string, min: number, max: number, invalid: ErrorFactory = () => commonErrors.invalidParameter(name)): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!STRICT_INTEGER.test(value)) throw invalid();
    const parsed = Number(value);
    if (parsed < min || parsed > max) throw invalid();
    return parsed;
  }

  boolean(name: string): boolean | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw commonErrors.invalidParameter(name);
  }

  /** `value` must be one of `allowed` (exact spelling), else `invalid()`. */
  oneOf<T extends string>(name: string, allowed: readonly T[], invalid: ErrorFactory): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw invalid();
    return value as T;
  }

  requiredOneOf<T extends string>(name: string, allowed: readonly T[], invalid: ErrorFactory): T {
    const value = this.required(name);
    if (!(allowed as readonly string[]).includes(value)) throw invalid();
    return value as T;
  }

  /**
   * Groups `Prefix.N.Field...` parameters by N (1-based, gaps allowed as the SDK skips nulls).
   * A parameter that starts with `Prefix.` but is not `Prefix.<N>.<Field>` is refused, so a
   * typo never silently drops a condition.
   */
  indexed(prefix: string, maxIndex: number): IndexedEntry[] {
    const groups = new Map<number, Map<string, string>>();
    for (const [name, value] of Object.entries(this.raw)) {
      if (!name.startsWith(`${prefix}.`)) continue;
      const rest = name.slice(prefix.length + 1);
      const dot = rest.indexOf('.');
      const indexText = dot < 0 ? '' : rest.slice(0, dot);
      const field = dot < 0 ? '' : rest.slice(dot + 1);
      if (!INDEX.test(indexText) || field === '' || Number(indexText) > maxIndex) {
        throw commonErrors.invalidParameter(name);
      }
      const index = Number(indexText);
      let fields = groups.get(index);
      if (!fields) groups.set(index, (fields = new Map()));
      fields.set(field, value);
    }
    return [...groups.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => ({ index, fields }));
  }

  /** `Prefix.1`, `Prefix.2`, ... (a repeat list of scalars), in index order. */
  list(prefix: string, maxIndex: number): string[] {
    const items: Array<[number, string]> = [];
    for (const [name, value] of Object.entries(this.raw)) {
      if (!name.startsWith(`${prefix}.`)) continue;
      const indexText = name.slice(prefix.length + 1);
      if (!INDEX.test(indexText) || Number(indexText) > maxIndex) throw commonErrors.invalidParameter(name);
      items.push([Number(indexText), value]);
    }
    return items.sort(([a], [b]) => a - b).map(([, value]) => value);
  }
}
