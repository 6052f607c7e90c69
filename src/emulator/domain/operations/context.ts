/**
 * What every operation handler receives, and the checks all of them start with.
 */
import { commonErrors } from '../../api-error';
import type { Params } from '../params';
import type { Store } from '../state/store';

export interface OperationContext {
  store: Store;
  params: Params;
  /** The account of the verified access key: resources of other accounts are invisible. */
  accountId: string;
  requestId: string;
  now: number;
  transitionMs: number;
}

export type Body = Record<string, unknown>;

export interface OperationDefinition {
  run(ctx: OperationContext): Body;
  /** The parameter carrying the idempotency token, for writes that take one. */
  token?: 'ClientToken' | 'Token';
  /** A write that takes no token (the MACsec keys): logged in `/_emulator/events` all the same. */
  untokenedWrite?: true;
  /** Whether a successful call is remembered for its token (not a DryRun). Default true. */
  remember?(params: Params): boolean;
}

/**
 * `RegionId` plus the operation's other required parameters: MissingParameter for the first
 * absent one (RegionId first), then 404 `InvalidRegionId.NotFound` for a region the emulator
 * does not have. Returns the region id.
 */
export function requireRegion(ctx: OperationContext, otherRequired: readonly string[] = []): string {
  ctx.params.requireAll(['RegionId', ...otherRequired]);
  const regionId = ctx.params.required('RegionId');
  if (!ctx.store.regions.has(regionId)) throw commonErrors.invalidRegion();
  return regionId;
}

/** A write's answer: just the RequestId (kept in the body so a token replay returns the same one). */
export function accepted(ctx: OperationContext, extra: Body = {}): Body {
  return { RequestId: ctx.requestId, ...extra };
}
