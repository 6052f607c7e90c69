/**
 * Circuit reads and relations. Relations use the batched loaders, never fresh reads, so a console
 * list of N circuits costs O(pages) upstream calls, not O(N).
 */
import type { PhysicalConnection as PhysicalConnectionModel, Vbr as VbrModel } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import { PhysicalConnectionFilter } from '../schema/inputs';
import { mapErrors } from '../schema/map-error';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from '../schema/type-graphql';
import { PhysicalConnectionAvailableAction } from '../schema/types/available-action';
import { PhysicalConnectionConnection } from '../schema/types/connections';
import { PhysicalConnection } from '../schema/types/physical-connection';
import { TerminationCheck } from '../schema/types/termination';
import { Vbr } from '../schema/types/vbr';
import { circuitAvailableActions, type PhysicalConnectionAvailableActionModel } from '../services/circuits/available-actions';
import { terminateService } from '../services/circuits/terminate.service';
import { preview } from '../services/lifecycle';
import { pageWindow, paginate } from './pagination';
import { normalizeFilter, resolveRegionId, validatePhysicalConnectionId } from './validation';

const REGION_DESCRIPTION = 'Region to query; defaults to the gateway default region (VPC_DEFAULT_REGION).';

@Resolver(() => PhysicalConnection)
export class PhysicalConnectionResolver {
  @Query(() => PhysicalConnection, { nullable: true, description: 'One circuit by id; null when it does not exist.' })
  async physicalConnection(
    @Arg('id', () => ID, { description: 'Circuit id (`pc-...`).' }) id: string,
    @Arg('regionId', () => String, { nullable: true, description: REGION_DESCRIPTION }) regionId: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<PhysicalConnectionModel | null> {
    const pcId = validatePhysicalConnectionId(id, 'id');
    const region = resolveRegionId(regionId, context);
    return mapErrors({ regionId: region }, () => context.dataSource.physicalConnection(region, pcId));
  }

  @Query(() => PhysicalConnectionConnection, { description: 'Circuits of a region, a page at a time.' })
  async physicalConnections(
    @Arg('regionId', () => String, { nullable: true, description: REGION_DESCRIPTION }) regionId: string | null,
    @Arg('filter', () => PhysicalConnectionFilter, { nullable: true, description: 'Restrict the list.' })
    filter: PhysicalConnectionFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 50 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' })
    after: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<PhysicalConnectionConnection> {
    const region = resolveRegionId(regionId, context);
    const upstreamFilter = normalizeFilter(filter, 'filter', { ids: validatePhysicalConnectionId });
    const window = pageWindow(first, after);
    return mapErrors({ regionId: region }, () =>
      paginate(window, (page) => context.dataSource.physicalConnections(region, upstreamFilter, page)),
    );
  }

  @FieldResolver(() => [Vbr], {
    nullable: true,
    description:
      'Every VBR on this circuit (all pages). Null only when they could not be loaded; the `errors` entry with this path says why.',
  })
  async vbrs(@Root() pc: PhysicalConnectionModel, @Ctx() context: GatewayContext): Promise<VbrModel[]> {
    return mapErrors({ regionId: pc.regionId, physicalConnectionId: pc.id }, () =>
      context.dataSource.vbrsOfPhysicalConnection(pc.regionId, pc.id),
    );
  }

  @FieldResolver(() => [PhysicalConnectionAvailableAction], {
    nullable: true,
    description:
      'Every lifecycle action (CONFIRM, ENABLE, CANCEL, TERMINATE, RECOVER, DELETE, UPDATE) with whether its mutation would pass the gateway preconditions now and, if not, why: the same rules as the mutations, from this request\'s batched data (the mutation re-checks with fresh reads; the upstream has the last word). UPDATE is an attribute change: a spec change (portType, bandwidth, redundantPhysicalConnectionId) is allowed only in INITIAL, ENABLED or REJECTED. Not visible in any read: a CONFIRMED circuit being enabled refuses ENABLE, CANCEL and DELETE (a retryable OPERATION_CONFLICT) until it is ENABLED. Null only when the VBRs could not be loaded (see `errors`).',
  })
  async availableActions(@Root() pc: PhysicalConnectionModel, @Ctx() context: GatewayContext): Promise<PhysicalConnectionAvailableActionModel[]> {
    return circuitAvailableActions(context, pc);
  }

  @FieldResolver(() => TerminationCheck, {
    nullable: true,
    description:
      'Would `terminatePhysicalConnection` pass its preconditions? A preview from this request (batched) data; null only when the VBRs could not be loaded (see `errors`).',
  })
  async terminationCheck(
    @Root() pc: PhysicalConnectionModel,
    @Ctx() context: GatewayContext,
  ): Promise<TerminationCheck> {
    const { allowed, blockers } = await preview(terminateService, context, pc);
    return { terminable: allowed, blockers };
  }
}
