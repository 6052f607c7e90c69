/**
 * `VpcDataSourceApi` for one GraphQL request: its DataLoaders, its cancellation signal, and the
 * fresh (uncached, unshared) reads a destructive call decides on.
 *
 * Invariants: a public entry point; every method validates its arguments once, first, and below
 * it nothing checks again. Methods are async, so a `BadInputError` is a rejected promise like any
 * other failure, and nothing is sent for it.
 */
import type { Page, PhysicalConnection, Region, Vbr, VbrAttachment, VirtualPhysicalConnection, WriteResult } from './models';
import { REGION_LANGUAGES } from './models';
import type { ReadOperations } from './operations/read-operations';
import { attachmentsOf, circuitListQuery, circuitsByIds, requiredPage, vbrListQuery, vbrsByIds } from './operations/read-queries';
import type {
  CreatePhysicalConnectionResult,
  CreateVirtualBorderRouterResult,
  ListResult,
  PhysicalConnectionWrite,
} from './operations/requests';
import * as v from './operations/validation';
import type { VpcApi } from './operations/vpc-api';
import { ACCEPT_LANGUAGE_WIRE } from './operations/wire-enums';
import { walkAllPages } from './reads/page-walk';
import { RequestLoaders, vpconnsHostedOn } from './reads/request-loaders';
import type {
  NewPhysicalConnection,
  PageRequest,
  PhysicalConnectionChanges,
  PhysicalConnectionFilter,
  RegionsOptions,
  VbrChanges,
  VbrCreateSpec,
  VbrFilter,
  VpcDataSourceApi,
  WriteOptions,
} from './types';

function page<T>(list: ListResult<T>): Page<T> {
  return { items: list.items, totalCount: list.totalCount, pageNumber: list.pageNumber, pageSize: list.pageSize, requestId: list.requestId };
}

/** The numbers of a page request that may not be an object at all (a JavaScript caller). */
function pageFields(pageRequest: unknown): Partial<PageRequest> {
  if (typeof pageRequest !== 'object' || pageRequest === null) return {};
  const { pageNumber, pageSize } = pageRequest as Partial<PageRequest>;
  return { pageNumber, pageSize };
}

const FIRST_PAGE = { pageNumber: 1, pageSize: v.MAX_PAGE_SIZE };

export class VpcDataSource implements VpcDataSourceApi {
  private readonly loaders: RequestLoaders;
  /** Per language ('' for the upstream default): one DescribeRegions per request and language. */
  private readonly regionsPromises = new Map<string, Promise<Region[]>>();

  constructor(
    private readonly reads: ReadOperations,
    private readonly api: VpcApi,
    private readonly signal?: AbortSignal,
  ) {
    this.loaders = new RequestLoaders(reads, signal);
  }

  private get options(): { signal?: AbortSignal } {
    return this.signal ? { signal: this.signal } : {};
  }

  /** Straight to the upstream: no request cache, no read shared with other requests. */
  private get freshOptions(): { signal?: AbortSignal; fresh: true } {
    return { ...this.options, fresh: true };
  }

  // --- batched, per-request cached reads ---

  async physicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null> {
    return this.loaders.physicalConnection.load({ regionId: v.regionId(regionId), id: v.physicalConnectionId(id) });
  }

  async vbrsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<Vbr[]> {
    return this.loaders.vbrsOfPhysicalConnection.load({ regionId: v.regionId(regionId), id: v.physicalConnectionId(physicalConnectionId) });
  }

  async vbr(regionId: string, id: string): Promise<Vbr | null> {
    return this.loaders.vbr.load({ regionId: v.regionId(regionId), id: v.vbrId(id) });
  }

  async ownVbr(regionId: string, id: string): Promise<Vbr | null> {
    return this.loaders.ownVbr.load({ regionId: v.regionId(regionId), id: v.vbrId(id) });
  }

  // --- list reads ---

  async physicalConnections(regionId: string, filter: PhysicalConnectionFilter, pageRequest: PageRequest): Promise<Page<PhysicalConnection>> {
    const query = circuitListQuery({ regionId, filter, ...pageFields(pageRequest) }, requiredPage);
    const list = await this.reads.physicalConnections(query, this.options);
    this.loaders.primePhysicalConnections(query.regionId, list.items, list.rejected);
    return page(list);
  }

  async vbrs(regionId: string, filter: VbrFilter, pageRequest: PageRequest): Promise<Page<Vbr>> {
    const query = vbrListQuery({ regionId, filter, ...pageFields(pageRequest) }, requiredPage);
    const list = await this.reads.vbrs(query, this.options);
    this.loaders.primeVbrs(query.regionId, list.items, list.rejected);
    return page(list);
  }

  async regions(options: RegionsOptions = {}): Promise<Region[]> {
    const language = options.language === undefined ? undefined : v.oneOf(options.language, 'language', REGION_LANGUAGES);
    const key = language ?? '';
    let regions = this.regionsPromises.get(key);
    if (regions === undefined) {
      regions = this.reads.regions(language === undefined ? {} : { acceptLanguage: ACCEPT_LANGUAGE_WIRE[language] }, this.options);
      this.regionsPromises.set(key, regions);
    }
    return regions;
  }

  // --- fresh reads: no cache is read or written, nothing is shared with other requests ---

  async freshPhysicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null> {
    const region = v.regionId(regionId);
    const pcId = v.physicalConnectionId(id);
    const list = await this.reads.physicalConnections(circuitsByIds(region, [pcId], FIRST_PAGE), this.freshOptions);
    const broken = list.rejected.find((r) => r.id === pcId || r.id === null);
    if (broken) throw broken.error;
    return list.items.find((pc) => pc.id === pcId) ?? null;
  }

  /**
   * Every VBR on the circuit, other accounts' included. An item that cannot be mapped fails the
   * whole read: this list decides whether a destructive call is allowed, so it must be complete.
   */
  async freshVbrAttachments(regionId: string, physicalConnectionId: string): Promise<VbrAttachment[]> {
    const region = v.regionId(regionId);
    const pcId = v.physicalConnectionId(physicalConnectionId);
    const action = 'DescribeVirtualBorderRoutersForPhysicalConnection';
    const { items, rejected } = await walkAllPages(
      (pageNumber, pageSize) => this.reads.vbrAttachments(attachmentsOf(region, pcId, { pageNumber, pageSize }), this.freshOptions),
      (a) => a.vbrId,
      { action, report: (e) => this.reads.reportUnexpected(e) },
    );
    const first = rejected[0]?.error;
    if (first) throw first;
    return items;
  }

  async freshVbr(regionId: string, id: string): Promise<Vbr | null> {
    const region = v.regionId(regionId);
    const vbrId = v.vbrId(id);
    const list = await this.reads.vbrs(vbrsByIds(region, [vbrId], FIRST_PAGE), this.freshOptions);
    const broken = list.rejected.find((r) => r.id === vbrId || r.id === null);
    if (broken) throw broken.error;
    return list.items.find((vbr) => vbr.id === vbrId) ?? null;
  }

  // --- shared-port virtual connections ---

  async vpconnsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]> {
    return this.loaders.vpconnsOfPhysicalConnection.load({ regionId: v.regionId(regionId), id: v.physicalConnectionId(physicalConnectionId) });
  }

  /** Complete or failed (a rejected item fails it): the list decides whether a write may go. */
  async freshVpconns(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]> {
    return vpconnsHostedOn(this.reads, v.regionId(regionId), v.physicalConnectionId(physicalConnectionId), this.freshOptions);
  }

  // --- writes: the typed API validates them ---

  async terminatePhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.terminatePhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async createPhysicalConnection(regionId: string, attributes: NewPhysicalConnection, options: WriteOptions = {}): Promise<CreatePhysicalConnectionResult> {
    return this.api.createPhysicalConnection({ ...v.request(attributes), ...token(options), regionId }, this.options);
  }

  async confirmPhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.confirmPhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async enablePhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.enablePhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async cancelPhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.cancelPhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async recoverPhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.recoverPhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async deletePhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.deletePhysicalConnection(circuitWrite(regionId, id, options), this.options);
  }

  async modifyPhysicalConnection(
    regionId: string,
    id: string,
    changes: PhysicalConnectionChanges,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    return this.api.modifyPhysicalConnectionAttribute({ ...v.request(changes), ...circuitWrite(regionId, id, options) }, this.options);
  }

  async createVbr(regionId: string, spec: VbrCreateSpec, options: WriteOptions = {}): Promise<CreateVirtualBorderRouterResult> {
    return this.api.createVirtualBorderRouter({ ...v.request(spec), regionId, ...token(options) }, this.options);
  }

  async modifyVbr(regionId: string, id: string, changes: VbrChanges, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.modifyVirtualBorderRouterAttribute({ ...v.request(changes), regionId, vbrId: id, ...token(options) }, this.options);
  }

  async terminateVbr(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.terminateVirtualBorderRouter({ regionId, vbrId: id, ...token(options) }, this.options);
  }

  async recoverVbr(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.recoverVirtualBorderRouter({ regionId, vbrId: id, ...token(options) }, this.options);
  }

  async deleteVbr(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.deleteVirtualBorderRouter({ regionId, vbrId: id, ...token(options) }, this.options);
  }

  async disassociateMacsecKey(regionId: string, physicalConnectionId: string, ckn: string): Promise<WriteResult> {
    return this.api.disassociateMacSecKey({ regionId, physicalConnectionId, ckn }, this.options);
  }
}

/** The caller's token as a request field; absent, the writer generates one. */
function token(options: WriteOptions): { clientToken?: string } {
  return options.clientToken !== undefined ? { clientToken: options.clientToken } : {};
}

function circuitWrite(regionId: string, id: string, options: WriteOptions): PhysicalConnectionWrite {
  return { regionId, physicalConnectionId: id, ...token(options) };
}
