/**
 * createVbr (CreateVirtualBorderRouter): a VBR on this account's ENABLED circuit, with a VLAN no
 * other VBR on it holds (a terminated one keeps its VLAN for 7 days). ACTIVE at once, or
 * UNCONFIRMED when created for another account (`vbrOwnerId`), whose owner then sets its peering
 * addresses. Quotas are the upstream's check (QUOTA_EXCEEDED).
 *
 * Invariants: preconditions from fresh reads (the circuit and every VBR on it, concurrently); the
 * replay rule: a caller's token whose VLAN is already held goes to the upstream (the VBR holding
 * it may be the one that token created); once the upstream accepted, the answer is a success with
 * the new id, and the VBR when the read after it sees it.
 */
import type { PhysicalConnection, Vbr } from '../../datasources/models';
import type { VbrCreateSpec } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import {
  BadUserInputError,
  CREATE_VBR_NEEDS_ENABLED,
  notEnabledMessage,
  PhysicalConnectionNotEnabledError,
  PhysicalConnectionNotFoundError,
  type GatewayError,
} from '../../schema/errors';
import { toGatewayError, type ErrorScope } from '../../schema/map-error';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import type { LifecycleService } from '../lifecycle';
import { causeOf, sendWrite } from '../write';
import { vlanHolders } from './rules';
import { attachedSibling } from './subject';

export interface CreateVbrInput {
  regionId: string;
  /** The caller's token; null to generate one. */
  clientToken: string | null;
  /** Validated. */
  spec: VbrCreateSpec;
}

export interface CreateVbrResult {
  vbrId: string;
  /** Read fresh after the write; null when that read failed or does not list the new VBR yet. */
  vbr: Vbr | null;
  requestId: string;
  clientToken: string;
}

export interface CreateVbrSubject {
  circuit: Pick<PhysicalConnection, 'id' | 'status'>;
}

/** Pure: what keeps a circuit from taking a new VBR, whatever its VLAN. */
function evaluate({ circuit }: CreateVbrSubject): ActionBlockerModel[] {
  if (circuit.status === 'ENABLED') return [];
  return [
    {
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      message: notEnabledMessage(circuit.id, circuit.status, CREATE_VBR_NEEDS_ENABLED),
      currentStatus: circuit.status,
      vbrStatus: null,
      businessStatus: null,
      vbrIds: null,
      reason: null,
      accountReason: null,
    },
  ];
}

function rethrow(reason: unknown, scope: ErrorScope): never {
  throw toGatewayError(reason, scope) ?? reason;
}

async function execute(context: GatewayContext, input: CreateVbrInput): Promise<CreateVbrResult> {
  const { regionId, clientToken: callerToken, spec } = input;
  const pcId = spec.physicalConnectionId;
  const scope: ErrorScope = { regionId, physicalConnectionId: pcId, regionField: 'input.regionId', inputPath: 'input' };
  const { dataSource } = context;

  const [circuitRead, attachmentRead] = await Promise.allSettled([
    dataSource.freshPhysicalConnection(regionId, pcId),
    dataSource.freshVbrAttachments(regionId, pcId),
  ]);
  if (circuitRead.status === 'rejected') rethrow(circuitRead.reason, scope);
  const circuit = circuitRead.value;
  if (circuit === null) throw new PhysicalConnectionNotFoundError(pcId, regionId);
  if (attachmentRead.status === 'rejected') rethrow(attachmentRead.reason, scope);
  const holders = vlanHolders(attachmentRead.value.map(attachedSibling), spec.vlanId, Date.now());
  const replay = callerToken !== null && holders.length > 0;
  if (!replay) {
    const [blocker] = evaluate({ circuit });
    if (blocker !== undefined) {
      throw new PhysicalConnectionNotEnabledError(pcId, blocker.currentStatus, undefined, undefined, CREATE_VBR_NEEDS_ENABLED);
    }
    if (holders.length > 0) {
      throw new BadUserInputError('input.vlanId', `VLAN ${spec.vlanId} is already used on ${pcId} by ${holders.join(', ')}.`);
    }
  }

  const { result, clientToken } = await sendWrite(
    context,
    {
      callerToken,
      scope,
      action: 'create VBR',
      logFields: { physicalConnectionId: pcId },
      refine: (mapped, reason): GatewayError =>
        mapped instanceof PhysicalConnectionNotEnabledError
          ? new PhysicalConnectionNotEnabledError(pcId, null, mapped.extensions.upstream, reason, CREATE_VBR_NEEDS_ENABLED)
          : mapped,
    },
    (token) => dataSource.createVbr(regionId, spec, { clientToken: token }),
  );
  const { vbrId } = result;
  const correlation = { vbrId, physicalConnectionId: pcId, regionId, clientToken, upstreamRequestId: result.requestId, requestId: context.requestId };
  context.logger.info({ ...correlation, action: 'CREATE', possibleReplay: replay, subject: context.auth.subject }, 'vbr write accepted');

  let vbr: Vbr | null = null;
  try {
    vbr = await dataSource.freshVbr(regionId, vbrId);
    if (vbr === null) context.logger.warn(correlation, 'read after the VBR write found no VBR; answering with its id only');
  } catch (error) {
    context.logger.warn({ ...correlation, cause: causeOf(error) }, 'read after the VBR write failed; answering with its id only');
  }
  return { vbrId, vbr, requestId: result.requestId, clientToken };
}

/** No `load`: creating is not an action of an existing resource, so nothing previews it. */
export const createVbrService = { evaluate, execute } satisfies Omit<
  LifecycleService<PhysicalConnection, CreateVbrSubject, ActionBlockerModel, CreateVbrInput, CreateVbrResult>,
  'load'
>;
