/**
 * The VBR mutations' inputs, validated field by field with the data source's rules before any
 * upstream call: BAD_USER_INPUT names the field (`input.vlanId`). What needs the VBR or its
 * circuit (who may set what, a VLAN in use, the subnet with the current addresses) is the
 * services' check.
 */
import { validation as rules } from '../datasources';
import type { VbrCreateSpec } from '../datasources/types';
import type { GatewayContext } from '../schema/context';
import { BadUserInputError } from '../schema/errors';
import type { CreateVbrInput, DeleteVbrInput, RecoverVbrInput, TerminateVbrInput, UpdateVbrInput } from '../schema/vbr-inputs';
import type { CreateVbrInput as CreateVbrArgs } from '../services/vbrs/create.service';
import type { VbrWriteInput } from '../services/vbrs/transition';
import type { UpdateVbrInput as UpdateVbrArgs, VbrFieldChanges } from '../services/vbrs/update.service';
import { check, resolveRegionId, validateOptional, validatePhysicalConnectionId, validateVbrId } from './validation';

type Rule<T> = (value: unknown, field: string) => T;

/** `input.<name>` checked by `rule` when given; null and absent are both "not given". */
function optional<T>(input: object, name: string, rule: Rule<T>): T | undefined {
  const value = (input as Record<string, unknown>)[name];
  return value === null || value === undefined ? undefined : check(rule, value, `input.${name}`);
}

const range = (min: number, max: number): Rule<number> => (value, field) => rules.integer(value, field, min, max);
const vlan = range(0, 2999);
const mtu: Rule<number> = (value, field) => {
  if (value !== 1500 && value !== 8500) throw new BadUserInputError(field, `${field} must be 1500 or 8500`);
  return value;
};

function token(input: { clientToken?: string | null }): string | null {
  return validateOptional(rules.clientToken, input.clientToken, 'input.clientToken') ?? null;
}

/** Only the fields given, so nothing absent is sent upstream. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** The fields createVbr and updateVbr share. */
function settings(input: CreateVbrInput | UpdateVbrInput) {
  return {
    name: optional(input, 'name', rules.resourceName),
    description: optional(input, 'description', rules.resourceDescription),
    circuitCode: optional(input, 'circuitCode', rules.circuitCode),
    localGatewayIp: optional(input, 'localGatewayIp', rules.ipv4Address),
    peerGatewayIp: optional(input, 'peerGatewayIp', rules.ipv4Address),
    peeringSubnetMask: optional(input, 'peeringSubnetMask', rules.peeringSubnetMask),
    enableIpv6: optional(input, 'enableIpv6', rules.boolean),
    localIpv6GatewayIp: optional(input, 'localIpv6GatewayIp', rules.ipv6Address),
    peerIpv6GatewayIp: optional(input, 'peerIpv6GatewayIp', rules.ipv6Address),
    peeringIpv6SubnetMask: optional(input, 'peeringIpv6SubnetMask', rules.ipv6Cidr),
    bandwidth: optional(input, 'bandwidth', rules.vbrBandwidth),
  };
}

function required<T>(value: T | undefined, field: string, why: string): T {
  if (value === undefined) throw new BadUserInputError(field, `${field} is required ${why}.`);
  return value;
}

/** Both gateway addresses differ and share the peering subnet. */
function checkPeering(local: string, peer: string, mask: string): void {
  if (local === peer) throw new BadUserInputError('input.peerGatewayIp', 'input.peerGatewayIp must differ from input.localGatewayIp.');
  if (!rules.sameSubnet(local, peer, mask)) {
    const message = 'input.peerGatewayIp must be in the subnet of input.localGatewayIp under input.peeringSubnetMask.';
    throw new BadUserInputError('input.peerGatewayIp', message);
  }
}

export function createVbrArgs(input: CreateVbrInput, context: GatewayContext): CreateVbrArgs {
  const physicalConnectionId = validatePhysicalConnectionId(input.physicalConnectionId, 'input.physicalConnectionId');
  const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
  const clientToken = token(input);
  const vlanId = check(vlan, input.vlanId, 'input.vlanId');
  const vbrOwnerId = optional(input, 'vbrOwnerId', rules.accountId);
  const resourceGroupId = optional(input, 'resourceGroupId', rules.genericId);
  const given = settings(input);
  // For another account the upstream decides: the owner fills these in, unless it is this account.
  if (vbrOwnerId === undefined) {
    const why = 'for a VBR of this account (without vbrOwnerId)';
    const local = required(given.localGatewayIp, 'input.localGatewayIp', why);
    const peer = required(given.peerGatewayIp, 'input.peerGatewayIp', why);
    checkPeering(local, peer, required(given.peeringSubnetMask, 'input.peeringSubnetMask', why));
    if (given.enableIpv6 === true) {
      required(given.localIpv6GatewayIp, 'input.localIpv6GatewayIp', 'with enableIpv6');
      required(given.peerIpv6GatewayIp, 'input.peerIpv6GatewayIp', 'with enableIpv6');
    }
  }
  const spec: VbrCreateSpec = defined({ physicalConnectionId, vlanId, vbrOwnerId, resourceGroupId, ...given });
  return { regionId, clientToken, spec };
}

export function updateVbrArgs(input: UpdateVbrInput, context: GatewayContext): UpdateVbrArgs {
  const vbrId = validateVbrId(input.vbrId, 'input.vbrId');
  const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
  const clientToken = token(input);
  const changes: VbrFieldChanges = defined({
    vlanId: optional(input, 'vlanId', vlan),
    detectMultiplier: optional(input, 'detectMultiplier', range(3, 10)),
    minRxInterval: optional(input, 'minRxInterval', range(200, 1000)),
    minTxInterval: optional(input, 'minTxInterval', range(200, 1000)),
    mtu: optional(input, 'mtu', mtu),
    sitelinkEnable: optional(input, 'sitelinkEnable', rules.boolean),
    ...settings(input),
  });
  if (Object.keys(changes).length === 0) throw new BadUserInputError('input', 'input must change at least one field of the VBR.');
  return { regionId, vbrId, clientToken, changes };
}

export function vbrActionArgs(input: TerminateVbrInput | RecoverVbrInput | DeleteVbrInput, context: GatewayContext): VbrWriteInput {
  const vbrId = validateVbrId(input.vbrId, 'input.vbrId');
  const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
  return { regionId, vbrId, clientToken: token(input) };
}
