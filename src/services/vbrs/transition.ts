/**
 * The write shared by terminateVbr, recoverVbr and deleteVbr: one VBR moved along its state
 * machine (docs/graphql.md#the-vbr-lifecycle).
 *
 * Invariants: preconditions from fresh reads (`freshVbrSubject`) and the same rules as the
 * preview; the replay rule hands a caller's token on a VBR already where the action leads (or, for
 * a delete, gone) to the upstream; every error of the write carries its ClientToken; once the
 * upstream accepted, the answer is a success showing the state the action leads to when the read
 * after it lags or fails.
 */
import type { Vbr, VbrStatus, WriteResult } from '../../datasources/models';
import type { VpcDataSourceApi, WriteOptions } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import {
  PhysicalConnectionNotEnabledError,
  RECOVER_VBR_NEEDS_ENABLED,
  VbrInvalidStateError,
  VbrNotFoundError,
  type GatewayError,
  type VbrAction,
} from '../../schema/errors';
import type { ErrorScope } from '../../schema/map-error';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import type { LifecycleService } from '../lifecycle';
import { causeOf, possibleReplay, sendWrite } from '../write';
import { refusal } from './rules';
import { freshVbrSubject, loadVbrSubject, type VbrSubject } from './subject';

/** Validated arguments (the resolver checked them). */
export interface VbrWriteInput {
  regionId: string;
  vbrId: string;
  /** The caller's token; null to generate one. */
  clientToken: string | null;
}

export interface VbrWriteResult {
  /**
   * Read fresh after the write. Null only after a delete: the VBR is gone (or it was already gone,
   * on a replay, and the read failed). Terminate and recover refuse a missing VBR before writing.
   */
  vbr: Vbr | null;
  /** Upstream RequestId of the call (the original one on a replay). */
  requestId: string;
  clientToken: string;
}

export interface Transition {
  action: Extract<VbrAction, 'TERMINATE' | 'RECOVER' | 'DELETE'>;
  /** The statuses a successful call leads to, the transient one first (what a lagging read is reported as). */
  leadsTo: readonly [VbrStatus, ...VbrStatus[]];
  evaluate(subject: VbrSubject): ActionBlockerModel[];
  write(dataSource: VpcDataSourceApi, regionId: string, vbrId: string, options: WriteOptions): Promise<WriteResult>;
}

/** The scope of a VBR write's errors: its arguments come from `input`. */
export function vbrWriteScope(regionId: string, vbrId: string, action: VbrAction): ErrorScope {
  return { regionId, vbrId, vbrAction: action, regionField: 'input.regionId', inputPath: 'input' };
}

export async function runTransition(context: GatewayContext, transition: Transition, input: VbrWriteInput): Promise<VbrWriteResult> {
  const { action } = transition;
  const { regionId, vbrId, clientToken: callerToken } = input;
  const { dataSource } = context;
  let scope = vbrWriteScope(regionId, vbrId, action);
  const leadsTo: ReadonlySet<VbrStatus> = new Set(transition.leadsTo);

  const fresh = await freshVbrSubject(context, regionId, vbrId, scope);
  // A deleted VBR is gone: only the upstream knows whether the caller's token deleted it.
  const goneAfterDelete = fresh === null && action === 'DELETE' && callerToken !== null;
  if (fresh === null && !goneAfterDelete) throw new VbrNotFoundError(vbrId, regionId);
  if (fresh?.vbr.physicalConnectionId) scope = { ...scope, physicalConnectionId: fresh.vbr.physicalConnectionId };

  const replay = goneAfterDelete || (fresh !== null && possibleReplay(callerToken, fresh.vbr.status, leadsTo));
  if (!replay && fresh !== null) {
    const [blocker] = transition.evaluate(fresh.subject);
    if (blocker !== undefined) throw refusal(fresh.subject, action, blocker);
  }

  const { result, clientToken } = await sendWrite(
    context,
    {
      callerToken,
      scope,
      action: `${action.toLowerCase()} VBR`,
      logFields: { vbrId },
      refine: (mapped, reason): GatewayError => {
        // The upstream refused the token for the very state the fresh read saw: name it.
        if (replay && mapped instanceof VbrInvalidStateError && mapped.extensions.currentStatus === null && fresh !== null) {
          return new VbrInvalidStateError(vbrId, action, fresh.vbr.status, mapped.extensions.allowedStatuses, mapped.extensions.upstream, reason);
        }
        if (mapped instanceof PhysicalConnectionNotEnabledError && action === 'RECOVER') {
          const { physicalConnectionId, upstream } = mapped.extensions;
          return new PhysicalConnectionNotEnabledError(physicalConnectionId, null, upstream, reason, RECOVER_VBR_NEEDS_ENABLED);
        }
        return mapped;
      },
    },
    (token) => transition.write(dataSource, regionId, vbrId, { clientToken: token }),
  );
  const correlation = { vbrId, regionId, clientToken, upstreamRequestId: result.requestId, requestId: context.requestId };
  context.logger.info({ ...correlation, action, possibleReplay: replay, subject: context.auth.subject }, 'vbr write accepted');

  let after: Vbr | null = null;
  let readFailed = false;
  try {
    after = await dataSource.freshVbr(regionId, vbrId);
  } catch (error) {
    readFailed = true;
    context.logger.warn({ ...correlation, cause: causeOf(error) }, 'read after the VBR write failed; answering from the pre-read');
  }
  if (after === null && !readFailed) {
    if (action === 'DELETE') return { vbr: null, requestId: result.requestId, clientToken };
    context.logger.warn(correlation, 'read after the VBR write found no VBR; answering from the pre-read');
  }
  const [transient] = transition.leadsTo;
  if (after !== null && !leadsTo.has(after.status)) {
    // A payload showing the old status would invite the click the mutation just made.
    context.logger.warn({ ...correlation, readStatus: after.status }, `read after the VBR write lags; answering ${transient}`);
    after = { ...after, status: transient };
  }
  if (after === null && fresh !== null) after = { ...fresh.vbr, status: leadsTo.has(fresh.vbr.status) ? fresh.vbr.status : transient };
  return { vbr: after, requestId: result.requestId, clientToken };
}

/** The lifecycle service of a transition: its rules previewed from batched reads, or run before its write. */
export function transitionService(transition: Transition) {
  return {
    load: loadVbrSubject,
    evaluate: transition.evaluate,
    execute: (context: GatewayContext, input: VbrWriteInput) => runTransition(context, transition, input),
  } satisfies LifecycleService<Vbr, VbrSubject, ActionBlockerModel, VbrWriteInput, VbrWriteResult>;
}
