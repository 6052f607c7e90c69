/**
 * Terminating a circuit: the destructive, billing-relevant decision, in one place for the
 * `terminationCheck` preview and the mutation (docs/graphql.md#terminating-a-circuit).
 *
 * Invariants: preconditions from fresh reads (the circuit and every VBR attachment, concurrently);
 * the replay rule hands a caller's token on a TERMINATING/TERMINATED circuit to the upstream;
 * every error of the write carries its ClientToken; once the upstream accepted, the answer is a
 * success (TERMINATING when the read after it lags, fails or finds nothing).
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PhysicalConnectionNotEnabledError, PhysicalConnectionNotFoundError, type GatewayError } from '../../schema/errors';
import { mapErrors, toGatewayError, type ErrorScope } from '../../schema/map-error';
import type { LifecycleService } from '../lifecycle';
import { terminationBlockers, terminationRefusal, type TerminationBlocker, type TerminationSubject } from './terminate.blockers';
import { causeOf, possibleReplay, sendWrite } from '../write';

/** Validated arguments (the resolver checked them; nothing here re-validates). */
export interface TerminateInput {
  regionId: string;
  physicalConnectionId: string;
  /** The caller's token; null to generate one. */
  clientToken: string | null;
  /** The argument the region came from, named by BAD_USER_INPUT for an unknown region; default `regionId`. */
  regionField?: string;
}

export interface TerminateResult {
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay). */
  requestId: string;
  clientToken: string;
}

/** States a successful TerminatePhysicalConnection leads to. */
const AFTER_TERMINATE: ReadonlySet<PhysicalConnectionStatus> = new Set(['TERMINATING', 'TERMINATED']);

function rethrow(reason: unknown, scope: ErrorScope): never {
  throw toGatewayError(reason, scope) ?? reason;
}

async function load(context: GatewayContext, circuit: PhysicalConnection): Promise<TerminationSubject> {
  const vbrs = await mapErrors({ regionId: circuit.regionId, physicalConnectionId: circuit.id }, () =>
    context.dataSource.vbrsOfPhysicalConnection(circuit.regionId, circuit.id),
  );
  return { circuit, attachedVbrIds: vbrs.map((vbr) => vbr.id) };
}

async function execute(context: GatewayContext, input: TerminateInput): Promise<TerminateResult> {
  const { regionId, physicalConnectionId: id, clientToken: callerToken } = input;
  const scope: ErrorScope = { regionId, physicalConnectionId: id, regionField: input.regionField ?? 'regionId' };
  const { dataSource } = context;

  // Fresh: a decision before a destructive call takes nothing from a cache.
  const [pcRead, vbrRead] = await Promise.allSettled([
    dataSource.freshPhysicalConnection(regionId, id),
    dataSource.freshVbrAttachments(regionId, id),
  ]);
  if (pcRead.status === 'rejected') rethrow(pcRead.reason, scope);
  const pc = pcRead.value;
  if (pc === null) throw new PhysicalConnectionNotFoundError(id, regionId);

  const replay = possibleReplay(callerToken, pc.status, AFTER_TERMINATE);
  if (!replay) {
    if (vbrRead.status === 'rejected') rethrow(vbrRead.reason, scope);
    const [blocker] = terminationBlockers({ circuit: pc, attachedVbrIds: vbrRead.value.map((attachment) => attachment.vbrId) });
    if (blocker !== undefined) throw terminationRefusal(id, blocker);
  }

  const { result, clientToken } = await sendWrite(
    context,
    {
      callerToken,
      scope,
      action: 'terminate',
      logFields: { physicalConnectionId: id },
      // The upstream refused the token for the very state the fresh read saw: name it.
      refine: (mapped, reason): GatewayError =>
        replay && mapped instanceof PhysicalConnectionNotEnabledError && mapped.extensions.currentStatus === null
          ? new PhysicalConnectionNotEnabledError(id, pc.status, mapped.extensions.upstream, reason)
          : mapped,
    },
    (token) => dataSource.terminatePhysicalConnection(regionId, id, { clientToken: token }),
  );
  const correlation = {
    physicalConnectionId: id,
    regionId,
    clientToken,
    upstreamRequestId: result.requestId,
    requestId: context.requestId,
  };
  // An audit line for a billing-relevant action; the token is an idempotency key, not a secret.
  context.logger.info(
    { ...correlation, possibleReplay: replay, subject: context.auth.subject },
    'physical connection termination accepted',
  );

  let after: PhysicalConnection | null = null;
  try {
    after = await dataSource.freshPhysicalConnection(regionId, id);
    if (after === null) context.logger.warn(correlation, 'post-termination read found no circuit; answering from the pre-read');
  } catch (error) {
    context.logger.warn({ ...correlation, cause: causeOf(error) }, 'post-termination read failed; answering from the pre-read');
  }
  if (after !== null && !AFTER_TERMINATE.has(after.status)) {
    // A payload showing ENABLED would invite the click the mutation just made.
    context.logger.warn(
      { ...correlation, readStatus: after.status },
      'post-termination read lags the accepted termination; answering TERMINATING',
    );
    after = { ...after, status: 'TERMINATING' };
  }
  after ??= { ...pc, status: AFTER_TERMINATE.has(pc.status) ? pc.status : 'TERMINATING' };
  return { physicalConnection: after, requestId: result.requestId, clientToken };
}

export const terminateService = {
  load,
  evaluate: terminationBlockers,
  execute,
} satisfies LifecycleService<PhysicalConnection, TerminationSubject, TerminationBlocker, TerminateInput, TerminateResult>;
