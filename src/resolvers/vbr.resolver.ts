/** VBR reads and the VBR -> circuit relation (batched through the circuit loader). */
import type { PhysicalConnection as PhysicalConnectionModel, Vbr as VbrModel } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import { VbrFilter } from '../schema/inputs';
import { mapErrors } from '../schema/map-error';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from '../schema/type-graphql';
import { VbrAvailableAction } from '../schema/types/available-action';
import { VbrConnection } from '../schema/types/connections';
import { PhysicalConnection } from '../schema/types/physical-connection';
import { Vbr } from '../schema/types/vbr';
import { vbrAvailableActions } from '../services/vbrs/available-actions';
import { pageWindow, paginate } from './pagination';
import { normalizeFilter, resolveRegionId, validatePhysicalConnectionId, validateVbrId } from './validation';

const REGION_DESCRIPTION = 'Region to query; defaults to the gateway default region (VPC_DEFAULT_REGION).';

@Resolver(() => Vbr)
export class VbrResolver {
  @Query(() => Vbr, { nullable: true, description: 'One VBR by id; null when it does not exist.' })
  async vbr(
    @Arg('id', () => ID, { description: 'VBR id (`vbr-...`).' }) id: string,
    @Arg('regionId', () => String, { nullable: true, description: REGION_DESCRIPTION }) regionId: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<VbrModel | null> {
    const vbrId = validateVbrId(id, 'id');
    const region = resolveRegionId(regionId, context);
    return mapErrors({ regionId: region }, () => context.dataSource.vbr(region, vbrId));
  }

  @Query(() => VbrConnection, { description: 'VBRs of a region, a page at a time.' })
  async vbrs(
    @Arg('regionId', () => String, { nullable: true, description: REGION_DESCRIPTION }) regionId: string | null,
    @Arg('filter', () => VbrFilter, { nullable: true, description: 'Restrict the list.' }) filter: VbrFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 50 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' })
    after: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<VbrConnection> {
    const region = resolveRegionId(regionId, context);
    const upstreamFilter = normalizeFilter(filter, 'filter', {
      ids: validateVbrId,
      physicalConnectionIds: validatePhysicalConnectionId,
    });
    const window = pageWindow(first, after);
    return mapErrors({ regionId: region }, () =>
      paginate(window, (page) => context.dataSource.vbrs(region, upstreamFilter, page)),
    );
  }

  @FieldResolver(() => PhysicalConnection, {
    nullable: true,
    description: 'The circuit this VBR is on; null when it is not visible to this account.',
  })
  async physicalConnection(
    @Root() vbr: VbrModel,
    @Ctx() context: GatewayContext,
  ): Promise<PhysicalConnectionModel | null> {
    const pcId = vbr.physicalConnectionId;
    if (pcId === null) return null;
    return mapErrors({ regionId: vbr.regionId }, () => context.dataSource.physicalConnection(vbr.regionId, pcId));
  }

  @FieldResolver(() => [VbrAvailableAction], {
    nullable: true,
    description:
      'Each lifecycle action (TERMINATE, RECOVER, DELETE, UPDATE) and whether it may run now, with the reasons it may not: the mutations\' own rules applied to this request\'s batched data, so a list of VBRs costs O(pages) upstream calls. Ownership is what this account can see: a circuit DescribePhysicalConnections lists is this account\'s, and on it a VBR that DescribeVirtualBorderRouters lists only with IncludeCrossAccountVbr is another account\'s. A preview: the mutation checks again with fresh reads, and router interfaces or BGP groups on a VBR show only when the upstream refuses its deletion. Null only when the data could not be loaded (see `errors`).',
  })
  async availableActions(@Root() vbr: VbrModel, @Ctx() context: GatewayContext): Promise<VbrAvailableAction[]> {
    return mapErrors({ regionId: vbr.regionId, vbrId: vbr.id }, () => vbrAvailableActions(context, vbr));
  }
}
