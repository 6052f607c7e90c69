/**
 * updateVbr (ModifyVirtualBorderRouterAttribute): a VBR not in a transition takes changes; the
 * circuit's owner sets the VLAN and circuit code, the VBR's owner its peering addresses, name and
 * description, either one the rest. Checked in the upstream's order: the input against the VBR
 * (MTU), who may set what, the status, the peering subnet, the VLAN.
 *
 * Invariant: once the upstream accepted, the answer is a success (the pre-read with the changes
 * applied when the read after it fails).
 */
import type { Vbr } from '../../datasources/models';
import { validation as rules } from '../../datasources';
import type { VbrChanges } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import {
  AccountNotAllowedError,
  BadUserInputError,
  circuitOwnerOnlyFieldsMessage,
  VbrNotFoundError,
  vbrOwnerOnlyMessage,
} from '../../schema/errors';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import type { LifecycleService } from '../lifecycle';
import { causeOf, sendWrite } from '../write';
import { refusal, updateBlockers, vlanHolders } from './rules';
import { freshVbrSubject, loadVbrSubject, type FreshVbr, type VbrSubject } from './subject';
import { vbrWriteScope, type VbrWriteInput, type VbrWriteResult } from './transition';

/** The changes the mutation takes: each one a field of the VBR by the same name. */
export type VbrFieldChanges = Omit<VbrChanges, 'associatedPhysicalConnections'>;

export interface UpdateVbrInput extends VbrWriteInput {
  /** Validated, at least one field. */
  changes: VbrFieldChanges;
}

const CIRCUIT_OWNER_FIELDS = ['vlanId', 'circuitCode'] as const satisfies ReadonlyArray<keyof VbrFieldChanges>;
const VBR_OWNER_FIELDS = ['localGatewayIp', 'peerGatewayIp', 'peeringSubnetMask', 'name', 'description'] as const satisfies ReadonlyArray<
  keyof VbrFieldChanges
>;

const given = (changes: VbrFieldChanges, fields: ReadonlyArray<keyof VbrFieldChanges>): string[] =>
  fields.filter((field) => changes[field] !== undefined).map((field) => `input.${field}`);

/** The refusals that depend on what the input changes; the status is `updateBlockers`'. */
function checkChanges({ vbr, subject }: FreshVbr, changes: VbrFieldChanges, now: number): void {
  if (changes.mtu !== undefined && vbr.ecrId === null) {
    throw new BadUserInputError('input.mtu', 'input.mtu can only be set on a VBR attached to an Express Connect Router (ecrId).');
  }
  const circuitFields = given(changes, CIRCUIT_OWNER_FIELDS);
  if (subject.circuit === null && circuitFields.length > 0) {
    throw new AccountNotAllowedError(circuitOwnerOnlyFieldsMessage(vbr.id, circuitFields), vbr.id, 'CIRCUIT_OWNER_ONLY');
  }
  const vbrFields = given(changes, VBR_OWNER_FIELDS);
  if (subject.foreign && vbrFields.length > 0) {
    throw new AccountNotAllowedError(vbrOwnerOnlyMessage(vbr.id, vbrFields), vbr.id, 'VBR_OWNER_ONLY');
  }
  const [blocker] = updateBlockers(subject);
  if (blocker !== undefined) throw refusal(subject, 'UPDATE', blocker);

  const local = changes.localGatewayIp ?? vbr.localGatewayIp;
  const peer = changes.peerGatewayIp ?? vbr.peerGatewayIp;
  const mask = changes.peeringSubnetMask ?? vbr.peeringSubnetMask;
  const peeringChanged = changes.localGatewayIp !== undefined || changes.peerGatewayIp !== undefined || changes.peeringSubnetMask !== undefined;
  if (peeringChanged && local !== null && peer !== null && mask !== null) {
    if (local === peer) throw new BadUserInputError('input.peerGatewayIp', 'input.peerGatewayIp must differ from the local gateway address.');
    if (!rules.sameSubnet(local, peer, mask)) {
      throw new BadUserInputError('input.peerGatewayIp', `The gateway addresses ${local} and ${peer} are not in one subnet under ${mask}.`);
    }
  }
  if (changes.vlanId !== undefined && changes.vlanId !== vbr.vlanId) {
    const holders = vlanHolders(subject.siblings, changes.vlanId, now);
    if (holders.length > 0) {
      throw new BadUserInputError('input.vlanId', `VLAN ${changes.vlanId} is already used on the circuit by ${holders.join(', ')}.`);
    }
  }
}

async function execute(context: GatewayContext, input: UpdateVbrInput): Promise<VbrWriteResult> {
  const { regionId, vbrId, clientToken: callerToken, changes } = input;
  const { dataSource } = context;
  let scope = vbrWriteScope(regionId, vbrId, 'UPDATE');
  const fresh = await freshVbrSubject(context, regionId, vbrId, scope);
  if (fresh === null) throw new VbrNotFoundError(vbrId, regionId);
  if (fresh.vbr.physicalConnectionId !== null) scope = { ...scope, physicalConnectionId: fresh.vbr.physicalConnectionId };
  // No replay rule: an update leads to no other status, so a replay passes these checks too.
  checkChanges(fresh, changes, Date.now());

  const { result, clientToken } = await sendWrite(
    context,
    { callerToken, scope, action: 'update VBR', logFields: { vbrId } },
    (token) => dataSource.modifyVbr(regionId, vbrId, changes, { clientToken: token }),
  );
  const correlation = { vbrId, regionId, clientToken, upstreamRequestId: result.requestId, requestId: context.requestId };
  context.logger.info({ ...correlation, action: 'UPDATE', subject: context.auth.subject }, 'vbr write accepted');

  let after: Vbr | null = null;
  try {
    after = await dataSource.freshVbr(regionId, vbrId);
    if (after === null) context.logger.warn(correlation, 'read after the VBR write found no VBR; answering from the pre-read');
  } catch (error) {
    context.logger.warn({ ...correlation, cause: causeOf(error) }, 'read after the VBR write failed; answering from the pre-read');
  }
  return { vbr: after ?? { ...fresh.vbr, ...changes }, requestId: result.requestId, clientToken };
}

export const updateVbrService = {
  load: loadVbrSubject,
  evaluate: updateBlockers,
  execute,
} satisfies LifecycleService<Vbr, VbrSubject, ActionBlockerModel, UpdateVbrInput, VbrWriteResult>;
