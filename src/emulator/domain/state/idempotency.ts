/**
 * ClientToken memory (reference §7): (account, action, token) -> hash of the business
 * parameters + the first successful response. A replay with the same parameters gets that
 * response back (same RequestId) and changes nothing, whatever the state is by now; the same
 * token with other parameters is `IdempotentParameterMismatch`. Failures are not remembered.
 *
 * Bounded: at most `capacity` entries (least recently used evicted first) and each forgotten
 * after `ttlMs` (Alibaba does not document the window; 24 h is generous for retries).
 */
import { createHash } from 'node:crypto';
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
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
    private readonly capacity = DEFAULT_TOKEN_CAPACITY,
  ) {}

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
    const known = this.entries.get(key);
    if (known && known.expiresAt > request.now) {
      if (known.hash !== request.hash) throw commonErrors.idempotentParameterMismatch();
      // Refresh recency: a token still being retried should not be the next one evicted.
      this.entries.delete(key);
      this.entries.set(key, known);
      return { ...known.body };
    }
    if (known) this.entries.delete(key);
    const body = operation();
    if (request.remember()) this.remember(key, { hash: request.hash, body: { ...body }, expiresAt: request.now + this.ttlMs }, request.now);
    return body;
  }

  private remember(key: string, entry: Remembered, now: number): void {
    this.entries.set(key, entry);
    // Map iteration is insertion order, so the oldest (least recently used) entries come first.
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.capacity && old.expiresAt > now) break;
      this.entries.delete(oldKey);
    }
  }
}
