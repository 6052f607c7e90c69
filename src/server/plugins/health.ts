/**
 * `/healthz` (liveness: the process answers) and `/readyz` (readiness: send me traffic).
 *
 * Ready means: the schema is built, the upstream credentials resolved (`backend.checkCredentials()`)
 * and the gateway is not draining. A failed credential check is retried on the next probe (at
 * most once per `recheckMs`), so a replica whose role credentials arrive late becomes ready by
 * itself instead of needing a restart.
 */
import type { FastifyInstance } from 'fastify';

export interface ReadinessReport {
  ready: boolean;
  checks: { schema: boolean; credentials: 'pending' | 'ok' | 'failed'; draining: boolean };
  /** Operator-facing reason when credentials failed; never a secret. */
  reason?: string;
}

export class Readiness {
  private schemaReady = false;
  private credentials: 'pending' | 'ok' | 'failed' = 'pending';
  private draining = false;
  private reason: string | undefined;
  private inFlight: Promise<void> | null = null;
  private lastAttempt = -Infinity;

  constructor(
    private readonly checkCredentials: () => Promise<void>,
    private readonly onChange: (ready: boolean) => void = () => undefined,
    private readonly recheckMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

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
    return this.schemaReady && this.credentials === 'ok' && !this.draining;
  }

  /** Resolves credentials once; later calls reuse the result, or retry a failure after `recheckMs`. */
  verifyCredentials(): Promise<void> {
    if (this.credentials === 'ok') return Promise.resolve();
    if (this.inFlight !== null) return this.inFlight;
    if (this.credentials === 'failed' && this.now() - this.lastAttempt < this.recheckMs) return Promise.resolve();
    this.lastAttempt = this.now();
    this.inFlight = this.checkCredentials()
      .then(
        () => {
          this.credentials = 'ok';
          this.reason = undefined;
        },
        (error: unknown) => {
          this.credentials = 'failed';
          this.reason = error instanceof Error ? error.message.slice(0, 300) : 'credential check failed';
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.emit();
      });
    return this.inFlight;
  }

  report(): ReadinessReport {
    return {
      ready: this.isReady,
      checks: { schema: this.schemaReady, credentials: this.credentials, draining: this.draining },
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    };
  }

  private emit(): void {
    this.onChange(this.isReady);
  }
}

export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/healthz', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', async (_request, reply) => {
    if (!readiness.isReady) await readiness.verifyCredentials();
    const report = readiness.report();
    void reply.header('cache-control', 'no-store').code(report.ready ? 200 : 503);
    return { status: report.ready ? 'ready' : 'not ready', ...report };
  });
}
