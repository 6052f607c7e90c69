/**
 * What resolvers may ask of the data source: `VpcDataSourceApi`, one instance per GraphQL request
 * (its DataLoaders and cancellation signal) over process-wide pools, credentials and signer.
 *
 * Invariant: every method validates its arguments first and rejects with `BadInputError`, nothing
 * sent; upstream failures are `UpstreamError` (errors.ts).
 */
import type {
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
  WriteResult,
} from './models';
import type {
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
}

/**
 * Writes: each one is audited (src/server/graphql/audit-record.ts wraps every method of this
 * interface) and survives its caller once handed to the upstream.
 */
export interface VpcDataSourceWrites {
  terminatePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult>;
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
