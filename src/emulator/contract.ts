/**
 * The seam between the emulator's two halves (docs/emulator.md#how-it-is-built): the protocol layer
 * (`http/`, `control/`) knows nothing about circuits, the domain (`domain/`) nothing about HTTP.
 */
import type { Seed } from './domain/seed';
import type { WriteEvent } from './domain/state/write-log';

/** The account of the default access key; a seeded circuit without `OwnerId` belongs to it. */
export const DEFAULT_ACCOUNT_ID = '1688000000000001';

export interface OperationRequest {
  /** The API action, e.g. `TerminatePhysicalConnection`. */
  action: string;
  /**
   * Every request parameter after the protocol layer merged query string and form body
   * (flattened names such as `Filter.1.Value.2`, values as strings). Common and signature
   * parameters (`AccessKeyId`, `Signature`, `Timestamp`, ...) are removed before this point.
   */
  params: Readonly<Record<string, string>>;
  /** The account the verified access key belongs to. */
  accountId: string;
  /** Uppercase UUID; becomes the response's `RequestId`. */
  requestId: string;
}

export interface EmulatorDomain {
  hasAction(action: string): boolean;
  /**
   * Runs one operation and returns the response body (the protocol layer adds `RequestId` to
   * it when the body has none, so a replayed ClientToken result can keep its original RequestId).
   * Throws `ApiError` for every refusal. Must never throw anything else for bad input.
   */
  dispatch(request: OperationRequest): Record<string, unknown>;
  /** Back to the given seed (or the one the domain was created with); clears idempotency memory. */
  reset(seed?: Seed): void;
  /** The current state in seed format, transient states advanced to now. */
  snapshot(): Seed;
  /**
   * The writes that actually ran since the last reset (not replays, refusals or DryRuns), oldest
   * first; `GET /_emulator/events`. Optional: a stand-in domain may have none.
   */
  writes?(): WriteEvent[];
}

export interface DomainOptions {
  seed: Seed;
  /** How long each transient state lasts (Allocating, Terminating, VBR deleting, ...). */
  transitionMs: number;
  /** Milliseconds since the epoch; injectable for unit tests. */
  now?: () => number;
}

/**
 * An integer the JSON renderer writes as bare digits, however large. The real API returns 64-bit
 * account ids (`ParentPhysicalConnectionAliUid`, `VbrOwnerUid`, `CenOwnerId`) as JSON numbers that
 * do not fit a double; the emulator reproduces that so the gateway's lossless parsing is tested.
 */
export class JsonInteger {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new TypeError(`not an integer: ${digits}`);
  }
  toJSON(): string {
    return this.digits;
  }
}
