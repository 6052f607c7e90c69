/**
 * The built-in region catalog and the SDK's endpoint rule (docs/emulator-seed.md#lists).
 */
import type { SeedRegion } from './seed/types';

interface CatalogRegion {
  regionId: string;
  zh: string;
  en: string;
  /** The prefix Alibaba puts in resource ids of this region (`pc-bp1...` in Hangzhou). */
  idPrefix: string;
}

export const REGION_CATALOG: readonly CatalogRegion[] = [
  { regionId: 'cn-hangzhou', zh: '华东1（杭州）', en: 'China (Hangzhou)', idPrefix: 'bp1' },
  { regionId: 'cn-shanghai', zh: '华东2（上海）', en: 'China (Shanghai)', idPrefix: 'uf6' },
  { regionId: 'cn-qingdao', zh: '华北1（青岛）', en: 'China (Qingdao)', idPrefix: 'm5e' },
  { regionId: 'cn-beijing', zh: '华北2（北京）', en: 'China (Beijing)', idPrefix: '2ze' },
  { regionId: 'cn-zhangjiakou', zh: '华北3（张家口）', en: 'China (Zhangjiakou)', idPrefix: '8vb' },
  { regionId: 'cn-shenzhen', zh: '华南1（深圳）', en: 'China (Shenzhen)', idPrefix: 'wz9' },
  { regionId: 'cn-hongkong', zh: '中国香港', en: 'China (Hong Kong)', idPrefix: 'j6c' },
  { regionId: 'ap-southeast-1', zh: '新加坡', en: 'Singapore', idPrefix: 't4n' },
  { regionId: 'us-west-1', zh: '美国（硅谷）', en: 'US (Silicon Valley)', idPrefix: 'rj9' },
  { regionId: 'eu-central-1', zh: '德国（法兰克福）', en: 'Germany (Frankfurt)', idPrefix: 'gw8' },
];

export const DEFAULT_REGION_ID = 'cn-hangzhou';

/**
 * SDK7's `_endpointMap` sends cn-hangzhou (and internal/finance regions the emulator does not
 * model) to the central endpoint; every other region follows the `regional` rule.
 */
export function regionEndpoint(regionId: string): string {
  return regionId === 'cn-hangzhou' ? 'vpc.aliyuncs.com' : `vpc.${regionId}.aliyuncs.com`;
}

export function catalogRegion(regionId: string): CatalogRegion | undefined {
  return REGION_CATALOG.find((region) => region.regionId === regionId);
}

/** Id prefix for a region: the real one when known, a stable stand-in otherwise. */
export function regionIdPrefix(regionId: string): string {
  return catalogRegion(regionId)?.idPrefix ?? 'e1x';
}

export function defaultRegions(): SeedRegion[] {
  return REGION_CATALOG.map((region) => ({ RegionId: region.regionId }));
}

export type AcceptLanguage = 'zh-CN' | 'en-US';

export function localName(region: SeedRegion, language: AcceptLanguage): string {
  if (region.LocalName !== undefined) return region.LocalName;
  const known = catalogRegion(region.RegionId);
  if (!known) return region.RegionId;
  return language === 'en-US' ? known.en : known.zh;
}
