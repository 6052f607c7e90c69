/**
 * DescribeVirtualBorderRouters (the caller's VBRs; with `IncludeCrossAccountVbr=true` also other
 * accounts' VBRs on the caller's circuits) and DescribeVirtualBorderRoutersForPhysicalConnection
 * (every VBR on one of the caller's circuits, whoever owns it: the terminate precondition).
 */
import { parseFilters, parseResourceGroupFilter, parseTagFilter, type FilterSpec } from '../filters';
import { circuitErrors } from '../errors';
import { paginate, parsePage } from '../paging';
import { renderVbrForPhysicalConnection, renderVirtualBorderRouter } from '../render/virtual-border-router';
import type { VbrRecord } from '../seed';
import type { Store } from '../state/store';
import { accepted, requireRegion, type OperationDefinition } from './context';

/** The keys both VBR listings accept; note the lower-case `eccId` and `type`. */
function vbrFilters(store: Store): FilterSpec<VbrRecord> {
  return {
    PhysicalConnectionId: { get: (v) => v.PhysicalConnectionId, matching: 'exact' },
    VbrId: { get: (v) => v.VbrId, matching: 'exact' },
    Status: { get: (v) => v.Status, matching: 'loose' },
    Name: { get: (v) => v.Name, matching: 'exact' },
    AccessPointId: { get: (v) => store.circuitOf(v).AccessPointId, matching: 'exact' },
    eccId: { get: (v) => v.EccId, matching: 'exact' },
    type: { get: (v) => v.Type, matching: 'loose' },
  };
}

export const vbrReads: Record<string, OperationDefinition> = {
  DescribeVirtualBorderRouters: {
    run(ctx) {
      const regionId = requireRegion(ctx);
      const { params, store } = ctx;
      const includeCrossAccount = params.boolean('IncludeCrossAccountVbr') ?? false;
      const page = parsePage(params);
      const matchesFilters = parseFilters(params, vbrFilters(store));
      const matchesTags = parseTagFilter(params, (v: VbrRecord) => v.Tags);
      const matchesGroup = parseResourceGroupFilter(params, (v: VbrRecord) => v.ResourceGroupId);
      const visible = (vbr: VbrRecord) =>
        vbr.OwnerId === ctx.accountId || (includeCrossAccount && store.circuitOf(vbr).OwnerId === ctx.accountId);
      const vbrs = [...store.vbrs.values()].filter(
        (v) => v.RegionId === regionId && visible(v) && matchesFilters(v) && matchesTags(v) && matchesGroup(v),
      );
      const { slice, echo } = paginate(vbrs, page);
      return accepted(ctx, {
        VirtualBorderRouterSet: {
          VirtualBorderRouterType: slice.map((v) => renderVirtualBorderRouter(v, store.circuitOf(v))),
        },
        ...echo,
      });
    },
  },
  DescribeVirtualBorderRoutersForPhysicalConnection: {
    run(ctx) {
      const regionId = requireRegion(ctx, ['PhysicalConnectionId']);
      const { params, store } = ctx;
      const page = parsePage(params);
      const matchesFilters = parseFilters(params, vbrFilters(store));
      const circuit = store.ownedCircuit(ctx.accountId, regionId, params.required('PhysicalConnectionId'));
      if (!circuit) throw circuitErrors.notOwnedByUser();
      const vbrs = store.vbrsOn(circuit.PhysicalConnectionId).filter(matchesFilters);
      const { slice, echo } = paginate(vbrs, page);
      return accepted(ctx, {
        VirtualBorderRouterForPhysicalConnectionSet: {
          VirtualBorderRouterForPhysicalConnectionType: slice.map((v) => renderVbrForPhysicalConnection(v, circuit)),
        },
        ...echo,
      });
    },
  },
};
