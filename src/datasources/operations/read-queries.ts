/**
 * The five reads as validated queries: `*Query(req)` is the validation boundary of a read request
 * (the typed API and the per-request data source call it); the by-id builders take values already
 * validated there (the loaders, the fresh reads). read-operations.ts runs queries as they are.
 */
import { BadInputError } from '../errors';
import { BUSINESS_STATUSES, VPCONN_STATUSES, type Tag } from '../models';
import type { VirtualPhysicalConnectionFilter } from '../types';
import {
  circuitIdsCondition,
  physicalConnectionConditions,
  validTags,
  vbrCircuitIdsCondition,
  vbrConditions,
  vbrIdsCondition,
  vbrOfCircuitConditions,
} from './filters';
import type { FilterCondition } from './params';
import type {
  DescribePhysicalConnectionsRequest,
  DescribeRegionsRequest,
  DescribeVbrsForPhysicalConnectionRequest,
  DescribeVirtualBorderRoutersRequest,
  ListVirtualPhysicalConnectionsRequest,
} from './requests';
import * as v from './validation';
import { ACCEPT_LANGUAGE_WIRE, BUSINESS_STATUS_WIRE, VPCONN_STATUS_WIRE } from './wire-enums';

export interface PageQuery {
  pageNumber: number;
  pageSize: number;
}

interface ListQuery extends PageQuery {
  regionId: v.RegionId;
  conditions: readonly FilterCondition[];
}

export interface CircuitListQuery extends ListQuery {
  tags?: readonly Tag[];
  resourceGroupId?: string;
  includeReservationData: boolean;
}

export interface VbrListQuery extends ListQuery {
  tags?: readonly Tag[];
  resourceGroupId?: string;
  includeCrossAccountVbr: boolean;
}

export interface AttachmentListQuery extends ListQuery {
  physicalConnectionId: string;
}

/** ListVirtualPhysicalConnections, repeat lists and enum values already in their wire form. */
export interface VpconnListQuery {
  regionId: v.RegionId;
  physicalConnectionId?: string;
  ids?: string[];
  statuses?: string[];
  ownerAccountIds?: string[];
  vlanIds?: string[];
  isConfirmed?: boolean;
  businessStatus?: string;
  tags?: readonly Tag[];
  resourceGroupId?: string;
  maxResults: number;
  nextToken?: string;
}

export interface RegionsQuery {
  acceptLanguage?: 'zh-CN' | 'en-US';
}

/**
 * Without it the upstream leaves out `HasReservationData` and the `Reservation*` fields (its
 * default is false), and the schema's reservation fields would always be empty.
 */
const INCLUDE_RESERVATION_DATA = true;
/** The circuit owner sees other accounts' VBRs on its circuits too. */
const INCLUDE_CROSS_ACCOUNT_VBRS = true;

type PageRule = (req: { pageNumber?: unknown; pageSize?: unknown }) => PageQuery;

/** The typed API's paging: page 1 and the largest page unless asked otherwise. */
export const optionalPage: PageRule = (req) => v.page(req.pageNumber ?? 1, req.pageSize ?? v.MAX_PAGE_SIZE);

/** The per-request data source's paging: both numbers required. */
export const requiredPage: PageRule = (req) => v.page(req.pageNumber, req.pageSize);

export function circuitListQuery(req: DescribePhysicalConnectionsRequest, pageRule = optionalPage): CircuitListQuery {
  const regionId = v.regionId(v.request(req).regionId);
  return {
    regionId,
    ...pageRule(req),
    conditions: physicalConnectionConditions(req.filter),
    tags: validTags(req.tags),
    resourceGroupId: v.optional(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')),
    includeReservationData: v.boolean(req.includeReservationData ?? INCLUDE_RESERVATION_DATA, 'includeReservationData'),
  };
}

export function vbrListQuery(req: DescribeVirtualBorderRoutersRequest, pageRule = optionalPage): VbrListQuery {
  const regionId = v.regionId(v.request(req).regionId);
  return {
    regionId,
    ...pageRule(req),
    conditions: vbrConditions(req.filter),
    includeCrossAccountVbr: v.boolean(req.includeCrossAccountVbr ?? INCLUDE_CROSS_ACCOUNT_VBRS, 'includeCrossAccountVbr'),
    tags: validTags(req.tags),
    resourceGroupId: v.optional(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')),
  };
}

export function attachmentListQuery(req: DescribeVbrsForPhysicalConnectionRequest): AttachmentListQuery {
  const regionId = v.regionId(v.request(req).regionId);
  const physicalConnectionId = v.physicalConnectionId(req.physicalConnectionId);
  return { regionId, physicalConnectionId, ...optionalPage(req), conditions: vbrOfCircuitConditions(req.filter) };
}

/** The upstream's largest page of ListVirtualPhysicalConnections (1..100, its default 20). */
export const MAX_VPCONN_PAGE = 100;

export function vpconnListQuery(req: ListVirtualPhysicalConnectionsRequest): VpconnListQuery {
  const regionId = v.regionId(v.request(req).regionId);
  const filter = vpconnFilter(req.filter);
  return {
    regionId,
    ...filter,
    ...defined({
      physicalConnectionId: v.optional(req.physicalConnectionId, (x) => v.physicalConnectionId(x)),
      tags: validTags(req.tags),
      resourceGroupId: v.optional(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')),
      nextToken: v.optional(req.nextToken, (x) => v.text(x, 'nextToken', 512)),
    }),
    maxResults: v.integer(req.maxResults ?? MAX_VPCONN_PAGE, 'maxResults', 1, MAX_VPCONN_PAGE),
  };
}

/** `filter` as wire values; keys other than the filter's own are refused (a typo must not widen a list). */
function vpconnFilter(filter: VirtualPhysicalConnectionFilter | undefined): Partial<VpconnListQuery> {
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object') throw new BadInputError('filter', 'filter must be an object');
  const known = ['ids', 'statuses', 'ownerAccountIds', 'vlanIds', 'isConfirmed', 'businessStatus'];
  const unknown = Object.keys(filter).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new BadInputError('filter', `filter key ${JSON.stringify(unknown.slice(0, 40))} is not supported here`);
  const list = <T>(value: unknown, field: string, each: (x: unknown, f: string) => T) => v.optional(value, (x) => v.list(x, `filter.${field}`, each));
  return defined({
    ids: list(filter.ids, 'ids', (x, f) => v.physicalConnectionId(x, f)),
    statuses: list(filter.statuses, 'statuses', (x, f) => VPCONN_STATUS_WIRE[v.oneOf(x, f, VPCONN_STATUSES)]),
    ownerAccountIds: list(filter.ownerAccountIds, 'ownerAccountIds', (x, f) => v.accountId(x, f)),
    vlanIds: list(filter.vlanIds, 'vlanIds', (x, f) => String(v.integer(x, f, 0, 2999))),
    isConfirmed: v.optional(filter.isConfirmed, (x) => v.boolean(x, 'filter.isConfirmed')),
    businessStatus: v.optional(filter.businessStatus, (x) => BUSINESS_STATUS_WIRE[v.oneOf(x, 'filter.businessStatus', BUSINESS_STATUSES)]),
  });
}

/** The entries that are set (the query's optional fields stay absent rather than undefined). */
function defined<T extends object>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function regionsQuery(req: DescribeRegionsRequest): RegionsQuery {
  const acceptLanguage = v.optional(v.request(req).acceptLanguage, (x) => v.oneOf(x, 'acceptLanguage', Object.values(ACCEPT_LANGUAGE_WIRE)));
  return acceptLanguage === undefined ? {} : { acceptLanguage };
}

// --- from values validated at the boundary ---

export function circuitsByIds(regionId: v.RegionId, ids: readonly string[], page: PageQuery): CircuitListQuery {
  return { regionId, ...page, conditions: [circuitIdsCondition(ids)], includeReservationData: INCLUDE_RESERVATION_DATA };
}

export function vbrsByIds(regionId: v.RegionId, ids: readonly string[], page: PageQuery): VbrListQuery {
  return { regionId, ...page, conditions: [vbrIdsCondition(ids)], includeCrossAccountVbr: INCLUDE_CROSS_ACCOUNT_VBRS };
}

/** The caller's own VBRs among `ids`: another account's VBR on the caller's circuit is left out. */
export function ownVbrsByIds(regionId: v.RegionId, ids: readonly string[], page: PageQuery): VbrListQuery {
  return { regionId, ...page, conditions: [vbrIdsCondition(ids)], includeCrossAccountVbr: false };
}

export function vbrsOfCircuits(regionId: v.RegionId, circuitIds: readonly string[], page: PageQuery): VbrListQuery {
  return { regionId, ...page, conditions: [vbrCircuitIdsCondition(circuitIds)], includeCrossAccountVbr: INCLUDE_CROSS_ACCOUNT_VBRS };
}

export function attachmentsOf(regionId: v.RegionId, physicalConnectionId: string, page: PageQuery): AttachmentListQuery {
  return { regionId, physicalConnectionId, ...page, conditions: [] };
}

/** One page of the vpconns hosted on a circuit; `nextToken` as the previous page returned it. */
export function vpconnsOfCircuit(regionId: v.RegionId, physicalConnectionId: string, nextToken: string | undefined): VpconnListQuery {
  return { regionId, physicalConnectionId, maxResults: MAX_VPCONN_PAGE, ...(nextToken !== undefined ? { nextToken } : {}) };
}
