/**
 * `VpcDataSourceApi` for one GraphQL request: its DataLoaders, its cancellation signal, and the
 * fresh (uncached) reads the terminate mutation decides on.
 *
 * Methods are async so that a validation failure is a rejected promise (`BadInputError`) like
 * every other failure, and nothing is sent for it.
 */
import type { UpstreamError } from './errors';
import { RequestLoaders, loaderKey, walkAllPages } from './reads/loaders';
import { REGION_LANGUAGES, type Page, type PhysicalConnection, type Region, type Vbr, type VbrAttachment, type WriteResult } from './models';
import type { PageRequest, PhysicalConnectionFilter, RegionsOptions, VbrFilter, VpcDataSourceApi, WriteOptions } from './types';
import * as v from './operations/validation';
import type { VpcApi } from './operations/vpc-api';
import { ACCEPT_LANGUAGE_WIRE } from './operations/wire-enums';
import type { ListResult } from './operations/requests';

function page<T>(list: ListResult<T>): Page<T> {
  return { items: list.items, totalCount: list.totalCount, pageNumber: list.pageNumber, pageSize: list.pageSize, requestId: list.requestId };
}

export class VpcDataSource implements VpcDataSourceApi {
  private readonly loaders: RequestLoaders;
  /** Per language ('' for the upstream default): one DescribeRegions per request and language. */
  private readonly regionsPromises = new Map<string, Promise<Region[]>>();

  constructor(
    private readonly api: VpcApi,
    private readonly signal?: AbortSignal,
  ) {
    this.loaders = new RequestLoaders(api, signal);
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
    return this.loaders.physicalConnection.load(loaderKey(v.regionId(regionId), v.physicalConnectionId(id)));
  }

  async vbrsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<Vbr[]> {
    return this.loaders.vbrsOfPhysicalConnection.load(loaderKey(v.regionId(regionId), v.physicalConnectionId(physicalConnectionId)));
  }

  async vbr(regionId: string, id: string): Promise<Vbr | null> {
    return this.loaders.vbr.load(loaderKey(v.regionId(regionId), v.vbrId(id)));
  }

  // --- list reads ---

  async physicalConnections(regionId: string, filter: PhysicalConnectionFilter, pageRequest: PageRequest): Promise<Page<PhysicalConnection>> {
    const region = v.regionId(regionId);
    const list = await this.api.describePhysicalConnections({ regionId: region, filter, ...pageArgs(pageRequest) }, this.options);
    this.loaders.primePhysicalConnections(region, list.items, list.rejected);
    return page(list);
  }

  async vbrs(regionId: string, filter: VbrFilter, pageRequest: PageRequest): Promise<Page<Vbr>> {
    const region = v.regionId(regionId);
    const list = await this.api.describeVirtualBorderRouters(
      { regionId: region, filter, includeCrossAccountVbr: true, ...pageArgs(pageRequest) },
      this.options,
    );
    this.loaders.primeVbrs(region, list.items, list.rejected);
    return page(list);
  }

  async regions(options: RegionsOptions = {}): Promise<Region[]> {
    const language = options.language === undefined ? undefined : v.oneOf(options.language, 'language', REGION_LANGUAGES);
    const key = language ?? '';
    let regions = this.regionsPromises.get(key);
    if (regions === undefined) {
      regions = this.api.describeRegions(language === undefined ? {} : { acceptLanguage: ACCEPT_LANGUAGE_WIRE[language] }, this.options);
      this.regionsPromises.set(key, regions);
    }
    return regions;
  }

  // --- fresh reads: no cache is read or written, nothing is shared with other requests ---

  async freshPhysicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null> {
    const region = v.regionId(regionId);
    const pcId = v.physicalConnectionId(id);
    const list = await this.api.describePhysicalConnections(
      { regionId: region, filter: { ids: [pcId] }, pageNumber: 1, pageSize: v.MAX_PAGE_SIZE },
      this.freshOptions,
    );
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
    const { items, rejected } = await walkAllPages(
      (pageNumber, pageSize) =>
        this.api.describeVirtualBorderRoutersForPhysicalConnection(
          { regionId: region, physicalConnectionId: pcId, pageNumber, pageSize },
          this.freshOptions,
        ),
      (a) => a.vbrId,
      this.api.walkSubject('DescribeVirtualBorderRoutersForPhysicalConnection'),
    );
    const first: UpstreamError | undefined = rejected[0]?.error;
    if (first) throw first;
    return items;
  }

  // --- writes ---

  async terminatePhysicalConnection(regionId: string, id: string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.api.terminatePhysicalConnection(
      {
        regionId: v.regionId(regionId),
        physicalConnectionId: v.physicalConnectionId(id),
        ...(options.clientToken !== undefined ? { clientToken: v.clientToken(options.clientToken) } : {}),
      },
      this.options,
    );
  }
}

function pageArgs(pageRequest: PageRequest): { pageNumber: number; pageSize: number } {
  if (typeof pageRequest !== 'object' || pageRequest === null) return v.page(undefined, undefined);
  return v.page(pageRequest.pageNumber, pageRequest.pageSize);
}
