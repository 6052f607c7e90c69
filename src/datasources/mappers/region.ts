/** `Regions.Region[]` (DescribeRegions) -> `Region`; entries without a RegionId are skipped. */
import type { Region } from '../models';
import { items, str } from './values';

export function mapRegions(body: Record<string, unknown>): Region[] {
  return items(body.Regions, 'Region').flatMap((raw) => {
    const regionId = str(raw.RegionId);
    return regionId === null ? [] : [{ regionId, localName: str(raw.LocalName), regionEndpoint: str(raw.RegionEndpoint) }];
  });
}
