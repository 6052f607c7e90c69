/**
 * The peering-address fields shared by `Vbr` and `AssociatedPhysicalConnection`: declared once so
 * both types describe them the same way.
 */
import { Field, ObjectType } from '../type-graphql';
import type { PeeringAddresses as PeeringAddressesModel } from '../../datasources/models';

@ObjectType()
export abstract class PeeringAddressFields implements PeeringAddressesModel {
  @Field(() => Boolean, { nullable: true, description: 'Whether IPv6 is enabled.' })
  enableIpv6!: boolean | null;

  @Field(() => String, { nullable: true, description: 'IPv4 address on the Alibaba Cloud side.' })
  localGatewayIp!: string | null;

  @Field(() => String, { nullable: true, description: 'IPv6 address on the Alibaba Cloud side.' })
  localIpv6GatewayIp!: string | null;

  @Field(() => String, { nullable: true, description: 'IPv4 address on the customer side.' })
  peerGatewayIp!: string | null;

  @Field(() => String, { nullable: true, description: 'IPv6 address on the customer side.' })
  peerIpv6GatewayIp!: string | null;

  @Field(() => String, { nullable: true, description: 'IPv4 peering subnet mask.' })
  peeringSubnetMask!: string | null;

  @Field(() => String, { nullable: true, description: 'IPv6 peering subnet.' })
  peeringIpv6SubnetMask!: string | null;
}
