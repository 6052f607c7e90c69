/**
 * Readiness (`/readyz`): the schema is built, every check (upstream credentials; the JWT key set in
 * GATEWAY_JWKS_URL mode) passed once, and the gateway is not draining. A degraded gateway (Redis
 * unreachable: it serves on, each replica on its own) is still ready; the report says so.
 * Invariants: a passed check stays passed; a failed one is retried on a probe, at most once per
 * `recheckMs`; the report carries a reason code, never the failure's text (logged, scrubbed, once
 * per new failure).
 */
import type { GatewayLogger } from '../schema/context';
import { redactSecrets } from '../shared/redact';

type CheckState = 'pending' | 'ok' | 'failed';

/** What `/readyz` answers as `reason` when a check failed, in the order the checks are reported. */
export const READINESS_REASONS = { credentials: 'CREDENTIALS_UNAVAILABLE', keySet: 'JWKS_UNAVAILABLE' } as const;
type CheckName = keyof typeof READINESS_REASONS;
export type ReadinessReason = (typeof READINESS_REASONS)[CheckName];

/** Why a ready gateway serves in degraded mode. */
export type DegradedReason = 'REDIS_UNAVAILABLE';

export interface ReadinessReport {
  ready: boolean;
  /** `keySet` only in `GATEWAY_JWKS_URL` mode. */
  checks: { schema: boolean; credentials: CheckState; keySet?: CheckState; draining: boolean };
  /** The first failed check's code; the details are in the log (warn). */
  reason?: ReadinessReason;
  /** Serving, but without what Redis shares across replicas (docs/runtime.md#upstream-budget). */
  degraded: boolean;
  degradedReason?: DegradedReason;
}

export interface ReadinessOptions {
  /** Required in `GATEWAY_JWKS_URL` mode: settles once a key set was loaded (`JwksLoader.ensureLoaded`). */
  keySet?: () => Promise<void>;
  /** Why the gateway serves degraded now, or null. */
  degraded?: () => DegradedReason | null;
  onChange?: (ready: boolean) => void;
  recheckMs?: number;
  now?: () => number;
  logger?: Pick<GatewayLogger, 'info' | 'warn'>;
}

/** One condition of readiness: once ok it stays ok; a failure is retried at most every `recheckMs`. */
class Check {
  state: CheckState = 'pending';
  private detail: string | null = null;
  private inFlight: Promise<void> | null = null;
  private lastAttempt = -Infinity;

  constructor(
    readonly name: CheckName,
    private readonly run: () => Promise<void>,
  ) {}

  verify(options: { recheckMs: number; now: () => number; logger: ReadinessOptions['logger'] }): Promise<void> {
    if (this.state === 'ok') return Promise.resolve();
    if (this.inFlight !== null) return this.inFlight;
    if (this.state === 'failed' && options.now() - this.lastAttempt < options.recheckMs) return Promise.resolve();
    this.lastAttempt = options.now();
    this.inFlight = this.run()
      .then(
        () => {
          if (this.state === 'failed') options.logger?.info({ check: this.name }, 'readiness check passed');
          this.state = 'ok';
          this.detail = null;
        },
        (error: unknown) => {
          const detail = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 300);
          // Once per new failure, not once per probe: a replica may stay unready for hours.
          if (this.state !== 'failed' || detail !== this.detail) {
            options.logger?.warn({ check: this.name, reason: READINESS_REASONS[this.name], detail }, 'readiness check failed');
          }
          this.state = 'failed';
          this.detail = detail;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}

export class Readiness {
  private schemaReady = false;
  private draining = false;
  private readonly checks: Check[];
  private readonly onChange: (ready: boolean) => void;
  private readonly recheckMs: number;
  private readonly now: () => number;
  private readonly logger: ReadinessOptions['logger'];
  private readonly degraded: () => DegradedReason | null;

  constructor(checkCredentials: () => Promise<void>, options: ReadinessOptions = {}) {
    this.checks = [new Check('credentials', checkCredentials)];
    if (options.keySet !== undefined) this.checks.push(new Check('keySet', options.keySet));
    this.onChange = options.onChange ?? (() => undefined);
    this.recheckMs = options.recheckMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.degraded = options.degraded ?? (() => null);
  }

  markSchemaReady(): void {
    this.schemaReady = true;
    this.emit();
  }

  markDraining(): void {
    this.draining = true;
    this.emit();
  }

  get isDraining(): boolean {
    return this.draining;
  }

  get isReady(): boolean {
    return this.schemaReady && this.checks.every((check) => check.state === 'ok') && !this.draining;
  }

  /** Runs every check not yet passed (each once at a time, failures at most once per `recheckMs`). */
  async verify(): Promise<void> {
    const options = { recheckMs: this.recheckMs, now: this.now, logger: this.logger };
    const before = this.isReady;
    await Promise.all(this.checks.map((check) => check.verify(options)));
    if (this.isReady !== before) this.emit();
  }

  report(): ReadinessReport {
    const stateOf = (name: CheckName) => this.checks.find((check) => check.name === name)?.state;
    const keySet = stateOf('keySet');
    const failed = this.checks.find((check) => check.state === 'failed');
    const degradedReason = this.degraded();
    return {
      ready: this.isReady,
      checks: {
        schema: this.schemaReady,
        credentials: stateOf('credentials') ?? 'pending',
        ...(keySet === undefined ? {} : { keySet }),
        draining: this.draining,
      },
      ...(failed === undefined ? {} : { reason: READINESS_REASONS[failed.name] }),
      degraded: degradedReason !== null,
      ...(degradedReason === null ? {} : { degradedReason }),
    };
  }

  private emit(): void {
    this.onChange(this.isReady);
  }
}
