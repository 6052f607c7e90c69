/**
 * How every write goes out: its idempotency token fixed before the first attempt (the caller's, or
 * a UUID for this logical call), the call, the token on its failure, and the region's shared reads
 * dropped whatever the outcome (docs/datasource.md#retry-policy).
 *
 * Invariant: the token is part of the parameters every retry re-signs, so a retried write is the
 * same request upstream; a failure carries it (`UpstreamError.clientToken`), since after a timeout
 * retrying with that token is the only safe retry. A write the upstream takes no token for
 * (`sendUntokened`) has no safe retry once it may have acted, so it gets none.
 */
import { randomUUID } from 'node:crypto';
import { UpstreamError } from '../errors';
import type { WriteResult } from '../models';
import type { ReadCoalescer } from './read-coalescer';
import type { RegionId } from '../wire/endpoints';
import type { UpstreamClient } from '../wire/upstream-client';
import type { Params } from './params';
import type { CallOptions } from './requests';
import * as v from './validation';

export interface WriteAnswer {
  result: WriteResult;
  body: Record<string, unknown>;
}

export class Writer {
  constructor(
    private readonly client: UpstreamClient,
    private readonly sharing: ReadCoalescer<unknown>,
  ) {}

  /** `params` are validated; `clientToken` is the caller's raw token, checked here (absent: generated). */
  async send(
    action: string,
    regionId: RegionId,
    params: Params,
    clientToken: unknown,
    tokenParam: 'ClientToken' | 'Token',
    options: CallOptions,
  ): Promise<WriteAnswer> {
    const token = clientToken === undefined || clientToken === null ? randomUUID() : v.clientToken(clientToken);
    params.set(tokenParam, token);
    return this.call(action, regionId, params, token, options);
  }

  /**
   * A write the upstream takes no token for (the MACsec keys): resending it could act twice, so
   * the client retries it only after a refusal that proves it did not act (throttling).
   */
  sendUntokened(action: string, regionId: RegionId, params: Params, options: CallOptions): Promise<WriteAnswer> {
    return this.call(action, regionId, params, null, options);
  }

  private async call(action: string, regionId: RegionId, params: Params, token: string | null, options: CallOptions): Promise<WriteAnswer> {
    try {
      const { body, requestId } = await this.client.call({
        action,
        regionId,
        params: params.build(),
        write: true,
        resendable: token !== null,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { result: { requestId, clientToken: token }, body };
    } catch (error) {
      throw error instanceof UpstreamError && token !== null ? error.with({ clientToken: token }) : error;
    } finally {
      // Succeeded, refused or unknown (a lost response may still have acted): reads of this
      // region from before now are not reused.
      this.sharing.invalidate(regionId);
    }
  }
}

/** A create answered without the id it must carry. */
export function missingId(action: string, accepted: WriteResult, field: string): UpstreamError {
  return new UpstreamError({
    kind: 'UNAVAILABLE',
    code: 'Response.Malformed',
    httpStatus: 200,
    requestId: accepted.requestId,
    clientToken: accepted.clientToken,
    hostId: null,
    action,
    message: `The upstream ${action} response has no ${field}`,
    // The write happened (or will be replayed for the same token): retrying with the token is safe.
    retryable: true,
  });
}
