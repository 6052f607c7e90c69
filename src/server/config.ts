/**
 * The gateway's settings: every environment variable the process reads, validated once at start-up.
 *
 * An invalid value stops the process with a message naming the variable (never echoing a secret),
 * because a gateway that starts half-configured fails later, at a worse moment. `SETTINGS` is the
 * single list of variables; README.md (Configuration) documents each one (a unit test keeps them in step).
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseEndpointOverride } from '../datasources';
import { MAX_CACHE_ENTRIES, MAX_CACHE_TTL_MS, type VpcBackendOptions } from '../datasources/options';
import { REGION_ID_PATTERN } from '../datasources';
import { parseHost, type ParsedHost } from './plugins/host-check';

export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `auto` picks endpoint, then Alibaba credentials, then the embedded emulator (upstream-mode.ts). */
const UPSTREAM_MODES = ['auto', 'emulator', 'endpoint', 'alibaba'] as const;
export type UpstreamModeSetting = (typeof UPSTREAM_MODES)[number];

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// ------------------------------------------------------------------ value parsers

/** Empty means unset: `FOO= npm start` should behave like not setting FOO. */
const unset = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be an integer from ${min} to ${max}`);

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);
const boolean = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE.has(v) || FALSE.has(v), 'must be true or false')
  .transform((v) => TRUE.has(v));

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` }));

/** A host to bind: a DNS name or an IPv4/IPv6 literal, nothing that could smuggle a path. */
const host = z
  .string()
  .trim()
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|[0-9A-Fa-f:.]{2,45})$/,
    'must be a host name or an IP address',
  );

const regionId = z.string().trim().regex(REGION_ID_PATTERN, 'must be a region id such as cn-hangzhou');

const endpoint = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    try {
      parseEndpointOverride(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid endpoint' });
    }
  });

/** http(s) URL; plain http only for loopback (a JWKS fetched in clear text could be swapped). */
const jwksUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https:// URL' });
      return;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      ctx.addIssue({ code: 'custom', message: 'must use https (plain http is accepted for loopback hosts only)' });
    }
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
  });

/** Secret: checked for strength, never echoed. 32 bytes = the HS256 key size (RFC 7518 §3.2). */
const jwtSecret = z.string().refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'must be at least 32 bytes');

const printable = (max: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^[\\x20-\\x7e]{1,${max}}$`), `must be 1..${max} printable ASCII characters`);

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const commaList = (item: z.ZodType<string, string>, what: string) =>
  z
    .string()
    .transform(list)
    .pipe(z.array(item, { error: `must be a comma-separated list of ${what}` }).max(50));

/** Browser origins are `scheme://host[:port]` exactly (no path, no trailing slash), or `*`. */
const origin = z
  .string()
  .refine(
    (v) => v === '*' || /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?$/.test(v),
    'must be origins like https://console.example.com (no path), or *',
  );

/** The Host allowlist (host-check.ts): `*`, or host names / IP addresses, each with an optional port. */
function hostList(value: string): ParsedHost[] | null {
  const hosts = list(value).map(parseHost);
  return hosts.length > 0 && hosts.length <= 50 && hosts.every((h): h is ParsedHost => h !== null) ? hosts : null;
}
const allowedHosts = z
  .string()
  .trim()
  .refine((v) => v === '*' || hostList(v) !== null, 'must be host names like api.example.com or api.example.com:443, comma-separated, or *')
  .transform((v) => (v === '*' ? ('*' as const) : (hostList(v) ?? [])));

const LOOPBACK_HOSTS = /^(?:localhost|::1|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/** An address or CIDR range of trusted proxies, or one of proxy-addr's names for the reserved ranges. */
function proxyRange(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Fastify's `trustProxy`: every proxy (true), none, or the proxies at these addresses. No hop
 * count: Fastify 5 ignores one (it cannot tell the nearest proxy from a client that sends
 * `X-Forwarded-For` itself), so accepting it would trust nothing while looking configured.
 */
function trustProxyValue(value: string): boolean | string[] | null {
  const word = value.toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  const ranges = list(value);
  return ranges.length > 0 && ranges.every(proxyRange) ? ranges : null;
}
const trustProxy = z
  .string()
  .trim()
  .refine(
    (v) => trustProxyValue(v) !== null,
    'must be true, false, or the proxies\' addresses or CIDR ranges, comma-separated (not a hop count: it cannot tell a proxy from a client)',
  )
  .transform((v) => trustProxyValue(v) ?? false);

// ------------------------------------------------------------------ the settings

interface Setting<T, F extends T | undefined = T | undefined> {
  schema: z.ZodType<T, string>;
  /** Applied when unset (the one place a default is written); `undefined` means "not configured". */
  fallback: F;
}

function setting<T>(schema: z.ZodType<T, string>): Setting<T, undefined>;
function setting<T>(schema: z.ZodType<T, string>, fallback: T): Setting<T, T>;
function setting<T>(schema: z.ZodType<T, string>, fallback?: T): Setting<T> {
  return { schema, fallback };
}

/** Every variable the gateway itself reads (the Alibaba credential chain reads its own; see docs). */
export const SETTINGS = {
  NODE_ENV: setting(z.string().trim(), 'development'),
  HOST: setting(host, '127.0.0.1'),
  PORT: setting(integer(0, 65535), 4000),
  LOG_LEVEL: setting(oneOf(LOG_LEVELS), 'info'),

  VPC_UPSTREAM_MODE: setting(oneOf(UPSTREAM_MODES), 'auto'),
  VPC_ENDPOINT: setting(endpoint),
  VPC_DEFAULT_REGION: setting(regionId, 'cn-hangzhou'),
  VPC_SIGNATURE_VERSION: setting(oneOf(['v3', 'v1'] as const), 'v3'),
  VPC_CONNECTIONS_PER_ORIGIN: setting(integer(1, 4096)),
  VPC_CONNECT_TIMEOUT_MS: setting(integer(1, 3_600_000)),
  VPC_HEADERS_TIMEOUT_MS: setting(integer(1, 3_600_000)),
  VPC_BODY_TIMEOUT_MS: setting(integer(1, 3_600_000)),
  VPC_TOTAL_TIMEOUT_MS: setting(integer(1, 3_600_000)),
  VPC_RETRY_MAX_ATTEMPTS: setting(integer(1, 20)),
  VPC_RETRY_BASE_DELAY_MS: setting(integer(1, 3_600_000)),
  VPC_RETRY_MAX_DELAY_MS: setting(integer(1, 3_600_000)),
  VPC_RETRY_BUDGET_MS: setting(integer(1, 3_600_000)),
  VPC_USER_AGENT: setting(printable(128)),
  VPC_READ_COALESCING: setting(boolean),
  VPC_READ_CACHE_TTL_MS: setting(integer(0, MAX_CACHE_TTL_MS)),
  VPC_READ_CACHE_MAX_ENTRIES: setting(integer(1, MAX_CACHE_ENTRIES)),

  VPC_EMULATOR_TRANSITION_MS: setting(integer(0, 86_400_000)),
  VPC_EMULATOR_SEED: setting(z.string().trim().min(1)),

  GATEWAY_AUTH_MODE: setting(oneOf(['none', 'jwt'] as const)),
  GATEWAY_JWT_SECRET: setting(jwtSecret),
  GATEWAY_JWKS_URL: setting(jwksUrl),
  GATEWAY_JWKS_TIMEOUT_MS: setting(integer(100, 60_000), 5_000),
  GATEWAY_JWT_ISSUER: setting(printable(512)),
  GATEWAY_JWT_AUDIENCE: setting(commaList(printable(512), 'audiences')),
  GATEWAY_JWT_CLOCK_TOLERANCE_S: setting(integer(0, 300), 5),

  GATEWAY_CORS_ORIGINS: setting(commaList(origin, 'origins'), [] as string[]),
  GATEWAY_INTROSPECTION: setting(boolean),
  GATEWAY_PLAYGROUND: setting(boolean),
  GATEWAY_DEBUG_ERRORS: setting(boolean, false),
  GATEWAY_TRUST_PROXY: setting(trustProxy, false),
  GATEWAY_ALLOWED_HOSTS: setting(allowedHosts),
  GATEWAY_REQUEST_TIMEOUT_MS: setting(integer(100, 600_000), 30_000),

  GATEWAY_BODY_LIMIT_BYTES: setting(integer(1024, 10 * 1024 * 1024), 100 * 1024),
  GATEWAY_MAX_DEPTH: setting(integer(1, 100), 10),
  GATEWAY_MAX_ALIASES: setting(integer(0, 1000), 15),
  GATEWAY_MAX_TOKENS: setting(integer(50, 100_000), 2_000),
  GATEWAY_MAX_DIRECTIVES: setting(integer(0, 1000), 20),
  GATEWAY_MAX_REPEATED_FIELDS: setting(integer(1, 1000), 5),
  GATEWAY_MAX_COST: setting(integer(1, 1_000_000), 5_000),
  GATEWAY_MAX_MUTATION_FIELDS: setting(integer(1, 100), 1),

  GATEWAY_SHUTDOWN_TIMEOUT_MS: setting(integer(0, 600_000), 10_000),
  GATEWAY_DRAIN_DELAY_MS: setting(integer(0, 600_000), 0),
} satisfies Record<string, Setting<unknown>>;

type SettingName = keyof typeof SETTINGS;
/** A setting with a fallback always has a value once read; one without may be unset. */
type Values = {
  [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T, infer F> ? (undefined extends F ? T | undefined : T) : never;
};

export interface AuthSettings {
  /** null: not set; `finalizeAuthMode` (posture.ts) decides once the upstream is known. */
  mode: 'none' | 'jwt' | null;
  jwtSecret: string | null;
  jwksUrl: string | null;
  /** Bounds each key-set fetch: connect, headers, body, and the whole fetch. */
  jwksTimeoutMs: number;
  issuer: string | null;
  audience: string[] | null;
  clockToleranceSec: number;
}

export interface GatewayConfig {
  production: boolean;
  host: string;
  port: number;
  logLevel: LogLevel;
  upstream: {
    mode: UpstreamModeSetting;
    endpoint: string | null;
    defaultRegionId: string;
    signatureVersion: 'v3' | 'v1';
    connectionsPerOrigin?: number;
    /** Only what was set: the data source owns the defaults (src/datasources/options.ts). */
    timeouts: NonNullable<VpcBackendOptions['timeouts']>;
    retry: NonNullable<VpcBackendOptions['retry']>;
    userAgent?: string;
    /** Cross-request read sharing (src/datasources/read-coalescer.ts). */
    readSharing: NonNullable<VpcBackendOptions['readSharing']>;
  };
  emulator: { transitionMs?: number; seedPath?: string };
  auth: AuthSettings;
  http: {
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** Fastify's `trustProxy`: `X-Forwarded-*` from every proxy (true), none, or these addresses. */
    trustProxy: boolean | string[];
    /**
     * The Host allowlist (host-check.ts). `*`: no check, the operator's choice; null: no check
     * because GATEWAY_ALLOWED_HOSTS is unset and HOST is not loopback (gateway.ts warns in front
     * of a real upstream).
     */
    allowedHosts: ParsedHost[] | '*' | null;
    /** Time to receive a whole request (headers and body), not to answer it. */
    requestTimeoutMs: number;
  };
  /** null: not set; `finalizePosture` (posture.ts) decides once the upstream is known. */
  introspection: boolean | null;
  playground: boolean | null;
  /** Stack traces in error responses; never in production. */
  debugErrors: boolean;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    /** The same response key in one selection set, at most this many times. */
    maxRepeatedFields: number;
    maxCost: number;
    maxMutationFields: number;
  };
  shutdown: { timeoutMs: number; drainDelayMs: number };
}

/** Copies only defined values, so optional keys stay absent instead of `undefined`. */
function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function readAll(env: Env, problems: ConfigProblem[]): Values {
  const values: Record<string, unknown> = {};
  for (const [name, { schema, fallback }] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[name];
    if (unset(raw)) {
      values[name] = fallback;
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push({ variable: name, message: parsed.error.issues[0]?.message ?? 'invalid value' });
  }
  return values as Values;
}

/** Key-set mode with no iss or aud check accepts any token the identity provider signs, for any application. */
export function missingTokenBinding(auth: AuthSettings): ('GATEWAY_JWT_ISSUER' | 'GATEWAY_JWT_AUDIENCE')[] {
  if (auth.mode !== 'jwt' || auth.jwksUrl === null) return [];
  return [
    ...(auth.issuer === null ? (['GATEWAY_JWT_ISSUER'] as const) : []),
    ...(auth.audience === null ? (['GATEWAY_JWT_AUDIENCE'] as const) : []),
  ];
}

function authProblems(auth: AuthSettings, production: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (production) {
    for (const variable of missingTokenBinding(auth)) {
      problems.push({
        variable,
        message: 'required in production with GATEWAY_JWKS_URL: without it, tokens the identity provider issued for other applications are accepted',
      });
    }
  }
  if (auth.mode === 'jwt' && auth.jwtSecret === null && auth.jwksUrl === null) {
    problems.push({ variable: 'GATEWAY_JWT_SECRET', message: 'GATEWAY_AUTH_MODE=jwt needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL' });
  }
  if (auth.jwtSecret !== null && auth.jwksUrl !== null) {
    problems.push({ variable: 'GATEWAY_JWKS_URL', message: 'set GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL, not both' });
  }
  return problems;
}

export function loadConfig(env: Env): GatewayConfig {
  const problems: ConfigProblem[] = [];
  const v = readAll(env, problems);
  const production = v.NODE_ENV === 'production';
  const auth: AuthSettings = {
    mode: v.GATEWAY_AUTH_MODE ?? null,
    jwtSecret: v.GATEWAY_JWT_SECRET ?? null,
    jwksUrl: v.GATEWAY_JWKS_URL ?? null,
    jwksTimeoutMs: v.GATEWAY_JWKS_TIMEOUT_MS,
    issuer: v.GATEWAY_JWT_ISSUER ?? null,
    audience: v.GATEWAY_JWT_AUDIENCE === undefined || v.GATEWAY_JWT_AUDIENCE.length === 0 ? null : v.GATEWAY_JWT_AUDIENCE,
    clockToleranceSec: v.GATEWAY_JWT_CLOCK_TOLERANCE_S,
  };
  // A variable already reported as invalid reads as unset here; one message per variable is enough.
  problems.push(...authProblems(auth, production).filter((p) => !problems.some((q) => q.variable === p.variable)));
  if (v.VPC_UPSTREAM_MODE === 'endpoint' && v.VPC_ENDPOINT === undefined) {
    problems.push({ variable: 'VPC_ENDPOINT', message: 'VPC_UPSTREAM_MODE=endpoint needs VPC_ENDPOINT' });
  }
  if (
    v.VPC_RETRY_BASE_DELAY_MS !== undefined &&
    v.VPC_RETRY_MAX_DELAY_MS !== undefined &&
    v.VPC_RETRY_MAX_DELAY_MS < v.VPC_RETRY_BASE_DELAY_MS
  ) {
    problems.push({ variable: 'VPC_RETRY_MAX_DELAY_MS', message: 'must be >= VPC_RETRY_BASE_DELAY_MS' });
  }
  if (production && v.GATEWAY_DEBUG_ERRORS) {
    problems.push({ variable: 'GATEWAY_DEBUG_ERRORS', message: 'refused with NODE_ENV=production: stack traces show file paths and libraries' });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    upstream: {
      mode: v.VPC_UPSTREAM_MODE,
      endpoint: v.VPC_ENDPOINT ?? null,
      defaultRegionId: v.VPC_DEFAULT_REGION,
      signatureVersion: v.VPC_SIGNATURE_VERSION,
      ...defined({ connectionsPerOrigin: v.VPC_CONNECTIONS_PER_ORIGIN, userAgent: v.VPC_USER_AGENT }),
      timeouts: defined({
        connectMs: v.VPC_CONNECT_TIMEOUT_MS,
        headersMs: v.VPC_HEADERS_TIMEOUT_MS,
        bodyMs: v.VPC_BODY_TIMEOUT_MS,
        totalMs: v.VPC_TOTAL_TIMEOUT_MS,
      }),
      retry: defined({
        maxAttempts: v.VPC_RETRY_MAX_ATTEMPTS,
        baseDelayMs: v.VPC_RETRY_BASE_DELAY_MS,
        maxDelayMs: v.VPC_RETRY_MAX_DELAY_MS,
        budgetMs: v.VPC_RETRY_BUDGET_MS,
      }),
      readSharing: defined({
        coalesce: v.VPC_READ_COALESCING,
        cacheTtlMs: v.VPC_READ_CACHE_TTL_MS,
        cacheMaxEntries: v.VPC_READ_CACHE_MAX_ENTRIES,
      }),
    },
    emulator: defined({ transitionMs: v.VPC_EMULATOR_TRANSITION_MS, seedPath: v.VPC_EMULATOR_SEED }),
    auth,
    http: {
      bodyLimitBytes: v.GATEWAY_BODY_LIMIT_BYTES,
      corsOrigins: v.GATEWAY_CORS_ORIGINS,
      trustProxy: v.GATEWAY_TRUST_PROXY,
      // On loopback, DNS rebinding is how a web page reaches the gateway; a list of names stops it.
      allowedHosts: v.GATEWAY_ALLOWED_HOSTS ?? (LOOPBACK_HOSTS.test(v.HOST) ? hostList('localhost') : null),
      requestTimeoutMs: v.GATEWAY_REQUEST_TIMEOUT_MS,
    },
    introspection: v.GATEWAY_INTROSPECTION ?? null,
    playground: v.GATEWAY_PLAYGROUND ?? null,
    debugErrors: v.GATEWAY_DEBUG_ERRORS,
    limits: {
      maxDepth: v.GATEWAY_MAX_DEPTH,
      maxAliases: v.GATEWAY_MAX_ALIASES,
      maxTokens: v.GATEWAY_MAX_TOKENS,
      maxDirectives: v.GATEWAY_MAX_DIRECTIVES,
      maxRepeatedFields: v.GATEWAY_MAX_REPEATED_FIELDS,
      maxCost: v.GATEWAY_MAX_COST,
      maxMutationFields: v.GATEWAY_MAX_MUTATION_FIELDS,
    },
    shutdown: {
      timeoutMs: v.GATEWAY_SHUTDOWN_TIMEOUT_MS,
      drainDelayMs: v.GATEWAY_DRAIN_DELAY_MS,
    },
  };
}
