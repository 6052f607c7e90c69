import {
  EMPTY_BODY_SHA256,
  parseV3Authorization,
  percentEncode,
  v1Signature,
  v1StringToSign,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../../src/shared/acs-signature';

describe('percentEncode', () => {
  it('encodes as Alibaba specifies (space %20, * %2A, ~ literal)', () => {
    expect(percentEncode("a b*c~d!'()/:")).toBe('a%20b%2Ac~d%21%27%28%29%2F%3A');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });
});

describe('V1 HMAC-SHA1 published vector (reference §5.1, ECS "Request signatures" example 1)', () => {
  const params = {
    Timestamp: '2016-02-23T12:46:24Z',
    Format: 'XML',
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    Version: '2014-05-26',
    SignatureVersion: '1.0',
  };

  it('builds the published string-to-sign', () => {
    expect(v1StringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });

  it('produces the published signature', () => {
    expect(v1Signature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('ignores a Signature parameter already present', () => {
    expect(v1Signature('GET', { ...params, Signature: 'x' }, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('reproduces the SDK unit-test vector (empty method)', () => {
    expect(v1Signature('', { test: 'ok' }, 'accessKeySecret')).toBe('jHx/oHoHNrbVfhncHEvPdHXZwHU=');
  });
});

describe('V3 ACS3-HMAC-SHA256 published vector (reference §5.2)', () => {
  const headers = {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  };
  const signedHeaders = Object.keys(headers);
  const canonical = v3CanonicalRequest({
    method: 'POST',
    pathname: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers,
    signedHeaders,
    payloadHash: EMPTY_BODY_SHA256,
  });

  it('builds the canonical headers and signed-header list in order', () => {
    expect(canonical.split('\n').slice(3, 10)).toEqual([
      'host:ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action:RunInstances',
      `x-acs-content-sha256:${EMPTY_BODY_SHA256}`,
      'x-acs-date:2023-10-26T10:22:32Z',
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
      'x-acs-version:2014-05-26',
      '',
    ]);
  });

  it('hashes to the published string-to-sign', () => {
    expect(v3StringToSign(canonical)).toBe(
      'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    );
  });

  it('produces the published signature and Authorization header', () => {
    const signature = v3Signature('YourAccessKeySecret', v3StringToSign(canonical));
    expect(signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    expect(v3Authorization('YourAccessKeyId', signedHeaders, signature)).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('parses an Authorization header back and rejects malformed ones', () => {
    const parsed = parseV3Authorization(
      'ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-date,Signature=abc',
    );
    expect(parsed).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      credential: 'id',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'abc',
    });
    expect(parseV3Authorization('ACS3-HMAC-SHA256')).toBeNull();
    expect(parseV3Authorization('ACS3-HMAC-SHA256 Credential=id,Signature=abc')).toBeNull();
    expect(parseV3Authorization('ACS3-HMAC-SHA256 garbage')).toBeNull();
  });
});
