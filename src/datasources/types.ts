/**
 * What resolvers may ask of the data source: `VpcDataSourceApi`, one instance per GraphQL request
 * (its DataLoaders and cancellation signal) over process-wide pools, credentials and signer.
 *
 * Invariant: every method validates its arguments first and rejects with `BadInputError`, nothing
 * sent; upstream failures are `UpstreamError` (errors.ts).
 */
import type {
  BusinessStatus,
  LineOperator,
  Page,
  PhysicalConnection,
  PhysicalConnectionSpec,
  PhysicalConnectionStatus,
  ProductType,
  Region,
  RegionLanguage,
  Vbr,
  VbrAttachment,
  VbrStatus,
  VirtualPhysicalConnection,
  VpconnStatus,
  WriteResult,
} from './models';
import type {
  CreateVirtualBorderRouterRequest,
  CreateVirtualBorderRouterResult,
  ModifyVirtualBorderRouterAttributeRequest,
  CreatePhysicalConnectionRequest,
  CreatePhysicalConnectionResult,
  ModifyPhysicalConnectionAttributeRequest,
} from './operations/requests';

/** Upstream filter keys of DescribePhysicalConnections; AND across keys, OR within one. */
export interface PhysicalConnectionFilter {
  ids?: string[];
  statuses?: PhysicalConnectionStatus[];
  names?: string[];
  accessPointIds?: string[];
  lineOperators?: LineOperator[];
  /** Sent as the upstream's `1G and below`, `10G`, `40G`, `100G`. */
  specs?: PhysicalConnectionSpec[];
  productTypes?: ProductType[];
  /** Only `VPC` exists. */
  types?: string[];
}

/** ListVirtualPhysicalConnections' filters (repeat lists, not `Filter.N`); AND across keys, OR within one. */
export interface VirtualPhysicalConnectionFilter {
  ids?: string[];
  statuses?: VpconnStatus[];
  /** Tenants' account ids (digits). */
  ownerAccountIds?: string[];
  vlanIds?: number[];
  /** Only vpconns the tenant accepted (true) or not yet (false). */
  isConfirmed?: boolean;
  businessStatus?: BusinessStatus;
}

/** Upstream filter keys of DescribeVirtualBorderRouters; AND across keys, OR within one. */
export interface VbrFilter {
  ids?: string[];
  physicalConnectionIds?: string[];
  statuses?: VbrStatus[];
  names?: string[];
  accessPointIds?: string[];
  eccIds?: string[];
  types?: string[];
}

export interface PageRequest {
  /** 1-based. */
  pageNumber: number;
  /** 1..50 (the upstream maximum). */
  pageSize: number;
}

export interface RegionsOptions {
  /** Language of `localName`; the upstream default (Chinese) when absent. */
  language?: RegionLanguage;
}

export interface WriteOptions {
  /** Sent as the upstream ClientToken; generated (and reused on every retry) when absent. */
  clientToken?: string;
}

/** The attributes of a new circuit: CreatePhysicalConnection's parameters but the region and token. */
export type NewPhysicalConnection = Omit<CreatePhysicalConnectionRequest, 'regionId' | 'clientToken'>;

/** ModifyPhysicalConnectionAttribute's changes; an absent attribute is left as it is. */
export type PhysicalConnectionChanges = Omit<ModifyPhysicalConnectionAttributeRequest, 'regionId' | 'clientToken' | 'physicalConnectionId'>;

/** Reads of the per-request data source (never change anything upstream). */
export interface VpcDataSourceReads {
  // --- batched, per-request cached reads (DataLoader) ---
  physicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null>;
  /** All VBRs on a circuit, every page. */
  vbrsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<Vbr[]>;
  vbr(regionId: string, id: string): Promise<Vbr | null>;

  // --- list reads (results prime the per-request loaders) ---
  physicalConnections(
    regionId: string,
    filter: PhysicalConnectionFilter,
    page: PageRequest,
  ): Promise<Page<PhysicalConnection>>;
  vbrs(regionId: string, filter: VbrFilter, page: PageRequest): Promise<Page<Vbr>>;
  regions(options?: RegionsOptions): Promise<Region[]>;

  // --- fresh reads: bypass every cache; for decisions before a destructive call ---
  freshPhysicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null>;
  /** DescribeVirtualBorderRoutersForPhysicalConnection, every page (other accounts' VBRs too). */
  freshVbrAttachments(regionId: string, physicalConnectionId: string): Promise<VbrAttachment[]>;
  /** DescribeVirtualBorderRouters by id (other accounts' VBRs on this account's circuits too). */
  freshVbr(regionId: string, id: string): Promise<Vbr | null>;
  /**
   * Batched: the VBR when this account owns it (listed without `IncludeCrossAccountVbr`), else
   * null: on this account's circuit, null means another account's VBR.
   */
  ownVbr(regionId: string, id: string): Promise<Vbr | null>;

  // --- shared-port virtual connections hosted on a circuit (ListVirtualPhysicalConnections, every page) ---
  /** Per-request cached: one walk per circuit and request. */
  vpconnsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]>;
  /** Uncached and unshared, complete or failed: for decisions before a write. */
  freshVpconns(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]>;
}

/** CreateVirtualBorderRouter's parameters besides the region and the token. */
export type VbrCreateSpec = Omit<CreateVirtualBorderRouterRequest, 'regionId' | 'clientToken'>;
/** ModifyVirtualBorderRouterAttribute's parameters besides the region, the VBR and the token. */
export type VbrChanges = Omit<ModifyVirtualBorderRouterAttributeRequest, 'regionId' | 'vbrId' | 'clientToken'>;

/**
 * Writes: each one is audited (src/server/graphql/audit-record.ts wraps every method of this
 * interface) and survives its caller once handed to the upstream.
 */
export interface VpcDataSourceWrites {
  terminatePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  /** The new VBR's id is in the result. */
  createVbr(regionId: string, spec: VbrCreateSpec, options?: WriteOptions): Promise<CreateVirtualBorderRouterResult>;
  modifyVbr(regionId: string, id: string, changes: VbrChanges, options?: WriteOptions): Promise<WriteResult>;
  terminateVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  recoverVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  deleteVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  /** DisassociateMacSecKey: takes no token upstream, so it is never resent once it may have acted (`clientToken` null). */
  disassociateMacsecKey(regionId: string, physicalConnectionId: string, ckn: string): Promise<WriteResult>;
  /** The result carries the new circuit's id. */
  createPhysicalConnection(regionId: string, attributes: NewPhysicalConnection, options?: WriteOptions): Promise<CreatePhysicalConnectionResult>;
  confirmPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  enablePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  cancelPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  /** The token is sent as the upstream's `Token` (this operation's name for it). */
  recoverPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  deletePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
  modifyPhysicalConnection(regionId: string, id: string, changes: PhysicalConnectionChanges, options?: WriteOptions): Promise<WriteResult>;
}

export interface VpcDataSourceApi extends VpcDataSourceReads, VpcDataSourceWrites {}
