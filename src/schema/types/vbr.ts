/**
 * `Vbr` and its nested upstream structures. Field names mirror `src/datasources/models.ts`;
 * the `physicalConnection` relation is a field resolver in `src/resolvers/vbr.resolver.ts`.
 */
import { Field, ID, Int, ObjectType } from '../type-graphql';
import { PeeringAddressFields } from './peering';
import type {
  AssociatedCen as AssociatedCenModel,
  AssociatedPhysicalConnection as AssociatedPhysicalConnectionModel,
  AttachStatus,
  BusinessStatus,
  ChargeType,
  PhysicalConnectionStatus,
  Vbr as VbrModel,
  VbrStatus,
} from '../../datasources/models';
import {
  AttachStatusEnum,
  BusinessStatusEnum,
  ChargeTypeEnum,
  PhysicalConnectionStatusEnum,
  VbrStatusEnum,
} from '../enums';
import { DateTimeScalar } from '../scalars';
import { Tag } from './common';

@ObjectType({ description: 'A Cloud Enterprise Network (CEN) instance a VBR is attached to.' })
export class AssociatedCen implements AssociatedCenModel {
  @Field(() => String, { nullable: true, description: 'CEN instance id (`cen-...`).' })
  cenId!: string | null;

  @Field(() => String, { nullable: true, description: 'Account id owning the CEN instance (64-bit, hence a string).' })
  cenOwnerId!: string | null;

  @Field(() => AttachStatusEnum, { nullable: true, description: 'Attachment state.' })
  cenStatus!: AttachStatus | null;
}

@ObjectType({ description: 'A circuit a VBR is associated with, with the peering settings on that circuit.' })
export class AssociatedPhysicalConnection extends PeeringAddressFields implements AssociatedPhysicalConnectionModel {
  @Field(() => ID, { nullable: true, description: 'Circuit id (`pc-...`).' })
  physicalConnectionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Account id owning the circuit.' })
  physicalConnectionOwnerUid!: string | null;

  @Field(() => PhysicalConnectionStatusEnum, { nullable: true, description: 'Lifecycle state of the circuit.' })
  physicalConnectionStatus!: PhysicalConnectionStatus | null;

  @Field(() => BusinessStatusEnum, { nullable: true, description: 'Lock state of the circuit.' })
  physicalConnectionBusinessStatus!: BusinessStatus | null;

  @Field(() => VbrStatusEnum, { nullable: true, description: 'State of the VBR on this circuit.' })
  status!: VbrStatus | null;

  @Field(() => String, { nullable: true, description: 'Circuit code assigned by the carrier.' })
  circuitCode!: string | null;

  @Field(() => String, { nullable: true, description: 'VLAN id on this circuit (a string upstream here).' })
  vlanId!: string | null;

  @Field(() => String, { nullable: true, description: 'VBR interface id (`ri-...`), usable as a route next hop.' })
  vlanInterfaceId!: string | null;
}

@ObjectType({
  description:
    'A Virtual Border Router (VBR): the routed interface between a circuit and Alibaba Cloud networks. A circuit cannot be terminated while any VBR is attached.',
})
export class Vbr extends PeeringAddressFields implements VbrModel {
  @Field(() => ID, { description: 'VBR id (`vbr-...`).' })
  id!: string;

  @Field(() => String, { description: 'Region of the VBR.' })
  regionId!: string;

  @Field(() => VbrStatusEnum, { description: 'Lifecycle state.' })
  status!: VbrStatus;

  @Field(() => ID, { nullable: true, description: 'Circuit the VBR is on (`pc-...`).' })
  physicalConnectionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Access point id (`ap-...`).' })
  accessPointId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the VBR was first activated.' })
  activationTime!: Date | null;

  @Field(() => [AssociatedCen], { description: 'CEN instances the VBR is attached to.' })
  associatedCens!: AssociatedCen[];

  @Field(() => [AssociatedPhysicalConnection], { description: 'Circuits the VBR is associated with.' })
  associatedPhysicalConnections!: AssociatedPhysicalConnection[];

  @Field(() => Int, { nullable: true, description: 'Bandwidth in Mbit/s.' })
  bandwidth!: number | null;

  @Field(() => String, { nullable: true, description: 'Circuit code assigned by the carrier.' })
  circuitCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Cloud box id (`cb-...`).' })
  cloudBoxInstanceId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the VBR was created.' })
  creationTime!: Date | null;

  @Field(() => Int, { nullable: true, description: 'BFD detection multiplier (dropped packets tolerated).' })
  detectMultiplier!: number | null;

  @Field(() => String, { nullable: true, description: 'Express Cloud Connect instance id (`ecc-...`).' })
  eccId!: string | null;

  @Field(() => AttachStatusEnum, {
    nullable: true,
    description: 'Attachment state to an Express Connect Router (upstream `EcrAttatchStatus`).',
  })
  ecrAttachStatus!: AttachStatus | null;

  @Field(() => String, { nullable: true, description: 'Express Connect Router id (`ecr-...`).' })
  ecrId!: string | null;

  @Field(() => String, { nullable: true, description: 'Account id owning the Express Connect Router.' })
  ecrOwnerId!: string | null;

  @Field(() => Int, { nullable: true, description: 'BFD receive interval in milliseconds.' })
  minRxInterval!: number | null;

  @Field(() => Int, { nullable: true, description: 'BFD transmit interval in milliseconds.' })
  minTxInterval!: number | null;

  @Field(() => Int, { nullable: true, description: 'MTU in bytes.' })
  mtu!: number | null;

  @Field(() => ChargeTypeEnum, { nullable: true, description: 'Billing method of the VBR.' })
  pconnVbrChargeType!: ChargeType | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the VBR expires.' })
  pconnVbrExpireTime!: Date | null;

  @Field(() => BusinessStatusEnum, { nullable: true, description: 'Lock state of the circuit.' })
  physicalConnectionBusinessStatus!: BusinessStatus | null;

  @Field(() => String, { nullable: true, description: 'Account id owning the circuit.' })
  physicalConnectionOwnerUid!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Circuit state as the VBR listing reports it, raw (the upstream documents values outside PhysicalConnectionStatus here). Prefer `physicalConnection { status }`.',
  })
  physicalConnectionStatus!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time the VBR went from terminated to active.' })
  recoveryTime!: Date | null;

  @Field(() => String, { nullable: true, description: 'Resource group id (`rg-...`).' })
  resourceGroupId!: string | null;

  @Field(() => String, { nullable: true, description: 'Route table id (`rtb-...`).' })
  routeTableId!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether traffic between data centers is allowed.' })
  sitelinkEnable!: boolean | null;

  @Field(() => [Tag], { description: 'Tags.' })
  tags!: Tag[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time the VBR was terminated.' })
  terminationTime!: Date | null;

  @Field(() => String, { nullable: true, description: 'VBR type, e.g. `pconnVBR`.' })
  type!: string | null;

  @Field(() => Int, { nullable: true, description: 'VLAN id.' })
  vlanId!: number | null;

  @Field(() => String, { nullable: true, description: 'VBR interface id (`ri-...`).' })
  vlanInterfaceId!: string | null;
}
