/**
 * Which host serves a region (reference §6.1, SDK 7.3.2 `_endpointMap` + the `regional` rule).
 *
 * The region id ends up in a hostname, so it is re-checked here even though validation.ts already
 * vetted it: an endpoint must never be derived from anything but a well-formed region id.
 */
import { BadInputError } from '../errors';
import { REGION_ID_PATTERN } from '../operations/validation';

export interface Endpoint {
  /** `https://vpc.aliyuncs.com` or the override's `scheme://host[:port]`. */
  origin: string;
  /** The `host` header (and the V3 signed `host`): host plus port when not the default. */
  host: string;
}

const CENTRAL_HOST = 'vpc.aliyuncs.com';

/** Regions the SDK maps to the central endpoint. */
const CENTRAL_REGIONS: ReadonlySet<string> = new Set([
  'cn-hangzhou',
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-north-2-gov-1',
  'ap-northeast-2-pop',
  'cn-beijing-finance-pop',
  'cn-beijing-gov-1',
  'cn-beijing-nu16-b01',
  'cn-fujian',
  'cn-haidian-cm12-c01',
  'cn-hangzhou-bj-b01',
  'cn-hangzhou-finance',
  'cn-hangzhou-internal-prod-1',
  'cn-hongkong-finance-pop',
  'cn-shanghai-et2-b01',
  'cn-shanghai-inner',
  'cn-shenzhen-inner',
  'cn-shenzhen-st4-d01',
  'cn-shenzhen-su18-b01',
  'cn-wuhan',
  'cn-yushanfang',
  'cn-zhangbei',
  'cn-zhangbei-na61-b01',
  'rus-west-1-pop',
]);

/** Regions the SDK maps to a special host. */
const SPECIAL_HOSTS: Readonly<Record<string, string>> = {
  'cn-edge-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-huhehaote-nebula-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-qingdao-nebula': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-zhengzhou-nebula-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-hangzhou-internal-test-1': 'vpc-pre.cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-internal-test-3': 'vpc-pre.cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-test-306': 'vpc-pre.cn-hangzhou.aliyuncs.com',
  'cn-shanghai-et15-b01': 'vpc-pre.cn-hangzhou.aliyuncs.com',
  'cn-shanghai-internal-test-1': 'vpc-pre.cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-internal-test-2': 'vpc-inner-pre.cn-hangzhou.aliyuncs.com',
  'cn-zhangjiakou-na62-a01': 'vpc.cn-zhangjiakou.aliyuncs.com',
  'eu-west-1-oxs': 'vpc-nebula.cn-shenzhen-cloudstone.aliyuncs.com',
};

/** The region whose endpoint serves calls that are not regional (DescribeRegions). */
export const GLOBAL_REGION = 'cn-hangzhou';

export function publicHostFor(regionId: string): string {
  if (!REGION_ID_PATTERN.test(regionId) || regionId.length > 64) {
    throw new BadInputError('regionId', 'regionId is not a valid region id');
  }
  if (CENTRAL_REGIONS.has(regionId)) return CENTRAL_HOST;
  return SPECIAL_HOSTS[regionId] ?? `vpc.${regionId}.aliyuncs.com`;
}

/** The override, when configured, serves every region (the emulator is one host). */
export function resolveEndpoint(regionId: string, override: Endpoint | null): Endpoint {
  const host = publicHostFor(regionId);
  if (override) return override;
  return { origin: `https://${host}`, host };
}

/**
 * `http://127.0.0.1:9100`, `https://vpc.example.com`, or a bare `host[:port]` (HTTPS, as the SDK
 * defaults). Anything with a path, query, credentials or another scheme is refused.
 */
export function parseEndpointOverride(raw: string): Endpoint {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new RangeError(`VPC endpoint ${JSON.stringify(raw)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`VPC endpoint must use http or https (got ${url.protocol})`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new RangeError('VPC endpoint must be scheme://host[:port] with no path, query or credentials');
  }
  return { origin: url.origin, host: url.host };
}
