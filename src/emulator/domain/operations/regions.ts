/**
 * DescribeRegions: `Regions.Region[]` of `{RegionId, LocalName, RegionEndpoint}`. No RegionId
 * parameter; `AcceptLanguage` picks the LocalName language (zh-CN by default).
 */
import { commonErrors } from '../../api-error';
import { localName, regionEndpoint, type AcceptLanguage } from '../regions';
import { accepted, type OperationDefinition } from './context';

const LANGUAGES: readonly AcceptLanguage[] = ['zh-CN', 'en-US'];

export const regionOperations: Record<string, OperationDefinition> = {
  DescribeRegions: {
    run(ctx) {
      const language =
        ctx.params.oneOf('AcceptLanguage', LANGUAGES, () => commonErrors.invalidParameter('AcceptLanguage')) ?? 'zh-CN';
      const productType = ctx.params.optional('ProductType');
      if (productType !== undefined && !/^[A-Za-z]{1,32}$/.test(productType)) {
        throw commonErrors.invalidParameter('ProductType');
      }
      const regions = [...ctx.store.regions.values()].map((region) => ({
        RegionId: region.RegionId,
        LocalName: localName(region, language),
        RegionEndpoint: region.RegionEndpoint ?? regionEndpoint(region.RegionId),
      }));
      return accepted(ctx, { Regions: { Region: regions } });
    },
  },
};
