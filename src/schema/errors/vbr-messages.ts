/**
 * The messages of the VBR lifecycle refusals, shared by the errors the mutations throw and the
 * `availableActions` blockers, which take the text without building an error.
 */
import type { VbrStatus } from '../../datasources/models';
import type { VbrAction } from './lifecycle';

const VERBS: Readonly<Record<VbrAction, string>> = { TERMINATE: 'terminate', RECOVER: 'recover', DELETE: 'delete', UPDATE: 'update' };

/** The second half of PHYSICAL_CONNECTION_NOT_ENABLED's message for the VBR actions that need it. */
export const CREATE_VBR_NEEDS_ENABLED = 'VBRs can only be created on ENABLED connections';
export const RECOVER_VBR_NEEDS_ENABLED = 'its VBRs can only be recovered while it is ENABLED';

export function circuitOwnerOnlyMessage(vbrId: string, action: VbrAction): string {
  return `VBR ${vbrId} is on another account's physical connection; only the circuit's owner may ${VERBS[action]} it.`;
}

export function foreignVbrMessage(vbrId: string, status: VbrStatus): string {
  return `VBR ${vbrId} belongs to another account and is ${status}; the circuit's owner may delete another account's VBR only while it is UNCONFIRMED.`;
}

/** `fields`: the input fields this account may not set, e.g. `input.name`. */
export function vbrOwnerOnlyMessage(vbrId: string, fields: readonly string[]): string {
  return `VBR ${vbrId} belongs to another account; only its owner may set ${fields.join(', ')}.`;
}

export function circuitOwnerOnlyFieldsMessage(vbrId: string, fields: readonly string[]): string {
  return `VBR ${vbrId} is on another account's physical connection; only the circuit's owner may set ${fields.join(', ')}.`;
}

/** The upstream refused the account without saying why. */
export function accountRefusedMessage(resourceId: string, upstreamCode: string): string {
  return `This account may not do that to ${resourceId} (${upstreamCode}).`;
}

export function vlanInUseMessage(vbrId: string, vlanId: number | null, holderIds: readonly string[] | null): string {
  const vlan = vlanId === null ? 'its VLAN' : `its VLAN ${vlanId}`;
  const holders = holderIds === null ? 'another VBR on the circuit' : holderIds.join(', ');
  return `VBR ${vbrId} cannot be recovered: ${vlan} is held by ${holders} now.`;
}
