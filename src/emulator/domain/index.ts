/**
 * `createDomain`: the `EmulatorDomain` the protocol layer dispatches authenticated requests to.
 * Invariants: a dispatch first applies the steps due on the clock, then runs the operation
 * synchronously; a write that takes a token goes through ClientToken idempotency, and every write
 * that ran goes into the write log.
 */
import { ApiError } from '../api-error';
import type { DomainOptions, EmulatorDomain, OperationRequest } from '../contract';
import { IdempotencyMemory, parameterHash } from './state/idempotency';
import type { OperationContext, OperationDefinition } from './operations/context';
import { physicalConnectionLifecycle } from './operations/physical-connection-lifecycle';
import { physicalConnectionReads } from './operations/physical-connection-reads';
import { physicalConnectionWrites } from './operations/physical-connection-writes';
import { macsecOperations } from './operations/macsec';
import { regionOperations } from './operations/regions';
import { vbrLifecycle } from './operations/vbr-lifecycle';
import { vbrReads } from './operations/vbr-reads';
import { vbrWrites } from './operations/vbr-writes';
import { vpconnReads } from './operations/vpconn-reads';
import { vpconnWrites } from './operations/vpconn-writes';
import { Params } from './params';
import { parseSeed, type NormalizedSeed, type Seed } from './seed';
import { Store } from './state/store';
import { WriteLog, type WriteEvent } from './state/write-log';

export * from './seed';
export type { WriteEvent } from './state/write-log';

const OPERATIONS: ReadonlyMap<string, OperationDefinition> = new Map(
  Object.entries({
    ...physicalConnectionReads,
    ...physicalConnectionWrites,
    ...physicalConnectionLifecycle,
    ...vbrReads,
    ...vbrWrites,
    ...vbrLifecycle,
    ...regionOperations,
    ...macsecOperations,
    ...vpconnWrites,
    ...vpconnReads,
  }),
);

/** The actions the domain implements, for documentation and tests. */
export const DOMAIN_ACTIONS: readonly string[] = [...OPERATIONS.keys()];

class Domain implements EmulatorDomain {
  private readonly initialSeed: NormalizedSeed;
  private readonly transitionMs: number;
  private readonly now: () => number;
  private readonly memory = new IdempotencyMemory();
  private readonly writeLog = new WriteLog();
  private store: Store;

  constructor(options: DomainOptions) {
    if (!Number.isFinite(options.transitionMs) || options.transitionMs < 0) {
      throw new RangeError(`transitionMs must be a non-negative number of milliseconds, got ${options.transitionMs}`);
    }
    this.transitionMs = options.transitionMs;
    this.now = options.now ?? Date.now;
    this.initialSeed = parseSeed(options.seed);
    this.store = new Store(structuredClone(this.initialSeed), { now: this.now(), transitionMs: this.transitionMs });
  }

  hasAction(action: string): boolean {
    return OPERATIONS.has(action);
  }

  dispatch(request: OperationRequest): Record<string, unknown> {
    const now = this.now();
    this.store.advance(now);
    const operation = OPERATIONS.get(request.action);
    if (!operation) {
      throw new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    }
    const params = new Params(request.params);
    const ctx: OperationContext = {
      store: this.store,
      params,
      accountId: request.accountId,
      requestId: request.requestId,
      now,
      transitionMs: this.transitionMs,
    };
    const tokenName = operation.token;
    const log = (body: Record<string, unknown>): void =>
      this.writeLog.record({
        action: request.action,
        accountId: request.accountId,
        requestId: request.requestId,
        now,
        params: (name) => params.optional(name),
        ...(tokenName !== undefined ? { tokenName } : {}),
        body,
      });
    if (tokenName === undefined) {
      const body = operation.run(ctx);
      if (operation.untokenedWrite) log(body);
      return body;
    }
    return this.memory.run(
      {
        accountId: request.accountId,
        action: request.action,
        tokenName,
        token: params.optional(tokenName),
        hash: parameterHash(params.entries(), tokenName),
        now,
        remember: () => operation.remember?.(params) ?? true,
      },
      () => {
        // Inside the idempotency wrapper: a replayed token never gets here, so it logs nothing.
        const body = operation.run(ctx);
        if (operation.remember?.(params) ?? true) log(body);
        return body;
      },
    );
  }

  reset(seed?: Seed): void {
    // Validate first: an invalid seed leaves the current state untouched.
    const next = seed === undefined ? structuredClone(this.initialSeed) : parseSeed(seed);
    this.store = new Store(next, { now: this.now(), transitionMs: this.transitionMs });
    this.memory.clear();
    this.writeLog.clear();
  }

  writes(): WriteEvent[] {
    return this.writeLog.list();
  }

  snapshot(): Seed {
    this.store.advance(this.now());
    return this.store.snapshot();
  }
}

/** Throws SeedError (an Error naming the bad entry) for an invalid seed, RangeError for a bad transitionMs. */
export function createDomain(options: DomainOptions): EmulatorDomain {
  return new Domain(options);
}
