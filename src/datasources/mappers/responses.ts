/**
 * Response envelopes: the three paged list shapes and the ids returned by the create calls.
 */
import type { PhysicalConnection, Vbr, VbrAttachment } from '../models';
import { mapPhysicalConnection } from './physical-connection';
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

/** CreatePhysicalConnection -> the new circuit id (null when absent). */
export const createdPhysicalConnectionId = (body: Raw): string | null => str(body.PhysicalConnectionId);

/** CreateVirtualBorderRouter -> the new VBR id (null when absent). */
export const createdVbrId = (body: Raw): string | null => str(body.VbrId);
