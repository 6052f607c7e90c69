/**
 * `PhysicalConnection`: the scalar fields of the domain object (declared with the same names, so
 * resolvers return data-source objects as they are). Relations (`vbrs`, `terminationCheck`) are
 * field resolvers in `src/resolvers/physical-connection.resolver.ts`.
 */
import { Field, ID, Int, ObjectType } from '../type-graphql';
import type {
  BusinessStatus,
  ChargeType,
  LineOperator,
  LoaStatus,
  OrderMode,
  PhysicalConnection as PhysicalConnectionModel,
  PhysicalConnectionSpec,
  PhysicalConnectionStatus,
  ProductType,
  VpconnStatus,
} from '../../datasources/models';
import {
  BusinessStatusEnum,
  ChargeTypeEnum,
  LineOperatorEnum,
  LoaStatusEnum,
  OrderModeEnum,
  PhysicalConnectionSpecEnum,
  PhysicalConnectionStatusEnum,
  ProductTypeEnum,
  VpconnStatusEnum,
} from '../enums';
import { DateTimeScalar } from '../scalars';
import { MacsecKey, Tag } from './common';

@ObjectType({
  description:
    'An Express Connect physical connection ("circuit"): a dedicated or shared line between a data center and an Alibaba Cloud access point.',
})
export class PhysicalConnection implements PhysicalConnectionModel {
  @Field(() => ID, { description: 'Circuit id (`pc-...`).' })
  id!: string;

  @Field(() => String, { description: 'Region of the circuit, e.g. `cn-hangzhou`.' })
  regionId!: string;

  @Field(() => PhysicalConnectionStatusEnum, { description: 'Lifecycle state.' })
  status!: PhysicalConnectionStatus;

  @Field(() => BusinessStatusEnum, {
    nullable: true,
    description: 'Billing / compliance lock state; a locked circuit cannot be terminated.',
  })
  businessStatus!: BusinessStatus | null;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Access point id (`ap-...`).' })
  accessPointId!: string | null;

  @Field(() => String, { nullable: true, description: 'Access point type, e.g. `VPC`.' })
  accessPointType!: string | null;

  @Field(() => String, { nullable: true, description: 'Data center and rack of the access point.' })
  adDetailLocation!: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the access point.' })
  adLocation!: string | null;

  @Field(() => Int, { nullable: true, description: 'Maximum bandwidth in Mbit/s.' })
  bandwidth!: number | null;

  @Field(() => ChargeTypeEnum, { nullable: true, description: 'Billing method.' })
  chargeType!: ChargeType | null;

  @Field(() => String, { nullable: true, description: 'Circuit code assigned by the carrier.' })
  circuitCode!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the circuit was created.' })
  creationTime!: Date | null;

  @Field(() => String, { nullable: true, description: 'Device features selected for the port, as reported upstream.' })
  deviceFeaturesSelected!: string | null;

  @Field(() => Int, { nullable: true, description: 'Port down-delay time, as reported upstream.' })
  downDelayTime!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the circuit was enabled.' })
  enabledTime!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the circuit expires.' })
  endTime!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Expected bandwidth of a shared circuit once paid, e.g. `50M` or `1G`.',
  })
  expectSpec!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether pending (not yet effective) order data exists.' })
  hasReservationData!: boolean | null;

  @Field(() => LineOperatorEnum, { nullable: true, description: 'Carrier providing the line.' })
  lineOperator!: LineOperator | null;

  @Field(() => LoaStatusEnum, { nullable: true, description: 'State of the Letter of Authorization.' })
  loaStatus!: LoaStatus | null;

  @Field(() => [MacsecKey], { description: 'MACsec keys on the circuit (without their secret CAK).' })
  macsecKeys!: MacsecKey[];

  @Field(() => String, { nullable: true, description: 'Model of the optical module.' })
  opticalModuleModel!: string | null;

  @Field(() => OrderModeEnum, { nullable: true, description: 'Who pays for a shared circuit.' })
  orderMode!: OrderMode | null;

  @Field(() => String, {
    nullable: true,
    description: 'Account id owning the parent circuit of a shared circuit (64-bit, hence a string).',
  })
  parentPhysicalConnectionAliUid!: string | null;

  @Field(() => ID, { nullable: true, description: 'Parent circuit of a shared circuit (`pc-...`).' })
  parentPhysicalConnectionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Location of the customer data center.' })
  peerLocation!: string | null;

  @Field(() => String, { nullable: true, description: 'Port on the access device, e.g. `1/1/1`.' })
  portNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Port type, e.g. `10GBase-LR`.' })
  portType!: string | null;

  @Field(() => ProductTypeEnum, { nullable: true, description: 'Dedicated or shared circuit.' })
  productType!: ProductType | null;

  @Field(() => String, { nullable: true, description: 'QoS policy id.' })
  qosId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Standby circuit (`pc-...`).' })
  redundantPhysicalConnectionId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the pending order takes effect.' })
  reservationActiveTime!: Date | null;

  @Field(() => String, { nullable: true, description: 'Billing method of the pending order, e.g. `PayByBandwidth`.' })
  reservationInternetChargeType!: string | null;

  @Field(() => String, { nullable: true, description: 'Type of the pending order, e.g. `RENEW`.' })
  reservationOrderType!: string | null;

  @Field(() => String, { nullable: true, description: 'Resource group id (`rg-...`).' })
  resourceGroupId!: string | null;

  @Field(() => PhysicalConnectionSpecEnum, {
    nullable: true,
    description: 'Port specification class; null when absent or a value the gateway does not know.',
  })
  spec!: PhysicalConnectionSpec | null;

  @Field(() => [Tag], { description: 'Tags.' })
  tags!: Tag[];

  @Field(() => String, { nullable: true, description: 'What the circuit connects to; only `VPC` exists.' })
  type!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of shared circuits established on this circuit.' })
  virtualPhysicalConnectionCount!: number | null;

  @Field(() => String, { nullable: true, description: 'VLAN id of a shared circuit (a string upstream).' })
  vlanId!: string | null;

  @Field(() => VpconnStatusEnum, { nullable: true, description: 'State of a shared circuit.' })
  vpconnStatus!: VpconnStatus | null;
}
