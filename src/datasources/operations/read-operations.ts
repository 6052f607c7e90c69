/**
 * The four Describe* reads and ListVirtualPhysicalConnections, run from validated queries (read-queries.ts): upstream parameters, one
 * logical call or a share of one (read-coalescer.ts), mapped models.
 *
 * Invariants: trusts its queries (validated at a public entry point; nothing here checks again);
 * what is shared is the mapped result, keyed by the action and every wire parameter; `fresh`
 * reads never share.
 */
import { mapRegions } from '../mappers/region';
import {
  mapPhysicalConnectionPage,
  mapVbrAttachmentPage,
  mapVbrPage,
  mapVirtualPhysicalConnectionPage,
  type MappedPage,
  type MappedTokenPage,
} from '../mappers/responses';
import type { MapContext } from '../mappers/values';
import type { PhysicalConnection, Region, Vbr, VbrAttachment, VirtualPhysicalConnection } from '../models';
import type { UnexpectedValueEvent, VpcBackendHooks } from '../options';
import type { ReadCoalescer } from './read-coalescer';
import type { RegionId } from '../wire/endpoints';
import type { UpstreamClient } from '../wire/upstream-client';
import { Params } from './params';
import type { AttachmentListQuery, CircuitListQuery, RegionsQuery, VbrListQuery, VpconnListQuery } from './read-queries';
import type { CallOptions, ListResult, RejectedItem, TokenPage } from './requests';

export class ReadOperations {
  constructor(
    private readonly client: UpstreamClient,
    private readonly hooks: VpcBackendHooks,
    /** Cross-request sharing; results of different actions share one instance (the key names the action). */
    private readonly sharing: ReadCoalescer<unknown>,
  ) {}

  physicalConnections(q: CircuitListQuery, options: CallOptions = {}): Promise<ListResult<PhysicalConnection>> {
    const params = new Params()
      .set('RegionId', q.regionId)
      .filters(q.conditions)
      .tags('Tags', q.tags)
      .set('ResourceGroupId', q.resourceGroupId)
      .set('IncludeReservationData', q.includeReservationData)
      .set('PageNumber', q.pageNumber)
      .set('PageSize', q.pageSize);
    return this.read('DescribePhysicalConnections', q.regionId, params, options, (body, ctx) => toList(mapPhysicalConnectionPage(body, ctx, q)));
  }

  vbrs(q: VbrListQuery, options: CallOptions = {}): Promise<ListResult<Vbr>> {
    const params = new Params()
      .set('RegionId', q.regionId)
      .filters(q.conditions)
      .set('IncludeCrossAccountVbr', q.includeCrossAccountVbr)
      .tags('Tags', q.tags)
      .set('ResourceGroupId', q.resourceGroupId)
      .set('PageNumber', q.pageNumber)
      .set('PageSize', q.pageSize);
    return this.read('DescribeVirtualBorderRouters', q.regionId, params, options, (body, ctx) => toList(mapVbrPage(body, ctx, q)));
  }

  vbrAttachments(q: AttachmentListQuery, options: CallOptions = {}): Promise<ListResult<VbrAttachment>> {
    const params = new Params()
      .set('RegionId', q.regionId)
      .set('PhysicalConnectionId', q.physicalConnectionId)
      .filters(q.conditions)
      .set('PageNumber', q.pageNumber)
      .set('PageSize', q.pageSize);
    return this.read('DescribeVirtualBorderRoutersForPhysicalConnection', q.regionId, params, options, (body, ctx) =>
      toList(mapVbrAttachmentPage(body, ctx, q)),
    );
  }

  /** Paged by token, its lists as repeat lists (`VlanIds.1`), not `Filter.N`. */
  virtualPhysicalConnections(q: VpconnListQuery, options: CallOptions = {}): Promise<TokenPage<VirtualPhysicalConnection>> {
    const params = new Params()
      .set('RegionId', q.regionId)
      .set('PhysicalConnectionId', q.physicalConnectionId)
      .repeat('VirtualPhysicalConnectionIds', q.ids)
      .repeat('VirtualPhysicalConnectionStatuses', q.statuses)
      .repeat('VirtualPhysicalConnectionAliUids', q.ownerAccountIds)
      .repeat('VlanIds', q.vlanIds)
      .set('IsConfirmed', q.isConfirmed)
      .set('VirtualPhysicalConnectionBusinessStatus', q.businessStatus)
      .tags('Tags', q.tags)
      .set('ResourceGroupId', q.resourceGroupId)
      .set('MaxResults', q.maxResults)
      .set('NextToken', q.nextToken);
    return this.read('ListVirtualPhysicalConnections', q.regionId, params, options, (body, ctx) =>
      toTokenPage(mapVirtualPhysicalConnectionPage(body, ctx)),
    );
  }

  /** Not regional: the SDK sends no RegionId; it goes to the central endpoint (or the override). */
  regions(q: RegionsQuery, options: CallOptions = {}): Promise<Region[]> {
    return this.read('DescribeRegions', null, new Params().set('AcceptLanguage', q.acceptLanguage), options, (body) => mapRegions(body));
  }

  /** Told what a page walk refused or worked around, like the mappers' reports. */
  reportUnexpected(e: UnexpectedValueEvent): void {
    try {
      this.hooks.onUnexpectedValue?.(e);
    } catch {
      // Observers must not break mapping or a walk.
    }
  }

  /** Sent and mapped, or shared with identical concurrent/cached reads unless `fresh`. */
  private read<T>(
    action: string,
    regionId: RegionId | null,
    wire: Params,
    options: CallOptions,
    map: (body: Record<string, unknown>, ctx: MapContext) => T,
  ): Promise<T> {
    const params = wire.build();
    const fetch = async (signal?: AbortSignal): Promise<T> => {
      const { body, requestId } = await this.client.call({
        action,
        regionId,
        params,
        ...(signal ? { signal } : {}),
        ...(options.fresh === true ? { fresh: true } : {}),
      });
      return map(body, { action, regionId: regionId ?? '', requestId, unexpected: (e) => this.reportUnexpected({ action, ...e }) });
    };
    if (options.fresh === true || !this.sharing.enabled) return fetch(options.signal);
    return this.sharing.read({
      key: readKey(action, regionId, params),
      scope: regionId ?? '',
      fetch,
      ...(options.signal ? { signal: options.signal } : {}),
      cancelled: () => this.client.cancelled(action),
      onShared: (source) => {
        try {
          this.hooks.onSharedRead?.({ action, regionId: regionId ?? '', source });
        } catch {
          // Observers must not break reads.
        }
      },
    }) as Promise<T>;
  }
}

/** Equal keys are interchangeable reads: the action, the region and every wire parameter. */
function readKey(action: string, regionId: string | null, params: Readonly<Record<string, string>>): string {
  const entries = Object.keys(params)
    .sort()
    .map((name) => [name, params[name]]);
  return JSON.stringify([action, regionId, entries]);
}

function split<T>(mapped: MappedPage<T>['items']): { items: T[]; rejected: RejectedItem[] } {
  const items: T[] = [];
  const rejected: RejectedItem[] = [];
  for (const m of mapped) {
    if (m.ok) items.push(m.value);
    else rejected.push({ id: m.id, ownerId: m.ownerId, error: m.error });
  }
  return { items, rejected };
}

function toTokenPage<T>(page: MappedTokenPage<T>): TokenPage<T> {
  return { ...split(page.items), nextToken: page.nextToken, totalCount: page.totalCount, requestId: page.requestId };
}

function toList<T>(page: MappedPage<T>): ListResult<T> {
  return {
    ...split(page.items),
    totalCount: page.totalCount,
    totalCountReported: page.totalCountReported,
    pageNumber: page.pageNumber,
    pageSize: page.pageSize,
    requestId: page.requestId,
  };
}
