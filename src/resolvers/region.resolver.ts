import type { Region as RegionModel } from '../datasources/models';
import { mapErrors } from '../schema/map-error';
import { Ctx, Query, Resolver } from '../schema/type-graphql';
import { Region } from '../schema/types/common';
import type { GatewayContext } from './context';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions where the VPC API is available; any `regionId` argument takes one of these.' })
  async regions(@Ctx() context: GatewayContext): Promise<RegionModel[]> {
    return mapErrors({}, () => context.dataSource.regions());
  }
}
