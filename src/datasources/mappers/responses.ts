/**
 * Response envelopes: the three paged list shapes, the token-paged vpconn list and the ids returned
 * by the create calls.
 */
import type { PhysicalConnection, Vbr, VbrAttachment, VirtualPhysicalConnection } from '../models';
import { mapPhysicalConnection } from './physical-connection';
import { mapVirtualPhysicalConnection } from './virtual-physical-connection';
import { mapVbr } from './vbr';
import { mapVbrAttachment } from './vbr-attachment';
import { int, items, record, str, type MapContext, type Mapped, type Raw } from './values';

export interface MappedPage<T> {
  items: Mapped<T>[];
  /** `TotalCount`; when the body has none, the items on this page (see `totalCountReported`). */
  totalCount: number;
  /** False when the body had no readable `TotalCount`: a page walk cannot trust `totalCount`. */
  totalCountReported: boolean;
  pageNumber: number;
  pageSize: number;
  requestId: string;
}

function page<T>(
  body: Raw,
  setKey: string,
  itemKey: string,
  mapItem: (raw: Raw, ctx: MapContext) => Mapped<T>,
  ctx: MapContext,
  requested: { pageNumber: number; pageSize: number },
): MappedPage<T> {
  const rawItems = items(record(body[setKey]), itemKey);
  const totalCount = int(body.TotalCount);
  return {
    items: rawItems.map((raw) => mapItem(raw, ctx)),
    totalCount: totalCount ?? rawItems.length,
    totalCountReported: totalCount !== null,
    pageNumber: int(body.PageNumber) ?? requested.pageNumber,
    pageSize: int(body.PageSize) ?? requested.pageSize,
    requestId: ctx.requestId,
  };
}

export type Requested = { pageNumber: number; pageSize: number };

export const mapPhysicalConnectionPage = (body: Raw, ctx: MapContext, requested: Requested): MappedPage<PhysicalConnection> =>
  page(body, 'PhysicalConnectionSet', 'PhysicalConnectionType', mapPhysicalConnection, ctx, requested);

export const mapVbrPage = (body: Raw, ctx: MapContext, requested: Requested): MappedPage<Vbr> =>
  page(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType', mapVbr, ctx, requested);

export const mapVbrAttachmentPage = (body: Raw, ctx: MapContext, requested: Requested): MappedPage<VbrAttachment> =>
  page(
    body,
    'VirtualBorderRouterForPhysicalConnectionSet',
    'VirtualBorderRouterForPhysicalConnectionType',
    mapVbrAttachment,
    ctx,
    requested,
  );

/** A page of a list paged by token: `NextToken` (empty or absent on the last page), no page numbers. */
export interface MappedTokenPage<T> {
  items: Mapped<T>[];
  nextToken: string | null;
  totalCount: number | null;
  requestId: string;
}

/** ListVirtualPhysicalConnections: the items are a plain array, not a `Set.Type` pair. */
export const mapVirtualPhysicalConnectionPage = (body: Raw, ctx: MapContext): MappedTokenPage<VirtualPhysicalConnection> => ({
  items: items(body, 'VirtualPhysicalConnections').map((raw) => mapVirtualPhysicalConnection(raw, ctx)),
  nextToken: str(body.NextToken),
  totalCount: int(body.TotalCount),
  requestId: ctx.requestId,
});

/** CreatePhysicalConnection -> the new circuit id (null when absent). */
export const createdPhysicalConnectionId = (body: Raw): string | null => str(body.PhysicalConnectionId);

/** CreateVirtualBorderRouter -> the new VBR id (null when absent). */
export const createdVbrId = (body: Raw): string | null => str(body.VbrId);

/** CreateVirtualPhysicalConnection -> the new vpconn's id (null when absent). */
export const createdVirtualPhysicalConnectionId = (body: Raw): string | null => str(body.VirtualPhysicalConnection);
