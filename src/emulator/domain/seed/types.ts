/**
 * The seed format (docs/emulator-seed.md#seed-format): the emulator's whole state as plain JSON,
 * upstream field names plus `RegionId` and `OwnerId`, lists as plain arrays, derived fields left out.
 * Invariant: the domain stores these very objects as its records, so a snapshot is a copy, not a mapping.
 */
export { DEFAULT_ACCOUNT_ID } from '../../contract';

export const PHYSICAL_CONNECTION_STATUSES = [
  'Initial',
  'Approved',
  'Allocating',
  'Allocated',
  'Confirmed',
  'Enabled',
  'Rejected',
  'Canceled',
  'Allocation Failed',
  'Terminating',
  'Terminated',
] as const;
export type PhysicalConnectionStatus = (typeof PHYSICAL_CONNECTION_STATUSES)[number];

export const VBR_STATUSES = ['unconfirmed', 'active', 'terminating', 'terminated', 'recovering', 'deleting'] as const;
export type VbrStatus = (typeof VBR_STATUSES)[number];

export const BUSINESS_STATUSES = ['Normal', 'FinancialLocked', 'SecurityLocked'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export const LINE_OPERATORS = ['CT', 'CU', 'CM', 'CO', 'Equinix', 'Other'] as const;
export type LineOperator = (typeof LINE_OPERATORS)[number];

export const PRODUCT_TYPES = ['PhysicalConnection', 'VirtualPhysicalConnection'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PORT_TYPES = [
  '100Base-T',
  '1000Base-T',
  '1000Base-LX',
  '10GBase-T',
  '10GBase-LR',
  '40GBase-LR',
  '100GBase-LR',
] as const;
export type PortType = (typeof PORT_TYPES)[number];

export const VPCONN_STATUSES = ['Confirmed', 'UnConfirmed', 'Deleted'] as const;
export type VpconnStatus = (typeof VPCONN_STATUSES)[number];

export const ATTACH_STATUSES = ['Attached', 'Attaching', 'Detached', 'Detaching'] as const;

/** AssociateMacSecKey's `CipherSuite`; a 128-bit suite takes 32 hex digits of CKN and CAK, a 256-bit one 64. */
export const MACSEC_CIPHER_SUITES = ['GCM-AES-128', 'GCM-AES-XPN-128', 'GCM-AES-256', 'GCM-AES-XPN-256'] as const;
export type MacsecCipherSuite = (typeof MACSEC_CIPHER_SUITES)[number];

/** A MACsec key's `Status` (docs/emulator-seed.md#macsec-keys). */
export const MACSEC_KEY_STATUSES = ['Associated', 'Disassociated', 'AssociatedFailed'] as const;
export type MacsecKeyStatus = (typeof MACSEC_KEY_STATUSES)[number];

/** CreateVirtualPhysicalConnection's `Spec`: a shared circuit's bandwidth. */
export const VPCONN_SPECS = ['50M', '100M', '200M', '300M', '400M', '500M', '1G', '2G', '5G', '8G', '10G'] as const;
export type VpconnSpec = (typeof VPCONN_SPECS)[number];

/** Who pays a shared circuit (`OrderMode`). */
export const ORDER_MODES = ['PayByPhysicalConnectionOwner', 'PayByVirtualPhysicalConnectionOwner'] as const;

/**
 * Seed bookkeeping, not an API field: when a resource seeded in a transient state takes its next
 * step, in milliseconds after the seed is loaded (startup or reset). Absent: the emulator's
 * `transitionMs`, as if an operation had just started it. `"never"`: the status stays as seeded
 * (tests that need a resource frozen mid-transition). Consumed at load: never rendered, and not
 * part of `GET /_emulator/state`.
 */
export type TransitionAfterMs = number | 'never';

/** The largest `TransitionAfterMs` (one year): beyond that, `"never"` says what is meant. */
export const MAX_TRANSITION_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

export interface SeedTag {
  Key: string;
  Value: string;
}

/**
 * A CKN/CAK pair on a dedicated circuit. Both are hex, 32 digits for a 128-bit suite and 64 for a
 * 256-bit one, stored upper-cased as the API does. The CAK is a secret: no response and no
 * snapshot (`GET /_emulator/state`) carries it.
 */
export interface SeedMacsecKey {
  Ckn: string;
  Cak?: string;
  CipherSuite: MacsecCipherSuite;
  /** When the key took effect (circuit time format, `...Z`); orders the keys for auto-association. */
  StartOn?: string;
  Status: MacsecKeyStatus;
}

export interface SeedAssociatedCen {
  CenId: string;
  /** A 64-bit account id, as a digit string (JSON numbers that large lose precision). */
  CenOwnerId?: string;
  CenStatus?: string;
}

export interface SeedRegion {
  RegionId: string;
  /** Returned for every AcceptLanguage; when absent, the built-in catalog's names are used. */
  LocalName?: string;
  /** When absent: the SDK's rule (`vpc.aliyuncs.com` for cn-hangzhou, else `vpc.<region>.aliyuncs.com`). */
  RegionEndpoint?: string;
}

export interface SeedPhysicalConnection {
  RegionId: string;
  /** The owning account (digits). Default: the emulator's default account, 1688000000000001. */
  OwnerId?: string;
  PhysicalConnectionId: string;
  Status: PhysicalConnectionStatus;
  BusinessStatus?: BusinessStatus;
  ProductType?: ProductType;
  Name?: string;
  Description?: string;
  AccessPointId: string;
  AccessPointType?: string;
  AdDetailLocation?: string;
  AdLocation?: string;
  Bandwidth?: number;
  ChargeType?: string;
  CircuitCode?: string;
  /** `2021-08-24T07:30:58Z` (circuit times carry the `Z`). */
  CreationTime?: string;
  DeviceFeaturesSelected?: string;
  DownDelayTime?: number;
  EnabledTime?: string;
  EndTime?: string;
  ExpectSpec?: string;
  LineOperator: LineOperator;
  LoaStatus?: string;
  MacsecKeys?: SeedMacsecKey[];
  OpticalModuleModel?: string;
  OrderMode?: string;
  /** Shared circuits (vpconns) only: the hosting circuit; must be a seeded circuit of the same region. */
  ParentPhysicalConnectionId?: string;
  PeerLocation?: string;
  PortNumber?: string;
  PortType?: PortType;
  QosId?: string;
  RedundantPhysicalConnectionId?: string;
  ReservationActiveTime?: string;
  ReservationInternetChargeType?: string;
  ReservationOrderType?: string;
  ResourceGroupId?: string;
  /**
   * A dedicated circuit's class, `1G and below`, `10G`, `40G`, `100G` (the filter vocabulary); a
   * shared circuit's bandwidth, `50M` ... `10G`, as CreateVirtualPhysicalConnection set it.
   */
  Spec?: string;
  Tags?: SeedTag[];
  Type?: string;
  /** A string upstream on circuits. */
  VlanId?: string;
  VpconnStatus?: VpconnStatus;
  /** Only in a transient status (`Allocating`, `Terminating`); see {@link TransitionAfterMs}. */
  TransitionAfterMs?: TransitionAfterMs;
}

export interface SeedVirtualBorderRouter {
  RegionId: string;
  /** The owning account (digits). Default: the owner of its circuit. */
  OwnerId?: string;
  VbrId: string;
  PhysicalConnectionId: string;
  Status: VbrStatus;
  /** A number on VBRs, 0..2999, unique per circuit among VBRs that are not `terminated`. */
  VlanId: number;
  Name?: string;
  Description?: string;
  /** `2021-06-08T12:20:55` (VBR times carry no `Z`). */
  ActivationTime?: string;
  AssociatedCens?: SeedAssociatedCen[];
  Bandwidth?: number;
  BandwidthStatus?: string;
  CircuitCode?: string;
  CloudBoxInstanceId?: string;
  CreationTime?: string;
  DetectMultiplier?: number;
  EccId?: string;
  EcrAttatchStatus?: string;
  EcrId?: string;
  EcrOwnerId?: string;
  EnableIpv6?: boolean;
  LocalGatewayIp?: string;
  LocalIpv6GatewayIp?: string;
  MinRxInterval?: number;
  MinTxInterval?: number;
  Mtu?: number;
  PConnVbrBussinessStatus?: string;
  PConnVbrChargeType?: string;
  PConnVbrExpireTime?: string;
  PeerGatewayIp?: string;
  PeerIpv6GatewayIp?: string;
  PeeringIpv6SubnetMask?: string;
  PeeringSubnetMask?: string;
  RecoveryTime?: string;
  ResourceGroupId?: string;
  RouteTableId?: string;
  SitelinkEnable?: boolean;
  Tags?: SeedTag[];
  TerminationTime?: string;
  Type?: string;
  VlanInterfaceId?: string;
  /** Only in a transient status (`terminating`, `recovering`, `deleting`); see {@link TransitionAfterMs}. */
  TransitionAfterMs?: TransitionAfterMs;
}

/** A circuit as the domain stores it: a seed entry with its defaults filled in. */
export type CircuitRecord = SeedPhysicalConnection &
  Required<Pick<SeedPhysicalConnection, 'OwnerId' | 'BusinessStatus' | 'ProductType' | 'Type' | 'Tags' | 'MacsecKeys'>>;

export type VbrRecord = SeedVirtualBorderRouter &
  Required<Pick<SeedVirtualBorderRouter, 'OwnerId' | 'Type' | 'Tags' | 'AssociatedCens'>>;

export interface NormalizedSeed {
  Regions: SeedRegion[];
  PhysicalConnections: CircuitRecord[];
  VirtualBorderRouters: VbrRecord[];
}

export interface Seed {
  /** DescribeRegions' list; resources may live only in these. Default: the built-in catalog. */
  Regions?: SeedRegion[];
  PhysicalConnections: SeedPhysicalConnection[];
  VirtualBorderRouters: SeedVirtualBorderRouter[];
}

/** Options of `generateSeed` (benchmarks: many Enabled circuits with VBRs). */
export interface GenerateSeedOptions {
  regionId?: string;
  connections: number;
  /** Inclusive range of VBRs per connection; default [2, 3]. */
  vbrsPerConnection?: [number, number];
  /** How many of the connections get no VBR at all (ready to terminate); default 0. */
  enabledWithoutVbrs?: number;
  /** Owner of everything generated; default the emulator's default account. */
  ownerId?: string;
}
