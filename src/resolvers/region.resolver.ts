/** `regions`: the regions of the VPC API, in the language asked for. */
import type { Region as RegionModel, RegionLanguage } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import { RegionLanguageEnum } from '../schema/enums';
import { mapErrors } from '../schema/map-error';
import { Arg, Ctx, Query, Resolver } from '../schema/type-graphql';
import { Region } from '../schema/types/common';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions where the VPC API is available; any `regionId` argument takes one of these.' })
  async regions(
    @Arg('language', () => RegionLanguageEnum, {
      nullable: true,
      description: 'Language of `localName`; Chinese (the upstream default) when omitted.',
    })
    language: RegionLanguage | null,
    @Ctx() context: GatewayContext,
  ): Promise<RegionModel[]> {
    return mapErrors({}, () => context.dataSource.regions(language === null ? {} : { language }));
  }
}
