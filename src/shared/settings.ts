/**
 * Settings defined once: a zod rule plus the value taken when unset (`setting`), read by one reader
 * (`readSettings`) from the environment or from programmatic options. See docs/runtime.md#settings.
 *
 * Invariants: a rule's message never quotes the value (it may be a secret: only a caller that
 * knows it is not may add it); in the environment an empty or blank value counts as unset; the
 * reader reports every problem, not only the first.
 */
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Setting<Z extends z.ZodType = z.ZodType, F = z.output<Z> | undefined> {
  schema: Z;
  /** Applied when unset (the one place a default is written); `undefined` means "not configured". */
  fallback: F;
}

export function setting<Z extends z.ZodType>(schema: Z): Setting<Z, undefined>;
export function setting<Z extends z.ZodType>(schema: Z, fallback: z.output<Z>): Setting<Z, z.output<Z>>;
export function setting(schema: z.ZodType, fallback?: unknown): Setting {
  return { schema, fallback };
}

export type Settings = Readonly<Record<string, Setting>>;
/** Settings read from environment text: every rule takes a string. */
export type EnvSettings = Readonly<Record<string, Setting<z.ZodType<unknown, string>, unknown>>>;

/** A setting with a fallback always has a value once read; one without may be unset. */
export type Values<S extends Settings> = {
  [K in keyof S]: S[K] extends Setting<infer Z, infer F> ? (undefined extends F ? z.output<Z> | undefined : z.output<Z>) : never;
};

export interface SettingProblem {
  name: string;
  message: string;
}

/** Empty means unset: `FOO= npm start` behaves like not setting FOO. */
export const blank = (raw: unknown): boolean => raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/** Every setting of `settings` from `source`, in declaration order; a rejected one reads as unset. */
export function readSettings<S extends Settings>(
  settings: S,
  source: { readonly [K in keyof S]?: unknown },
  unset: (raw: unknown) => boolean = blank,
): { values: Values<S>; problems: SettingProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [name, { schema, fallback }] of Object.entries(settings)) {
    const raw = (source as Readonly<Record<string, unknown>>)[name];
    if (unset(raw)) {
      values[name] = fallback;
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push({ name, message: parsed.error.issues[0]?.message ?? 'invalid value' });
  }
  return { values: values as Values<S>, problems };
}

// ------------------------------------------------------------------ rules over typed values

export function integer(min: number, max: number): z.ZodNumber {
  const message = `must be an integer from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

export const port = integer(0, 65535);

export const oneOf = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const flag = z.boolean({ error: 'must be true or false' });

export const printable = (max: number) =>
  z.string().regex(new RegExp(`^[\\x20-\\x7e]{1,${max}}$`), `must be 1..${max} printable ASCII characters`);

/** A host to bind: a DNS name or an IPv4/IPv6 literal, nothing that could smuggle a path. */
export const host = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|[0-9A-Fa-f:.]{2,45})$/,
    'must be a host name or an IP address',
  );

// ------------------------------------------------------------------ environment text into those rules

const DIGITS = /^\d{1,10}$/;
const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** `true`/`false` and their usual spellings (`1`, `yes`, `on`, ...), any case; null for other words. */
export function word(value: string): boolean | null {
  const lower = value.trim().toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : null;
}

/**
 * The environment's text (trimmed) parsed into `rule`: digits for a number rule, a word for a
 * boolean one. Text that does not convert reaches the rule as NaN or null, so the rule's own
 * message reports it.
 */
export function fromEnv<Z extends z.ZodNumber | z.ZodBoolean | z.ZodType<unknown, string>>(rule: Z): z.ZodType<z.output<Z>, string> {
  const text = z.string().trim();
  if (rule instanceof z.ZodNumber) return text.transform((s) => (DIGITS.test(s) ? Number(s) : Number.NaN)).pipe(rule);
  if (rule instanceof z.ZodBoolean) return text.transform(word).pipe(rule);
  return text.pipe(rule as z.ZodType<z.output<Z>, string>);
}

export const boolean = fromEnv(flag);

/** At most `calls` calls in any `windowMs` (a flow-control quota). */
export interface Rate {
  calls: number;
  windowMs: number;
}

const RATE = /^(\d{1,7})\/(\d{1,5})$/;
const MAX_RATE_CALLS = 1_000_000;
const MAX_RATE_SECONDS = 86_400;

/**
 * `<calls>/<seconds>` (`300/60`: 300 calls per 60 s) or `off` (any case): a quota such as Alibaba's
 * flow control. Both numbers at least 1; at most a million calls and a day.
 */
export const rateOrOff = z
  .string()
  .trim()
  .transform((text, ctx): Rate | 'off' => {
    if (text.toLowerCase() === 'off') return 'off';
    const [, calls, seconds] = RATE.exec(text) ?? [];
    const rate = { calls: Number(calls), windowMs: Number(seconds) * 1000 };
    if (rate.calls >= 1 && rate.calls <= MAX_RATE_CALLS && rate.windowMs >= 1000 && rate.windowMs <= MAX_RATE_SECONDS * 1000) return rate;
    ctx.addIssue({
      code: 'custom',
      message: `must be <calls>/<seconds> such as 300/60 (calls 1 to ${MAX_RATE_CALLS}, seconds 1 to ${MAX_RATE_SECONDS}), or off`,
    });
    return z.NEVER;
  });

/** How a rate reads in settings and messages: `300/60` or `off`. */
export function formatRate(rate: Rate | 'off'): string {
  return rate === 'off' ? 'off' : `${rate.calls}/${rate.windowMs / 1000}`;
}

/** Comma-separated items, trimmed, empty ones dropped. */
export const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const commaList = (item: z.ZodType<string, string>, what: string) =>
  z
    .string()
    .transform(list)
    .pipe(z.array(item, { error: `must be a comma-separated list of ${what}` }).max(50));
