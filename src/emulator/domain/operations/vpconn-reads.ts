/**
 * ListVirtualPhysicalConnections: the partner's view, the vpconns hosted on the caller's circuits
 * in one region ([I]: the tenant sees its own in DescribePhysicalConnections), filtered and paged
 * by `NextToken` / `MaxResults` (1..100, default 20).
 *
 * Invariants: items come in creation order, so consecutive pages neither overlap nor skip while
 * nothing is created or deleted in between; the token is opaque to the caller.
 */
import { portErrors } from '../errors';
import { loose, parseResourceGroupFilter, parseTagFilter } from '../filters';
import type { Params } from '../params';
import { renderVirtualPhysicalConnection } from '../render/virtual-physical-connection';
import type { CircuitRecord } from '../seed';
import { accepted, requireRegion, type OperationDefinition } from './context';

const DEFAULT_MAX_RESULTS = 20;
const MAX_MAX_RESULTS = 100;
const MAX_LIST_VALUES = 100;
const MAX_OFFSET = 1_000_000_000;

/** The token carries where the next page starts; anything not minted here is refused. */
function nextTokenFor(offset: number): string {
  return Buffer.from(`vpconn:${offset}`).toString('base64url');
}

function readOffset(params: Params): number {
  const token = params.optional('NextToken');
  if (token === undefined) return 0;
  const match = /^[A-Za-z0-9_-]{1,40}$/.test(token) ? /^vpconn:(\d{1,10})$/.exec(Buffer.from(token, 'base64url').toString('utf8')) : null;
  const offset = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!(offset >= 0 && offset <= MAX_OFFSET)) throw portErrors.illegalParam('NextToken');
  return offset;
}

/** A repeat-list filter (`Name.N`): absent matches everything; values compared by `normalize`. */
function listFilter(params: Params, name: string, normalize: (value: string) => string = (v) => v) {
  const values = new Set(params.list(name, MAX_LIST_VALUES).map(normalize));
  return (actual: string | undefined): boolean => values.size === 0 || (actual !== undefined && values.has(normalize(actual)));
}

export const vpconnReads: Record<string, OperationDefinition> = {
  ListVirtualPhysicalConnections: {
    run(ctx) {
      const regionId = requireRegion(ctx);
      const { params, store } = ctx;
      const maxResults =
        params.integer('MaxResults', 1, MAX_MAX_RESULTS, () => portErrors.illegalParam('MaxResults')) ?? DEFAULT_MAX_RESULTS;
      const offset = readOffset(params);
      const hostId = params.optional('PhysicalConnectionId');
      const byId = listFilter(params, 'VirtualPhysicalConnectionIds');
      const byStatus = listFilter(params, 'VirtualPhysicalConnectionStatuses', loose);
      const byTenant = listFilter(params, 'VirtualPhysicalConnectionAliUids');
      const byVlan = listFilter(params, 'VlanIds', (v) => String(Number(v)));
      const confirmed = params.boolean('IsConfirmed');
      const businessStatus = params.optional('VirtualPhysicalConnectionBusinessStatus');
      const byTags = parseTagFilter(params, (c: CircuitRecord) => c.Tags);
      const byGroup = parseResourceGroupFilter(params, (c: CircuitRecord) => c.ResourceGroupId);

      const matches = (c: CircuitRecord): boolean =>
        c.RegionId === regionId &&
        c.ParentPhysicalConnectionId !== undefined &&
        store.circuits.get(c.ParentPhysicalConnectionId)?.OwnerId === ctx.accountId &&
        (hostId === undefined || c.ParentPhysicalConnectionId === hostId) &&
        byId(c.PhysicalConnectionId) &&
        byStatus(c.VpconnStatus) &&
        byTenant(c.OwnerId) &&
        byVlan(c.VlanId) &&
        (confirmed === undefined || (c.VpconnStatus === 'Confirmed') === confirmed) &&
        (businessStatus === undefined || loose(businessStatus) === loose(c.BusinessStatus)) &&
        byTags(c) &&
        byGroup(c);
      const all = [...store.circuits.values()].filter(matches);
      const slice = all.slice(offset, offset + maxResults);
      const end = offset + slice.length;
      return accepted(ctx, {
        Count: slice.length,
        TotalCount: all.length,
        // [I] Empty when there is no next page (the model: "If NextToken is empty, no next query exists").
        NextToken: end < all.length ? nextTokenFor(end) : '',
        VirtualPhysicalConnections: slice.map((c) => renderVirtualPhysicalConnection(store, c)),
      });
    },
  },
};
