/**
 * Inputs of the VBR lifecycle mutations. Who may set what follows the upstream: the circuit's
 * owner the VLAN and circuit code, the VBR's owner its peering addresses, name and description.
 * Every field is validated before any upstream call (src/resolvers/vbr-input.ts).
 */
import { Field, ID, InputType, Int } from './type-graphql';

const REGION = 'Region of the VBR; defaults to the gateway default region.';
const CLIENT_TOKEN =
  'Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted.';

/** The fields both createVbr and updateVbr take. */
@InputType()
abstract class VbrSettingsFields {
  @Field(() => String, { nullable: true, description: REGION })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: CLIENT_TOKEN })
  clientToken?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '2 to 128 characters: a letter or Chinese character first, then letters, digits, `.`, `_` or `-`. VBR owner only.',
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`. VBR owner only.',
  })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's circuit code (1 to 64 letters, digits, `.`, `_`, `-`). Circuit owner only." })
  circuitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'IPv4 address on the Alibaba Cloud side. VBR owner only.' })
  localGatewayIp?: string | null;

  @Field(() => String, { nullable: true, description: 'IPv4 address on the customer side, in the same subnet. VBR owner only.' })
  peerGatewayIp?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mask of the peering subnet, from 255.255.255.0 (/24) to 255.255.255.252 (/30). VBR owner only.',
  })
  peeringSubnetMask?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether IPv6 is enabled (then both IPv6 gateway addresses are needed).' })
  enableIpv6?: boolean | null;

  @Field(() => String, { nullable: true, description: 'IPv6 address on the Alibaba Cloud side.' })
  localIpv6GatewayIp?: string | null;

  @Field(() => String, { nullable: true, description: 'IPv6 address on the customer side.' })
  peerIpv6GatewayIp?: string | null;

  @Field(() => String, { nullable: true, description: 'IPv6 peering prefix, e.g. `2408:4004:cc:400::/56`.' })
  peeringIpv6SubnetMask?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Mbit/s on a dedicated circuit: 50, 100, 200, 300, 400, 500, 1000, 2048, 5120, 8192, 10240, 20480, 40960, 50120, 61440 or 102400 (a shared circuit\'s VBR takes the circuit\'s bandwidth).',
  })
  bandwidth?: number | null;
}

@InputType({ description: 'A new VBR on one of this account\'s ENABLED circuits.' })
export class CreateVbrInput extends VbrSettingsFields {
  @Field(() => ID, { description: 'The circuit (`pc-...`); it must be this account\'s and ENABLED.' })
  physicalConnectionId!: string;

  @Field(() => Int, {
    description: 'VLAN id, 0 to 2999, unused on the circuit (a terminated VBR keeps its VLAN for 7 days).',
  })
  vlanId!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Account id (digits) to create the VBR for. Another account\'s VBR starts UNCONFIRMED and its owner sets the peering addresses, name and description; without it this account owns the VBR and `localGatewayIp`, `peerGatewayIp` and `peeringSubnetMask` are required.',
  })
  vbrOwnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Resource group id (`rg-...`).' })
  resourceGroupId?: string | null;
}

@InputType({ description: 'Changes to a VBR (at least one field besides `vbrId`, `regionId` and `clientToken`).' })
export class UpdateVbrInput extends VbrSettingsFields {
  @Field(() => ID, { description: 'The VBR (`vbr-...`); not while it is TERMINATING, RECOVERING or DELETING.' })
  vbrId!: string;

  @Field(() => Int, { nullable: true, description: 'VLAN id, 0 to 2999, unused on the circuit. Circuit owner only.' })
  vlanId?: number | null;

  @Field(() => Int, { nullable: true, description: 'BFD detection multiplier, 3 to 10.' })
  detectMultiplier?: number | null;

  @Field(() => Int, { nullable: true, description: 'BFD receive interval, 200 to 1000 ms.' })
  minRxInterval?: number | null;

  @Field(() => Int, { nullable: true, description: 'BFD send interval, 200 to 1000 ms.' })
  minTxInterval?: number | null;

  @Field(() => Int, { nullable: true, description: 'MTU, 1500 or 8500; only on a VBR attached to an Express Connect Router.' })
  mtu?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether data centers may reach each other through this VBR.' })
  sitelinkEnable?: boolean | null;
}

/** A VBR and the idempotency token: all that terminate, recover and delete take. */
@InputType()
abstract class VbrActionFields {
  @Field(() => ID, { description: 'The VBR (`vbr-...`).' })
  vbrId!: string;

  @Field(() => String, { nullable: true, description: REGION })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: CLIENT_TOKEN })
  clientToken?: string | null;
}

@InputType({ description: 'Which VBR to terminate (ACTIVE, on this account\'s circuit).' })
export class TerminateVbrInput extends VbrActionFields {}

@InputType({ description: 'Which VBR to recover (TERMINATED, on this account\'s ENABLED circuit).' })
export class RecoverVbrInput extends VbrActionFields {}

@InputType({ description: 'Which VBR to delete (UNCONFIRMED, ACTIVE or TERMINATED; another account\'s only while UNCONFIRMED).' })
export class DeleteVbrInput extends VbrActionFields {}
