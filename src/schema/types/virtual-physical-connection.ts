/**
 * `VirtualPhysicalConnection`: a shared-port virtual connection (vpconn) hosted on a dedicated
 * circuit, as its host's owner sees it (`PhysicalConnection.virtualPhysicalConnections`). Declared
 * with the domain object's field names, so resolvers return data-source objects as they are.
 */
import { Field, ID, Int, ObjectType } from '../type-graphql';
import type {
  BusinessStatus,
  ChargeType,
  LineOperator,
  OrderMode,
  PhysicalConnectionStatus,
  VirtualPhysicalConnection as VirtualPhysicalConnectionModel,
  VpconnStatus,
} from '../../datasources/models';
import {
  BusinessStatusEnum,
  ChargeTypeEnum,
  LineOperatorEnum,
  OrderModeEnum,
  PhysicalConnectionStatusEnum,
  VpconnStatusEnum,
} from '../enums';
import { DateTimeScalar } from '../scalars';
import { Tag } from './common';

@ObjectType({
  description:
    "A shared-port virtual connection (vpconn): a tenant's shared circuit carved out of this account's dedicated circuit (its host). It blocks terminating the host; the host's owner deletes it with DeletePhysicalConnection on its id.",
})
export class VirtualPhysicalConnection implements VirtualPhysicalConnectionModel {
  @Field(() => ID, { description: 'Id of the shared circuit (`pc-...`).' })
  id!: string;

  @Field(() => String, { description: 'Region, the host\'s.' })
  regionId!: string;

  @Field(() => PhysicalConnectionStatusEnum, {
    description: 'Lifecycle state of the shared circuit (ALLOCATED until the tenant confirms it, then CONFIRMED, ENABLED, ...).',
  })
  status!: PhysicalConnectionStatus;

  @Field(() => VpconnStatusEnum, { nullable: true, description: 'Whether the tenant accepted it (UNCONFIRMED, CONFIRMED, DELETED).' })
  vpconnStatus!: VpconnStatus | null;

  @Field(() => BusinessStatusEnum, { nullable: true, description: 'Billing / compliance lock state.' })
  businessStatus!: BusinessStatus | null;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'VLAN id on the host, 0 to 2999 (unique among the host\'s vpconns and VBRs).' })
  vlanId!: number | null;

  @Field(() => String, { nullable: true, description: 'Bandwidth as ordered, e.g. `50M` or `1G`.' })
  spec!: string | null;

  @Field(() => String, { nullable: true, description: 'A pending bandwidth change, e.g. `500M`, effective once paid.' })
  expectSpec!: string | null;

  @Field(() => Int, { nullable: true, description: 'Bandwidth in Mbit/s.' })
  bandwidth!: number | null;

  @Field(() => OrderModeEnum, { nullable: true, description: 'Who pays: the host\'s owner or the tenant.' })
  orderMode!: OrderMode | null;

  @Field(() => String, { nullable: true, description: 'The tenant: the account that owns the shared circuit (64-bit, hence a string).' })
  ownerAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The hosting circuit (`pc-...`).' })
  parentPhysicalConnectionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The hosting circuit\'s owner account (64-bit, hence a string).' })
  parentPhysicalConnectionAliUid!: string | null;

  @Field(() => String, { nullable: true, description: 'Access point id (`ap-...`), the host\'s.' })
  accessPointId!: string | null;

  @Field(() => LineOperatorEnum, { nullable: true, description: 'Carrier providing the line.' })
  lineOperator!: LineOperator | null;

  @Field(() => String, { nullable: true, description: 'Port type of the host, e.g. `10GBase-LR`.' })
  portType!: string | null;

  @Field(() => ChargeTypeEnum, { nullable: true, description: 'Billing method.' })
  chargeType!: ChargeType | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was created.' })
  creationTime!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was enabled.' })
  enabledTime!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it expires.' })
  endTime!: Date | null;

  @Field(() => String, { nullable: true, description: 'Resource group id (`rg-...`).' })
  resourceGroupId!: string | null;

  @Field(() => [Tag], { description: 'Tags.' })
  tags!: Tag[];
}
