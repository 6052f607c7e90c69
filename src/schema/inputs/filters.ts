/**
 * The list filters. They mirror the data source's (`src/datasources/types.ts`) key for key: AND
 * across keys, OR within one key's list.
 */
import { Field, ID, InputType } from '../type-graphql';
import type {
  LineOperator,
  PhysicalConnectionSpec,
  PhysicalConnectionStatus,
  ProductType,
  VbrStatus,
} from '../../datasources/models';
import type {
  PhysicalConnectionFilter as PhysicalConnectionFilterModel,
  VbrFilter as VbrFilterModel,
} from '../../datasources/types';
import {
  LineOperatorEnum,
  PhysicalConnectionSpecEnum,
  PhysicalConnectionStatusEnum,
  ProductTypeEnum,
  VbrStatusEnum,
} from '../enums';

@InputType({ description: 'Filter for `physicalConnections`: AND across fields, OR within a list.' })
export class PhysicalConnectionFilter implements PhysicalConnectionFilterModel {
  @Field(() => [ID], { nullable: true, description: 'Circuit ids (`pc-...`).' })
  ids?: string[];

  @Field(() => [PhysicalConnectionStatusEnum], { nullable: true, description: 'Lifecycle states.' })
  statuses?: PhysicalConnectionStatus[];

  @Field(() => [String], { nullable: true, description: 'Exact names.' })
  names?: string[];

  @Field(() => [String], { nullable: true, description: 'Access point ids (`ap-...`).' })
  accessPointIds?: string[];

  @Field(() => [LineOperatorEnum], { nullable: true, description: 'Carriers.' })
  lineOperators?: LineOperator[];

  @Field(() => [PhysicalConnectionSpecEnum], {
    nullable: true,
    description: 'Port specification classes (sent upstream as `1G and below`, `10G`, `40G`, `100G`).',
  })
  specs?: PhysicalConnectionSpec[];

  @Field(() => [ProductTypeEnum], { nullable: true, description: 'Dedicated and/or shared circuits.' })
  productTypes?: ProductType[];

  @Field(() => [String], { nullable: true, description: 'Circuit types; only `VPC` exists.' })
  types?: string[];
}

@InputType({ description: 'Filter for `vbrs`: AND across fields, OR within a list.' })
export class VbrFilter implements VbrFilterModel {
  @Field(() => [ID], { nullable: true, description: 'VBR ids (`vbr-...`).' })
  ids?: string[];

  @Field(() => [ID], { nullable: true, description: 'Circuits the VBRs are on (`pc-...`).' })
  physicalConnectionIds?: string[];

  @Field(() => [VbrStatusEnum], { nullable: true, description: 'Lifecycle states.' })
  statuses?: VbrStatus[];

  @Field(() => [String], { nullable: true, description: 'Exact names.' })
  names?: string[];

  @Field(() => [String], { nullable: true, description: 'Access point ids (`ap-...`).' })
  accessPointIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Express Cloud Connect ids (`ecc-...`).' })
  eccIds?: string[];

  @Field(() => [String], { nullable: true, description: 'VBR types, e.g. `pconnVBR`.' })
  types?: string[];
}
