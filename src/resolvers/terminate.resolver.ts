/**
 * `terminatePhysicalConnection`: the destructive, billing-relevant call the gateway makes safe.
 *
 * 1. Validate every argument (nothing is sent on bad input).
 * 2. Fresh reads (no request cache: this is a decision before a destructive call), concurrently:
 *    the circuit and every VBR attached to it (other accounts' included).
 * 3. Refuse locally with the precondition codes, in order: not found, not ENABLED, locked, VBRs,
 *    vpconns, MACsec keys (termination.ts, shared with the `terminationCheck` preview).
 *    Exception (the replay rule): the caller sent a clientToken and the circuit is already
 *    TERMINATING/TERMINATED, i.e. possibly terminated by an earlier call with that token. Only
 *    the upstream knows whether it was, so it decides: it replays the original success for a
 *    known token (no second effect) and refuses an unknown one (mapped to the same codes, with
 *    the status the fresh read saw).
 * 4. Call upstream with the caller's token or a generated one; an upstream refusal (state changed
 *    since step 2) maps to the same codes. Every error of this call carries the token
 *    (`extensions.clientToken`): a timeout does not mean the write did not happen.
 * 5. Read the circuit fresh again so the payload shows TERMINATING. Once the upstream accepted,
 *    nothing may turn the answer into a failure (a client would retry a termination that
 *    happened): if that read fails, the payload carries the step-2 circuit as TERMINATING.
 */
import { randomUUID } from 'node:crypto';
import { UpstreamError } from '../datasources/errors';
import type { PhysicalConnection, PhysicalConnectionStatus, WriteResult } from '../datasources/models';
import { type GatewayError, InternalServerError, PhysicalConnectionNotEnabledError, PhysicalConnectionNotFoundError } from '../schema/errors';
import { TerminatePhysicalConnectionInput } from '../schema/inputs';
import { toGatewayError, type ErrorScope } from '../schema/map-error';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import { TerminatePhysicalConnectionPayload } from '../schema/types/payloads';
import { redactSecrets } from '../shared/redact';
import type { GatewayContext } from '../schema/context';
import { blockerError, terminationBlockers } from './termination';
import { resolveRegionId, validateClientToken, validatePhysicalConnectionId } from './validation';

/** States a successful TerminatePhysicalConnection leads to. */
const AFTER_TERMINATE: ReadonlySet<PhysicalConnectionStatus> = new Set(['TERMINATING', 'TERMINATED']);

function rejection(reason: unknown, scope: ErrorScope): unknown {
  return toGatewayError(reason, scope) ?? reason;
}

/**
 * A failure of the terminate call. On the replay path the fresh read already saw the circuit
 * TERMINATING/TERMINATED and the upstream refused the token for that very state, so the error
 * names the status instead of leaving it null.
 *
 * Whatever went wrong, the write may have reached the upstream: the client needs the token to
 * retry it safely (a generated one is otherwise known only to the audit log). That holds for a
 * failure nothing maps too (a bug, an unexpected library error): it is masked as format-error.ts
 * masks it, with its details in an error log line, but the answer keeps the token.
 */
function terminateFailure(
  reason: unknown,
  scope: ErrorScope,
  pc: PhysicalConnection,
  possibleReplay: boolean,
  clientToken: string,
  context: GatewayContext,
): GatewayError {
  let mapped = toGatewayError(reason, scope);
  if (mapped === null) {
    context.logger.error(
      { correlationId: context.requestId, clientToken, physicalConnectionId: pc.id, cause: causeOf(reason) },
      'internal error during the terminate call',
    );
    mapped = new InternalServerError(context.requestId);
  }
  if (possibleReplay && mapped instanceof PhysicalConnectionNotEnabledError && mapped.extensions.currentStatus === null) {
    mapped = new PhysicalConnectionNotEnabledError(pc.id, pc.status, mapped.extensions.upstream, reason);
  }
  return mapped.attemptedWith(clientToken);
}

/** What the warning about a failed post-read says of its cause: codes, never a raw message. */
function causeOf(reason: unknown): Record<string, unknown> {
  if (reason instanceof UpstreamError) {
    return { code: reason.code, kind: reason.kind, httpStatus: reason.httpStatus, upstreamRequestId: reason.requestId };
  }
  if (reason instanceof Error) return { name: reason.name, message: redactSecrets(reason.message) };
  return { name: typeof reason };
}

@Resolver()
export class TerminateResolver {
  @Mutation(() => TerminatePhysicalConnectionPayload, {
    description:
      'Terminates an ENABLED circuit that has no lock, VBRs, vpconns or MACsec keys (see `terminationCheck`). Asynchronous: the circuit is TERMINATING when this returns and becomes TERMINATED by itself. Idempotent per clientToken.',
  })
  async terminatePhysicalConnection(
    @Arg('input', () => TerminatePhysicalConnectionInput, { description: 'The circuit and an optional idempotency token.' })
    input: TerminatePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<TerminatePhysicalConnectionPayload> {
    const id = validatePhysicalConnectionId(input.physicalConnectionId, 'input.physicalConnectionId');
    const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
    const callerToken =
      input.clientToken === null || input.clientToken === undefined
        ? null
        : validateClientToken(input.clientToken, 'input.clientToken');
    const scope: ErrorScope = { regionId, physicalConnectionId: id, regionField: 'input.regionId' };
    const { dataSource } = context;

    const [pcRead, vbrRead] = await Promise.allSettled([
      dataSource.freshPhysicalConnection(regionId, id),
      dataSource.freshVbrAttachments(regionId, id),
    ]);
    if (pcRead.status === 'rejected') throw rejection(pcRead.reason, scope);
    const pc = pcRead.value;
    if (pc === null) throw new PhysicalConnectionNotFoundError(id, regionId);

    const possibleReplay = callerToken !== null && AFTER_TERMINATE.has(pc.status);
    if (!possibleReplay) {
      if (vbrRead.status === 'rejected') throw rejection(vbrRead.reason, scope);
      const [blocker] = terminationBlockers(
        pc,
        vbrRead.value.map((attachment) => attachment.vbrId),
      );
      if (blocker !== undefined) throw blockerError(id, blocker);
    }

    const clientToken = callerToken ?? randomUUID();
    let result: WriteResult;
    try {
      result = await dataSource.terminatePhysicalConnection(regionId, id, { clientToken });
    } catch (error) {
      throw terminateFailure(error, scope, pc, possibleReplay, clientToken, context);
    }
    const usedToken = result.clientToken ?? clientToken;
    const correlation = {
      physicalConnectionId: id,
      regionId,
      clientToken: usedToken,
      upstreamRequestId: result.requestId,
      requestId: context.requestId,
    };
    // An audit line for a billing-relevant action; the token is an idempotency key, not a secret.
    context.logger.info(
      { ...correlation, possibleReplay, subject: context.auth.subject },
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
      // The upstream accepted, so the circuit is terminating whatever a lagging read says; a
      // payload showing ENABLED would invite the click the mutation just made.
      context.logger.warn(
        { ...correlation, readStatus: after.status },
        'post-termination read lags the accepted termination; answering TERMINATING',
      );
      after = { ...after, status: 'TERMINATING' };
    }
    after ??= { ...pc, status: AFTER_TERMINATE.has(pc.status) ? pc.status : 'TERMINATING' };
    return { physicalConnection: after, requestId: result.requestId, clientToken: usedToken };
  }
}
