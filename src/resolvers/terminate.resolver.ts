/**
 * `terminatePhysicalConnection`: the destructive, billing-relevant call the gateway makes safe.
 *
 * 1. Validate every argument (nothing is sent on bad input).
 * 2. Fresh reads (no request cache: this is a decision before a destructive call), concurrently:
 *    the circuit and every VBR attached to it (other accounts' included).
 * 3. Refuse locally with the precondition codes, in order: not found, not ENABLED, locked, VBRs.
 *    Exception (the replay rule): the caller sent a clientToken and the circuit is already
 *    TERMINATING/TERMINATED, i.e. possibly terminated by an earlier call with that token. Only
 *    the upstream knows whether it was, so it decides: it replays the original success for a
 *    known token (no second effect) and refuses an unknown one (mapped to the same codes).
 * 4. Call upstream with the caller's token or a generated one; an upstream refusal (state changed
 *    since step 2) maps to the same codes.
 * 5. Read the circuit fresh again so the payload shows TERMINATING.
 */
import { randomUUID } from 'node:crypto';
import type { PhysicalConnectionStatus } from '../datasources/models';
import { PhysicalConnectionNotFoundError } from '../schema/errors';
import { TerminatePhysicalConnectionInput } from '../schema/inputs';
import { mapErrors, toGatewayError, type ErrorScope } from '../schema/map-error';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import { TerminatePhysicalConnectionPayload } from '../schema/types/payloads';
import type { GatewayContext } from './context';
import { blockerError, terminationBlockers } from './termination';
import { resolveRegionId, validateClientToken, validatePhysicalConnectionId } from './validation';

/** States a successful TerminatePhysicalConnection leads to. */
const AFTER_TERMINATE: ReadonlySet<PhysicalConnectionStatus> = new Set(['TERMINATING', 'TERMINATED']);

function rejection(reason: unknown, scope: ErrorScope): unknown {
  return toGatewayError(reason, scope) ?? reason;
}

@Resolver()
export class TerminateResolver {
  @Mutation(() => TerminatePhysicalConnectionPayload, {
    description:
      'Terminates an ENABLED circuit that has no VBRs and no lock. Asynchronous: the circuit is TERMINATING when this returns and becomes TERMINATED by itself. Idempotent per clientToken.',
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
    const scope: ErrorScope = { regionId, physicalConnectionId: id };
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
    const result = await mapErrors(scope, () => dataSource.terminatePhysicalConnection(regionId, id, { clientToken }));
    // An audit line for a billing-relevant action; the token is an idempotency key, not a secret.
    context.logger.info(
      {
        physicalConnectionId: id,
        regionId,
        clientToken,
        upstreamRequestId: result.requestId,
        possibleReplay,
        subject: context.auth.subject,
        requestId: context.requestId,
      },
      'physical connection termination accepted',
    );

    const after = await mapErrors(scope, () => dataSource.freshPhysicalConnection(regionId, id));
    if (after === null) throw new PhysicalConnectionNotFoundError(id, regionId);
    return { physicalConnection: after, requestId: result.requestId, clientToken: result.clientToken ?? clientToken };
  }
}
