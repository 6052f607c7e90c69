/**
 * The gateway's domain objects: what the data source hands to resolvers, built from upstream JSON
 * only by `mappers/` (docs/datasource.md#mapping).
 *
 * Invariants: field names are the GraphQL object types' (src/schema), so resolvers return these
 * as they are; enumerations use the GraphQL enum value names, and an unknown upstream value of an
 * optional enum is `null`, so one new upstream value cannot fail a whole console list.
 */

export const PHYSICAL_CONNECTION_STATUSES = [
  'INITIAL',
  'APPROVED',
  'ALLOCATING',
  'ALLOCATED',
  'CONFIRMED',
  'ENABLED',
  'REJECTED',
  'CANCELED',
  'ALLOCATION_FAILED',
  'TERMINATING',
  'TERMINATED',
] as const;
export type PhysicalConnectionStatus = (typeof PHYSICAL_CONNECTION_STATUSES)[number];

export const VBR_STATUSES = ['UNCONFIRMED', 'ACTIVE', 'TERMINATING', 'TERMINATED', 'RECOVERING', 'DELETING'] as const;
export type VbrStatus = (typeof VBR_STATUSES)[number];

export const BUSINESS_STATUSES = ['NORMAL', 'FINANCIAL_LOCKED', 'SECURITY_LOCKED'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export const LINE_OPERATORS = ['CT', 'CU', 'CM', 'CO', 'EQUINIX', 'OTHER'] as const;
export type LineOperator = (typeof LINE_OPERATORS)[number];

/** Port specification classes (upstream `Spec`: `1G and below`, `10G`, `40G`, `100G`). */
export const PHYSICAL_CONNECTION_SPECS = ['SPEC_1G_AND_BELOW', 'SPEC_10G', 'SPEC_40G', 'SPEC_100G'] as const;
export type PhysicalConnectionSpec = (typeof PHYSICAL_CONNECTION_SPECS)[number];

export const PRODUCT_TYPES = ['PHYSICAL_CONNECTION', 'VIRTUAL_PHYSICAL_CONNECTION'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const CHARGE_TYPES = ['PREPAID', 'POSTPAID'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

export const LOA_STATUSES = ['APPLYING', 'ACCEPT', 'AVAILABLE', 'REJECTED', 'COMPLETING', 'COMPLETE', 'DELETED'] as const;
export type LoaStatus = (typeof LOA_STATUSES)[number];

export const VPCONN_STATUSES = ['CONFIRMED', 'UNCONFIRMED', 'DELETED'] as const;
export type VpconnStatus = (typeof VPCONN_STATUSES)[number];

export const ORDER_MODES = ['PAY_BY_PHYSICAL_CONNECTION_OWNER', 'PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER'] as const;
export type OrderMode = (typeof ORDER_MODES)[number];

/** CEN / ECR attachment states (`CenStatus`, `EcrAttatchStatus`). */
export const ATTACH_STATUSES = ['ATTACHED', 'ATTACHING', 'DETACHED', 'DETACHING'] as const;
export type AttachStatus = (typeof ATTACH_STATUSES)[number];

export interface Tag {
  key: string;
  value: string;
}

/** AssociateMacSecKey's cipher suites (upstream `GCM-AES-128`, ...). */
export const MACSEC_CIPHER_SUITES = ['GCM_AES_128', 'GCM_AES_XPN_128', 'GCM_AES_256', 'GCM_AES_XPN_256'] as const;
export type MacsecCipherSuite = (typeof MACSEC_CIPHER_SUITES)[number];

/**
 * A shared circuit's bandwidth (CreateVirtualPhysicalConnection `Spec`), in the upstream's own
 * spelling: not a GraphQL enum (a name cannot start with a digit), and sent as it is.
 */
export const VPCONN_SPECS = ['50M', '100M', '200M', '300M', '400M', '500M', '1G', '2G', '5G', '8G', '10G'] as const;
export type VpconnSpec = (typeof VPCONN_SPECS)[number];

/**
 * A MACsec key on a circuit. The upstream also returns the CAK (the connectivity association
 * key, a shared secret); the gateway deliberately drops it.
 */
export interface MacsecKey {
  ckn: string | null;
  cipherSuite: string | null;
  startOn: string | null;
  status: string | null;
}

export interface PhysicalConnection {
  id: string;
  regionId: string;
  status: PhysicalConnectionStatus;
  businessStatus: BusinessStatus | null;
  name: string | null;
  description: string | null;
  accessPointId: string | null;
  accessPointType: string | null;
  adDetailLocation: string | null;
  adLocation: string | null;
  /** Mbit/s. */
  bandwidth: number | null;
  chargeType: ChargeType | null;
  circuitCode: string | null;
  creationTime: Date | null;
  deviceFeaturesSelected: string | null;
  downDelayTime: number | null;
  enabledTime: Date | null;
  endTime: Date | null;
  expectSpec: string | null;
  hasReservationData: boolean | null;
  lineOperator: LineOperator | null;
  loaStatus: LoaStatus | null;
  macsecKeys: MacsecKey[];
  opticalModuleModel: string | null;
  orderMode: OrderMode | null;
  /** A 64-bit account id: a string so no precision is lost. */
  parentPhysicalConnectionAliUid: string | null;
  parentPhysicalConnectionId: string | null;
  peerLocation: string | null;
  portNumber: string | null;
  portType: string | null;
  productType: ProductType | null;
  qosId: string | null;
  redundantPhysicalConnectionId: string | null;
  reservationActiveTime: Date | null;
  reservationInternetChargeType: string | null;
  reservationOrderType: string | null;
  resourceGroupId: string | null;
  spec: PhysicalConnectionSpec | null;
  tags: Tag[];
  type: string | null;
  virtualPhysicalConnectionCount: number | null;
  /** A string upstream on circuits (a number on VBRs). */
  vlanId: string | null;
  vpconnStatus: VpconnStatus | null;
}

/**
 * A shared-port virtual connection (vpconn) on a dedicated circuit, as ListVirtualPhysicalConnections
 * shows it to the owner of that circuit (the partner). The vpconn itself belongs to the tenant.
 */
export interface VirtualPhysicalConnection {
  id: string;
  regionId: string;
  /** The vpconn's circuit status (ALLOCATED until the tenant confirms, then CONFIRMED, ENABLED, ...). */
  status: PhysicalConnectionStatus;
  /** Whether the tenant accepted it (`VirtualPhysicalConnectionStatus`). */
  vpconnStatus: VpconnStatus | null;
  businessStatus: BusinessStatus | null;
  name: string | null;
  description: string | null;
  /** A string upstream; 0..2999. */
  vlanId: number | null;
  /** The bandwidth as ordered, e.g. `50M` or `1G` (`Spec`). */
  spec: string | null;
  /** A pending bandwidth change, same spelling (`ExpectSpec`). */
  expectSpec: string | null;
  /** Mbit/s. */
  bandwidth: number | null;
  orderMode: OrderMode | null;
  /** The tenant's account id (`AliUid`), as digits. */
  ownerAccountId: string | null;
  /** The hosting circuit. */
  parentPhysicalConnectionId: string | null;
  /** The hosting circuit's owner (`ParentPhysicalConnectionAliUid`), as digits. */
  parentPhysicalConnectionAliUid: string | null;
  accessPointId: string | null;
  lineOperator: LineOperator | null;
  portType: string | null;
  chargeType: ChargeType | null;
  creationTime: Date | null;
  enabledTime: Date | null;
  endTime: Date | null;
  resourceGroupId: string | null;
  tags: Tag[];
}

export interface AssociatedCen {
  cenId: string | null;
  cenOwnerId: string | null;
  cenStatus: AttachStatus | null;
}

/** The BGP peering addresses of a VBR on a circuit: the same upstream fields in all three VBR shapes. */
export interface PeeringAddresses {
  enableIpv6: boolean | null;
  localGatewayIp: string | null;
  localIpv6GatewayIp: string | null;
  peerGatewayIp: string | null;
  peerIpv6GatewayIp: string | null;
  peeringSubnetMask: string | null;
  peeringIpv6SubnetMask: string | null;
}

export interface AssociatedPhysicalConnection extends PeeringAddresses {
  physicalConnectionId: string | null;
  physicalConnectionOwnerUid: string | null;
  physicalConnectionStatus: PhysicalConnectionStatus | null;
  physicalConnectionBusinessStatus: BusinessStatus | null;
  status: VbrStatus | null;
  circuitCode: string | null;
  /** A string upstream here, unlike the VBR's own VlanId. */
  vlanId: string | null;
  vlanInterfaceId: string | null;
}

export interface Vbr extends PeeringAddresses {
  id: string;
  regionId: string;
  status: VbrStatus;
  /** Null only for a VBR the upstream reports without a circuit (not expected). */
  physicalConnectionId: string | null;
  name: string | null;
  description: string | null;
  accessPointId: string | null;
  activationTime: Date | null;
  associatedCens: AssociatedCen[];
  associatedPhysicalConnections: AssociatedPhysicalConnection[];
  /** Mbit/s. */
  bandwidth: number | null;
  circuitCode: string | null;
  cloudBoxInstanceId: string | null;
  creationTime: Date | null;
  detectMultiplier: number | null;
  eccId: string | null;
  /** Upstream spells it `EcrAttatchStatus`. */
  ecrAttachStatus: AttachStatus | null;
  ecrId: string | null;
  ecrOwnerId: string | null;
  minRxInterval: number | null;
  minTxInterval: number | null;
  mtu: number | null;
  pconnVbrChargeType: ChargeType | null;
  pconnVbrExpireTime: Date | null;
  physicalConnectionBusinessStatus: BusinessStatus | null;
  physicalConnectionOwnerUid: string | null;
  /** Raw upstream text: the documented example (`Normal`) is not a circuit status. */
  physicalConnectionStatus: string | null;
  recoveryTime: Date | null;
  resourceGroupId: string | null;
  routeTableId: string | null;
  sitelinkEnable: boolean | null;
  tags: Tag[];
  terminationTime: Date | null;
  type: string | null;
  vlanId: number | null;
  vlanInterfaceId: string | null;
}

/**
 * A row of DescribeVirtualBorderRoutersForPhysicalConnection: the circuit owner's view of every
 * VBR on a circuit, other accounts' included. The terminate precondition reads these.
 */
export interface VbrAttachment extends PeeringAddresses {
  vbrId: string;
  status: VbrStatus;
  vbrOwnerUid: string | null;
  vbrName: string | null;
  activationTime: Date | null;
  bandwidth: number | null;
  bandwidthStatus: string | null;
  circuitCode: string | null;
  creationTime: Date | null;
  eccId: string | null;
  pconnVbrBusinessStatus: BusinessStatus | null;
  pconnVbrChargeType: ChargeType | null;
  pconnVbrExpireTime: Date | null;
  recoveryTime: Date | null;
  terminationTime: Date | null;
  type: string | null;
  vlanId: number | null;
}

/** DescribeRegions `AcceptLanguage`: the language of `Region.localName`. */
export const REGION_LANGUAGES = ['ZH_CN', 'EN_US'] as const;
export type RegionLanguage = (typeof REGION_LANGUAGES)[number];

export interface Region {
  regionId: string;
  localName: string | null;
  regionEndpoint: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  pageNumber: number;
  pageSize: number;
  requestId: string;
}

/** The outcome of a write: the upstream RequestId and the ClientToken it was sent with. */
export interface WriteResult {
  requestId: string;
  clientToken: string | null;
}
