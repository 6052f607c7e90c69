/**
 * One table per resource: every seed/record field with its type and where it appears.
 * The seed validator checks records against it and the renderers copy fields by it, so a field
 * is declared once (adding one to the seed types without a row here fails to compile).
 */
import {
  ID_PATTERNS,
  isValidCircuitCode,
  isValidDescription,
  isValidIpv4,
  isValidIpv6,
  isValidIpv6Cidr,
  isValidName,
  isValidPeeringMask,
  VLAN_MAX,
  VLAN_MIN,
} from './rules';
import {
  ATTACH_STATUSES,
  BUSINESS_STATUSES,
  LINE_OPERATORS,
  PHYSICAL_CONNECTION_STATUSES,
  PORT_TYPES,
  PRODUCT_TYPES,
  VBR_STATUSES,
  VPCONN_SPECS,
  VPCONN_STATUSES,
  type SeedPhysicalConnection,
  type SeedVirtualBorderRouter,
} from './seed/types';

export type FieldKind =
  | { type: 'string'; pattern?: RegExp; oneOf?: readonly string[]; check?: (value: string) => boolean; rule?: string }
  | { type: 'number'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'time' }
  | { type: 'account' }
  | { type: 'tags' }
  | { type: 'macsecKeys' }
  | { type: 'cens' }
  /** `TransitionAfterMs`: milliseconds or `"never"`. */
  | { type: 'delay' };

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  /** Part of the Describe item (default true); RegionId/OwnerId are emulator bookkeeping. */
  listed?: boolean;
}

export interface VbrFieldSpec extends FieldSpec {
  /** Also part of a DescribeVirtualBorderRoutersForPhysicalConnection row. */
  forCircuit?: boolean;
}

const text: FieldKind = { type: 'string' };
const oneOf = (values: readonly string[]): FieldKind => ({ type: 'string', oneOf: values });
const time: FieldKind = { type: 'time' };
const name: FieldKind = { type: 'string', check: isValidName, rule: 'a name of 2..128 characters starting with a letter' };
const description: FieldKind = {
  type: 'string',
  check: isValidDescription,
  rule: 'a description of 2..256 characters starting with a letter',
};
const circuitCode: FieldKind = { type: 'string', check: isValidCircuitCode, rule: 'letters, digits, _ . - (1..64)' };
const ipv4: FieldKind = { type: 'string', check: isValidIpv4, rule: 'an IPv4 address' };
const ipv6: FieldKind = { type: 'string', check: isValidIpv6, rule: 'an IPv6 address' };
const ipv6Cidr: FieldKind = { type: 'string', check: isValidIpv6Cidr, rule: 'an IPv6 prefix such as 2408:4004:cc:400::/56' };
const peeringMask: FieldKind = { type: 'string', check: isValidPeeringMask, rule: 'a dotted mask from /24 to /30' };
const integer = (min: number, max: number): FieldKind => ({ type: 'number', min, max });

/** `1G and below`, `10G`, `40G`, `100G`: the values DescribePhysicalConnections filters on. */
export const SPECS = ['1G and below', '10G', '40G', '100G'] as const;

export const CIRCUIT_FIELDS: Record<keyof SeedPhysicalConnection, FieldSpec> = {
  RegionId: { kind: { type: 'string', pattern: ID_PATTERNS.region }, required: true, listed: false },
  OwnerId: { kind: { type: 'account' }, listed: false },
  PhysicalConnectionId: { kind: { type: 'string', pattern: ID_PATTERNS.physicalConnection }, required: true },
  Status: { kind: oneOf(PHYSICAL_CONNECTION_STATUSES), required: true },
  BusinessStatus: { kind: oneOf(BUSINESS_STATUSES) },
  ProductType: { kind: oneOf(PRODUCT_TYPES) },
  Name: { kind: name },
  Description: { kind: description },
  AccessPointId: { kind: { type: 'string', pattern: ID_PATTERNS.accessPoint }, required: true },
  AccessPointType: { kind: text },
  AdDetailLocation: { kind: text },
  AdLocation: { kind: text },
  Bandwidth: { kind: integer(0, 1_000_000) },
  ChargeType: { kind: text },
  CircuitCode: { kind: circuitCode },
  CreationTime: { kind: time },
  DeviceFeaturesSelected: { kind: text },
  DownDelayTime: { kind: integer(0, 10_000) },
  EnabledTime: { kind: time },
  EndTime: { kind: time },
  ExpectSpec: { kind: text },
  LineOperator: { kind: oneOf(LINE_OPERATORS), required: true },
  LoaStatus: { kind: text },
  MacsecKeys: { kind: { type: 'macsecKeys' } },
  OpticalModuleModel: { kind: text },
  OrderMode: { kind: text },
  ParentPhysicalConnectionId: { kind: { type: 'string', pattern: ID_PATTERNS.physicalConnection } },
  PeerLocation: { kind: text },
  PortNumber: { kind: text },
  PortType: { kind: oneOf(PORT_TYPES) },
  QosId: { kind: text },
  RedundantPhysicalConnectionId: { kind: { type: 'string', pattern: ID_PATTERNS.physicalConnection } },
  ReservationActiveTime: { kind: time },
  ReservationInternetChargeType: { kind: text },
  ReservationOrderType: { kind: text },
  ResourceGroupId: { kind: { type: 'string', pattern: ID_PATTERNS.resourceGroup } },
  Spec: { kind: oneOf([...new Set<string>([...SPECS, ...VPCONN_SPECS])]) },
  Tags: { kind: { type: 'tags' } },
  Type: { kind: oneOf(['VPC']) },
  VlanId: { kind: { type: 'string', pattern: /^\d{1,4}$/ } },
  VpconnStatus: { kind: oneOf(VPCONN_STATUSES) },
  TransitionAfterMs: { kind: { type: 'delay' }, listed: false },
};

/** Shown only when DescribePhysicalConnections is called with IncludeReservationData=true. */
export const RESERVATION_FIELDS: ReadonlySet<string> = new Set([
  'ReservationActiveTime',
  'ReservationInternetChargeType',
  'ReservationOrderType',
]);

export const VBR_FIELDS: Record<keyof SeedVirtualBorderRouter, VbrFieldSpec> = {
  RegionId: { kind: { type: 'string', pattern: ID_PATTERNS.region }, required: true, listed: false },
  OwnerId: { kind: { type: 'account' }, listed: false },
  VbrId: { kind: { type: 'string', pattern: ID_PATTERNS.vbr }, required: true, forCircuit: true },
  PhysicalConnectionId: { kind: { type: 'string', pattern: ID_PATTERNS.physicalConnection }, required: true },
  Status: { kind: oneOf(VBR_STATUSES), required: true, forCircuit: true },
  VlanId: { kind: integer(VLAN_MIN, VLAN_MAX), required: true, forCircuit: true },
  Name: { kind: name },
  Description: { kind: description },
  ActivationTime: { kind: time, forCircuit: true },
  AssociatedCens: { kind: { type: 'cens' } },
  Bandwidth: { kind: integer(0, 1_000_000), forCircuit: true },
  BandwidthStatus: { kind: oneOf(['Active', 'Inactive']), listed: false, forCircuit: true },
  CircuitCode: { kind: circuitCode, forCircuit: true },
  CloudBoxInstanceId: { kind: text },
  CreationTime: { kind: time, forCircuit: true },
  DetectMultiplier: { kind: integer(3, 10) },
  EccId: { kind: text, forCircuit: true },
  EcrAttatchStatus: { kind: oneOf(ATTACH_STATUSES) },
  EcrId: { kind: text },
  EcrOwnerId: { kind: { type: 'string', pattern: ID_PATTERNS.account } },
  EnableIpv6: { kind: { type: 'boolean' }, forCircuit: true },
  LocalGatewayIp: { kind: ipv4, forCircuit: true },
  LocalIpv6GatewayIp: { kind: ipv6, forCircuit: true },
  MinRxInterval: { kind: integer(200, 1000) },
  MinTxInterval: { kind: integer(200, 1000) },
  Mtu: { kind: integer(1500, 8500) },
  PConnVbrBussinessStatus: { kind: oneOf(['Normal', 'FinancialLocked']), listed: false, forCircuit: true },
  PConnVbrChargeType: { kind: oneOf(['PrePaid', 'PostPaid']), forCircuit: true },
  PConnVbrExpireTime: { kind: time, forCircuit: true },
  PeerGatewayIp: { kind: ipv4, forCircuit: true },
  PeerIpv6GatewayIp: { kind: ipv6, forCircuit: true },
  PeeringIpv6SubnetMask: { kind: ipv6Cidr, forCircuit: true },
  PeeringSubnetMask: { kind: peeringMask, forCircuit: true },
  RecoveryTime: { kind: time, forCircuit: true },
  ResourceGroupId: { kind: { type: 'string', pattern: ID_PATTERNS.resourceGroup } },
  RouteTableId: { kind: text },
  SitelinkEnable: { kind: { type: 'boolean' } },
  Tags: { kind: { type: 'tags' } },
  TerminationTime: { kind: time, forCircuit: true },
  Type: { kind: text, forCircuit: true },
  VlanInterfaceId: { kind: text },
  TransitionAfterMs: { kind: { type: 'delay' }, listed: false },
};
