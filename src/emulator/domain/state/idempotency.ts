/**
 * ClientToken memory (docs/emulator-seed.md#idempotency): (account, action, token) -> hash of the
 * business parameters + the first successful response.
 * Invariants: a replay with the same parameters gets that response (same RequestId) and changes
 * nothing; other parameters are `IdempotentParameterMismatch`; failures and DryRuns are not
 * remembered; at most `capacity` entries (lru-cache, least recently used first), each forgotten
 * `ttlMs` after it was stored, on the dispatch's clock.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { commonErrors } from '../../api-error';
import { isValidClientToken } from '../rules';

export const DEFAULT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TOKEN_CAPACITY = 10_000;

type Body = Record<string, unknown>;

interface Remembered {
  hash: string;
  body: Body;
  expiresAt: number;
}

/** Order-independent hash of the parameters, the token itself excluded. */
export function parameterHash(entries: ReadonlyArray<[string, string]>, tokenName: string): string {
  const canonical = entries
    .filter(([name]) => name !== tokenName)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export class IdempotencyMemory {
  private readonly entries: LRUCache<string, Remembered>;

  constructor(
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
    capacity = DEFAULT_TOKEN_CAPACITY,
  ) {
    this.entries = new LRUCache({ max: capacity });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Runs `operation` once per (account, action, token, parameters). Without a token it simply
   * runs. `remember()` is asked after a success (false for a DryRun: nothing to replay).
   */
  run(
    request: {
      accountId: string;
      action: string;
      tokenName: string;
      token: string | undefined;
      hash: string;
      now: number;
      remember: () => boolean;
    },
    operation: () => Body,
  ): Body {
    const { token } = request;
    if (token === undefined) return operation();
    if (!isValidClientToken(token)) throw commonErrors.invalidParameter(request.tokenName);
    const key = `${request.accountId}\u0000${request.action}\u0000${token}`;
    // `get` makes it the most recently used: a token still being retried is not the next one evicted.
    const known = this.entries.get(key);
    if (known && known.expiresAt > request.now) {
      if (known.hash !== request.hash) throw commonErrors.idempotentParameterMismatch();
      return { ...known.body };
    }
    const body = operation();
    if (request.remember()) this.entries.set(key, { hash: request.hash, body: { ...body }, expiresAt: request.now + this.ttlMs });
    return body;
  }
}
