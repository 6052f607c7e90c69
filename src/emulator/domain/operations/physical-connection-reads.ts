/**
 * DescribePhysicalConnections: the caller's circuits in one region, filtered (`Filter.N`,
 * `Tags.N`, `ResourceGroupId`) and paged.
 */
import { commonErrors } from '../../api-error';
import { filterValuesOf, parseFilters, parseResourceGroupFilter, parseTagFilter, type FilterSpec } from '../filters';
import { paginate, parsePage } from '../paging';
import { renderPhysicalConnection } from '../render/physical-connection';
import { isValidClientToken } from '../rules';
import type { CircuitRecord } from '../seed';
import { accepted, requireRegion, type OperationDefinition } from './context';

const CIRCUIT_FILTERS: FilterSpec<CircuitRecord> = {
  PhysicalConnectionId: { get: (c) => c.PhysicalConnectionId, matching: 'exact' },
  AccessPointId: { get: (c) => c.AccessPointId, matching: 'exact' },
  Type: { get: (c) => c.Type, matching: 'loose' },
  LineOperator: { get: (c) => c.LineOperator, matching: 'loose' },
  Spec: { get: (c) => c.Spec, matching: 'loose' },
  Status: { get: (c) => c.Status, matching: 'loose' },
  Name: { get: (c) => c.Name, matching: 'exact' },
  ProductType: { get: (c) => c.ProductType, matching: 'loose' },
};

export const physicalConnectionReads: Record<string, OperationDefinition> = {
  DescribePhysicalConnections: {
    run(ctx) {
      const regionId = requireRegion(ctx);
      const { params } = ctx;
      // Accepted (the model has it) but a read changes nothing, so there is nothing to dedupe.
      const token = params.optional('ClientToken');
      if (token !== undefined && !isValidClientToken(token)) throw commonErrors.invalidParameter('ClientToken');
      const includeReservationData = params.boolean('IncludeReservationData') ?? false;
      const page = parsePage(params);
      const matchesFilters = parseFilters(params, CIRCUIT_FILTERS);
      const matchesTags = parseTagFilter(params, (c: CircuitRecord) => c.Tags);
      const matchesGroup = parseResourceGroupFilter(params, (c: CircuitRecord) => c.ResourceGroupId);
      // Asked by id (the gateway's by-id loads and terminate checks): look them up, do not scan.
      const ids = filterValuesOf(params, 'PhysicalConnectionId');
      const candidates = ids === undefined ? [...ctx.store.circuits.values()] : ctx.store.circuitsWithIds(ids);
      const circuits = candidates.filter(
        (c) =>
          c.RegionId === regionId && c.OwnerId === ctx.accountId && matchesFilters(c) && matchesTags(c) && matchesGroup(c),
      );
      const { slice, echo } = paginate(circuits, page);
      const options = { includeReservationData, vpconnCounts: ctx.store.vpconnCounts() };
      return accepted(ctx, {
        PhysicalConnectionSet: {
          PhysicalConnectionType: slice.map((c) => renderPhysicalConnection(ctx.store, c, options)),
        },
        ...echo,
      });
    },
  },
};
