import { BadInputError } from '../../../../src/datasources/errors';
import { parseEndpointOverride, publicHostFor, regionId, resolveEndpoint } from '../../../../src/datasources/wire/endpoints';

describe('endpoint resolution (docs/datasource.md#endpoints)', () => {
  it.each([
    ['cn-hangzhou', 'vpc.aliyuncs.com'],
    ['cn-shanghai-finance-1', 'vpc.aliyuncs.com'],
    ['rus-west-1-pop', 'vpc.aliyuncs.com'],
    ['cn-qingdao-nebula', 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com'],
    ['cn-hangzhou-internal-test-2', 'vpc-inner-pre.cn-hangzhou.aliyuncs.com'],
    ['cn-zhangjiakou-na62-a01', 'vpc.cn-zhangjiakou.aliyuncs.com'],
    ['eu-west-1-oxs', 'vpc-nebula.cn-shenzhen-cloudstone.aliyuncs.com'],
    ['cn-shanghai', 'vpc.cn-shanghai.aliyuncs.com'],
    ['ap-southeast-1', 'vpc.ap-southeast-1.aliyuncs.com'],
    ['us-east-1', 'vpc.us-east-1.aliyuncs.com'],
  ])('%s -> %s over HTTPS', (region, host) => {
    expect(publicHostFor(regionId(region))).toBe(host);
    expect(resolveEndpoint(regionId(region), null)).toEqual({ origin: `https://${host}`, host });
  });

  it('the host-safety check refuses a hostile region id (only its result reaches a hostname)', () => {
    for (const bad of ['cn-hangzhou.evil.example', 'evil.com/', '', 'CN-HANGZHOU', 'cn-hangzhou:443', 'a'.repeat(70) + '-1', 42, null]) {
      expect(() => regionId(bad)).toThrow(BadInputError);
    }
    expect(() => regionId('cn-hangzhou:443', 'input.regionId')).toThrow(expect.objectContaining({ field: 'input.regionId' }));
  });

  it('the override serves every region, with scheme, host and port', () => {
    const override = parseEndpointOverride('http://127.0.0.1:9100');
    expect(override).toEqual({ origin: 'http://127.0.0.1:9100', host: '127.0.0.1:9100' });
    expect(resolveEndpoint(regionId('cn-shanghai'), override)).toBe(override);
    expect(parseEndpointOverride('https://vpc.example.com/')).toEqual({ origin: 'https://vpc.example.com', host: 'vpc.example.com' });
    expect(parseEndpointOverride('vpc-vpc.cn-beijing.aliyuncs.com')).toEqual({
      origin: 'https://vpc-vpc.cn-beijing.aliyuncs.com',
      host: 'vpc-vpc.cn-beijing.aliyuncs.com',
    });
  });

  it.each(['ftp://host', 'http://host/path', 'http://user:pw@host', 'http://host/?q=1', 'http://'])('rejects the override %s', (bad) => {
    expect(() => parseEndpointOverride(bad)).toThrow(RangeError);
  });
});
