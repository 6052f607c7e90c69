/**
 * Which host serves a region (docs/datasource.md#endpoints: the SDK 7.3.2 `_endpointMap` plus its
 * `regional` rule), and the one check that makes a region id safe to put into a hostname.
 *
 * Invariant: only a `RegionId` reaches a hostname, and `regionId()` below is the only producer of
 * one; every public entry point of the data source runs it before anything else.
 */
import { BadInputError } from '../errors';

// Looser than the emulator's seed formats (src/emulator/domain/rules.ts ID_PATTERNS) on purpose:
// whether a region exists is the upstream's call; this keeps a hostname label to a safe alphabet.
const REGION_ID_PATTERN = /^[a-z]{2,}(-[a-z0-9]+){1,5}$/;
const MAX_REGION_ID_LENGTH = 64;

declare const hostSafe: unique symbol;
/** A region id that passed `regionId()`: safe in a hostname. The brand exists for the type checker only. */
export type RegionId = string & { readonly [hostSafe]: true };

/** The host-safety check of region ids: a `BadInputError` naming `field`, never echoing the value. */
export function regionId(value: unknown, field = 'regionId'): RegionId {
  if (typeof value !== 'string' || value.length > MAX_REGION_ID_LENGTH || !REGION_ID_PATTERN.test(value)) {
    throw new BadInputError(field, `${field} must be a region id such as cn-hangzhou`);
  }
  return value as RegionId;
}

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
export const GLOBAL_REGION = regionId('cn-hangzhou');

export function publicHostFor(region: RegionId): string {
  if (CENTRAL_REGIONS.has(region)) return CENTRAL_HOST;
  return SPECIAL_HOSTS[region] ?? `vpc.${region}.aliyuncs.com`;
}

/** The override, when configured, serves every region (the emulator is one host). */
export function resolveEndpoint(region: RegionId, override: Endpoint | null): Endpoint {
  if (override) return override;
  const host = publicHostFor(region);
  return { origin: `https://${host}`, host };
}

/**
 * `http://127.0.0.1:9100`, `https://vpc.example.com`, or a bare `host[:port]` (HTTPS, as the SDK
 * defaults). Anything with a path, query, credentials or another scheme is refused, and the message
 * never quotes the value: an operator may have pasted a key and secret into it.
 */
export function parseEndpointOverride(raw: string): Endpoint {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new RangeError('VPC endpoint is not a valid URL: expected scheme://host[:port]');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError('VPC endpoint must use http or https');
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new RangeError('VPC endpoint must be scheme://host[:port] with no path, query or credentials');
  }
  return { origin: url.origin, host: url.host };
}
