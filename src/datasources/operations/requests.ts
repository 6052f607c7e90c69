/**
 * Request and result shapes of the 21 typed operations (`VpcApi`), in the gateway's vocabulary:
 * camelCase, gateway enum values, ids as strings.
 */
import type { UpstreamError } from '../errors';
import type {
  LineOperator,
  MacsecCipherSuite,
  OrderMode,
  Page,
  PhysicalConnection,
  Tag,
  Vbr,
  VbrAttachment,
  VirtualPhysicalConnection,
  VpconnSpec,
  WriteResult,
} from '../models';
import type { PhysicalConnectionFilter, VbrFilter, VirtualPhysicalConnectionFilter } from '../types';

export interface CallOptions {
  /**
   * The caller's cancellation. A read: aborts its in-flight attempt and pending backoff. A write:
   * only until its first attempt is handed to the transport; after that the upstream may act on
   * it, so it runs on to its own deadline and retry budget and reports its real outcome.
   */
  signal?: AbortSignal;
  /**
   * Reads only: go to the upstream now, neither joining an identical read in flight nor using
   * (or filling) the read cache. For decisions before a destructive call.
   */
  fresh?: boolean;
}

/** The result of a list call: mapped items, plus the items that could not be mapped. */
export interface ListResult<T> extends Page<T> {
  /** Items dropped because a required field (id, Status) was missing or unknown. */
  rejected: RejectedItem[];
  /** False when the upstream sent no readable `TotalCount` (`totalCount` is then this page's item count). */
  totalCountReported: boolean;
}

export interface RejectedItem {
  id: string | null;
  /** The circuit a rejected VBR belongs to, when known. */
  ownerId: string | null;
  error: UpstreamError;
}

interface Paged {
  /** Default 1. */
  pageNumber?: number;
  /** 1..50; default 50 (the gateway always prefers the largest page). */
  pageSize?: number;
}

export interface DescribePhysicalConnectionsRequest extends Paged {
  regionId: string;
  filter?: PhysicalConnectionFilter;
  tags?: Tag[];
  resourceGroupId?: string;
  /** Default true (the upstream's default is false): pending-order data (`hasReservationData`, `reservation*`). */
  includeReservationData?: boolean;
}

export interface DescribeVirtualBorderRoutersRequest extends Paged {
  regionId: string;
  filter?: VbrFilter;
  /** Default true: the circuit owner sees other accounts' VBRs on its circuits too. */
  includeCrossAccountVbr?: boolean;
  tags?: Tag[];
  resourceGroupId?: string;
}

export interface DescribeVbrsForPhysicalConnectionRequest extends Paged {
  regionId: string;
  physicalConnectionId: string;
  /** `physicalConnectionIds` is not allowed here (the circuit is the request's subject). */
  filter?: Omit<VbrFilter, 'physicalConnectionIds'>;
}

export interface DescribeRegionsRequest {
  /** `zh-CN`, `en-US` or `ja`. */
  acceptLanguage?: 'zh-CN' | 'en-US';
}

export interface WriteRequest {
  regionId: string;
  /** Sent as ClientToken (Token for RecoverPhysicalConnection); generated when absent. */
  clientToken?: string;
}

export interface PhysicalConnectionWrite extends WriteRequest {
  physicalConnectionId: string;
}

export interface VbrWrite extends WriteRequest {
  vbrId: string;
}

export interface CreatePhysicalConnectionRequest extends WriteRequest {
  accessPointId: string;
  lineOperator: LineOperator;
  portType?: string;
  circuitCode?: string;
  name?: string;
  description?: string;
  peerLocation?: string;
  redundantPhysicalConnectionId?: string;
  resourceGroupId?: string;
  /** Only `VPC` exists. */
  type?: string;
  /** Mbit/s (shared circuits); sent as the lower-case `bandwidth` parameter. */
  bandwidth?: number;
  opticalModuleModel?: string;
  deviceAdvancedCapacity?: string[];
  /** Sent as `Tag.N.*` (not `Tags.N.*`, unlike every other operation). */
  tags?: Tag[];
}

export interface EnablePhysicalConnectionRequest extends PhysicalConnectionWrite {
  byPassSp?: boolean;
}

export interface RecoverPhysicalConnectionRequest extends PhysicalConnectionWrite {
  dryRun?: boolean;
}

export interface ModifyPhysicalConnectionAttributeRequest extends PhysicalConnectionWrite {
  name?: string;
  description?: string;
  circuitCode?: string;
  lineOperator?: LineOperator;
  peerLocation?: string;
  portType?: string;
  redundantPhysicalConnectionId?: string;
  /** Mbit/s, 2..10240; sent as the lower-case `bandwidth` parameter. */
  bandwidth?: number;
  /** Milliseconds, 0..10000 in steps of 100. */
  downDelayTime?: number;
}

export interface VbrAddressing {
  localGatewayIp?: string;
  peerGatewayIp?: string;
  peeringSubnetMask?: string;
  localIpv6GatewayIp?: string;
  peerIpv6GatewayIp?: string;
  peeringIpv6SubnetMask?: string;
  enableIpv6?: boolean;
}

export interface CreateVirtualBorderRouterRequest extends WriteRequest, VbrAddressing {
  physicalConnectionId: string;
  /** 0..2999. */
  vlanId: number;
  bandwidth?: number;
  circuitCode?: string;
  name?: string;
  description?: string;
  resourceGroupId?: string;
  tags?: Tag[];
  /** Account id (digits) of the VBR's owner when creating it for another account. */
  vbrOwnerId?: string;
}

/** One entry of ModifyVirtualBorderRouterAttribute's JSON-encoded `AssociatedPhysicalConnections`. */
export interface AssociatedPhysicalConnectionInput extends VbrAddressing {
  physicalConnectionId: string;
  vlanId?: number;
  circuitCode?: string;
}

export interface ModifyVirtualBorderRouterAttributeRequest extends VbrWrite, VbrAddressing {
  associatedPhysicalConnections?: AssociatedPhysicalConnectionInput[];
  bandwidth?: number;
  circuitCode?: string;
  name?: string;
  description?: string;
  detectMultiplier?: number;
  minRxInterval?: number;
  minTxInterval?: number;
  /** 1500 or 8500. */
  mtu?: number;
  sitelinkEnable?: boolean;
  vlanId?: number;
}

export interface CreatePhysicalConnectionResult extends WriteResult {
  physicalConnectionId: string;
}

export interface CreateVirtualBorderRouterResult extends WriteResult {
  vbrId: string;
}

/** AssociateMacSecKey: no idempotency token upstream (the result's `clientToken` is null). */
export interface AssociateMacSecKeyRequest {
  regionId: string;
  physicalConnectionId: string;
  cipherSuite: MacsecCipherSuite;
  /** Key name: 32 hex digits for a 128-bit suite, 64 for a 256-bit one. */
  ckn: string;
  /** The secret: same rule. Never echoed in an error or logged. */
  cak: string;
}

/** DisassociateMacSecKey: no idempotency token upstream (the result's `clientToken` is null). */
export interface DisassociateMacSecKeyRequest {
  regionId: string;
  physicalConnectionId: string;
  /** 32 or 64 hex digits. */
  ckn: string;
}

/** CreateVirtualPhysicalConnection by the owner of the hosting circuit; `clientToken` is sent as `Token`. */
export interface CreateVirtualPhysicalConnectionRequest extends WriteRequest {
  /** The hosting circuit (dedicated, ENABLED). */
  physicalConnectionId: string;
  /** 0..2999, unused on the host. */
  vlanId: number;
  spec: VpconnSpec;
  orderMode: OrderMode;
  /** The tenant's account id (digits). */
  vpconnAliUid: string;
  name?: string;
  description?: string;
  resourceGroupId?: string;
  /** Sent as `Tag.N.*`. */
  tags?: Tag[];
  /** The upstream answers a passing dry run with an error (`DRYRUN.SUCCESS`). */
  dryRun?: boolean;
}

export interface CreateVirtualPhysicalConnectionResult extends WriteResult {
  virtualPhysicalConnectionId: string;
}

export interface ListVirtualPhysicalConnectionsRequest {
  regionId: string;
  /** The hosting circuit. */
  physicalConnectionId?: string;
  filter?: VirtualPhysicalConnectionFilter;
  tags?: Tag[];
  resourceGroupId?: string;
  /** 1..100; default 100 (the gateway prefers the largest page). */
  maxResults?: number;
  /** The previous page's `nextToken`. */
  nextToken?: string;
}

/** One page of a list paged by token (ListVirtualPhysicalConnections). */
export interface TokenPage<T> {
  items: T[];
  rejected: RejectedItem[];
  /** Null on the last page. */
  nextToken: string | null;
  /** Null when the upstream sent no readable `TotalCount`. */
  totalCount: number | null;
  requestId: string;
}

export type { PhysicalConnection, Vbr, VbrAttachment, VirtualPhysicalConnection };
