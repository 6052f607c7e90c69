import { EMPTY_BODY_SHA256, parseV3Authorization, v1Signature, v3CanonicalRequest, v3Signature, v3StringToSign } from '../../../../src/shared/acs-signature';
import { formatTimestamp, signV1, signV3 } from '../../../../src/datasources/wire/signer';

function queryOf(path: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(path.slice(path.indexOf('?') + 1)));
}

describe('signer: published vectors through the data source signer', () => {
  it('V1 (HMAC-SHA1): reproduces the ECS "Request signatures" example 1 with an injected clock and nonce', () => {
    const signed = signV1({
      method: 'GET',
      action: 'DescribeRegions',
      version: '2014-05-26',
      format: 'XML',
      host: 'ecs.aliyuncs.com',
      params: {},
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      now: new Date('2016-02-23T12:46:24Z'),
      nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      userAgent: 'test',
    });
    expect(signed.method).toBe('GET');
    const query = queryOf(signed.path);
    expect(query).toEqual({
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      Signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    });
    // Encoded in the URL as the doc shows it.
    expect(signed.path).toContain('Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D');
  });

  it('V3 (ACS3-HMAC-SHA256): reproduces the published Authorization header', () => {
    const signed = signV3({
      action: 'RunInstances',
      version: '2014-05-26',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      params: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      credentials: { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      now: new Date('2023-10-26T10:22:32.999Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
      userAgent: 'AlibabaCloud test',
    });
    expect(signed.method).toBe('POST');
    expect(signed.path).toBe('/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai');
    expect(signed.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
    expect(signed.headers).toMatchObject({
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_BODY_SHA256,
      accept: 'application/json',
      'user-agent': 'AlibabaCloud test',
    });
  });
});

describe('signer: SDK request shape', () => {
  const base = {
    action: 'TerminatePhysicalConnection',
    host: 'vpc.aliyuncs.com',
    params: { RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-abc', ClientToken: 'tok en*~' },
    now: new Date('2024-01-02T03:04:05Z'),
    nonce: 'n1',
    userAgent: 'ua',
  };

  it('V3 with an STS token signs x-acs-security-token and x-acs-accesskey-id; the signature verifies', () => {
    const creds = { accessKeyId: 'id', accessKeySecret: 'secret', securityToken: 'sts-token' };
    const signed = signV3({ ...base, credentials: creds, retry: { attemptsMade: 2, delayMs: 150 } });
    const auth = parseV3Authorization(signed.headers.authorization ?? '');
    expect(auth?.signedHeaders).toEqual([
      'host',
      'x-acs-accesskey-id',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-retry-attempts',
      'x-acs-retry-delay',
      'x-acs-security-token',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]);
    expect(signed.headers['x-acs-security-token']).toBe('sts-token');
    expect(signed.headers['x-acs-version']).toBe('2016-04-28');
    // Independent recomputation with the shared primitives: what a verifier would do.
    const query = queryOf(signed.path);
    const canonical = v3CanonicalRequest({
      method: 'POST',
      pathname: '/',
      query,
      headers: signed.headers,
      signedHeaders: auth?.signedHeaders ?? [],
      payloadHash: EMPTY_BODY_SHA256,
    });
    expect(auth?.signature).toBe(v3Signature('secret', v3StringToSign(canonical)));
    expect(query.ClientToken).toBe('tok en*~');
    expect(signed.path).toContain('ClientToken=tok%20en%2A~');
  });

  it('V1 puts the common parameters and the STS token in the query, as doRPCRequest does', () => {
    const creds = { accessKeyId: 'id', accessKeySecret: 'secret', securityToken: 'sts-token' };
    const signed = signV1({ ...base, credentials: creds });
    const query = queryOf(signed.path);
    expect(query).toMatchObject({
      Action: 'TerminatePhysicalConnection',
      Format: 'json',
      Version: '2016-04-28',
      Timestamp: '2024-01-02T03:04:05Z',
      SignatureNonce: 'n1',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: 'id',
      SecurityToken: 'sts-token',
      RegionId: 'cn-hangzhou',
    });
    const { Signature, ...rest } = query;
    expect(Signature).toBe(v1Signature('POST', rest, 'secret'));
    expect(signed.headers).toEqual({ host: 'vpc.aliyuncs.com', 'x-acs-version': '2016-04-28', 'x-acs-action': 'TerminatePhysicalConnection', 'user-agent': 'ua' });
  });

  it('formats timestamps without milliseconds', () => {
    expect(formatTimestamp(new Date('2024-05-06T07:08:09.876Z'))).toBe('2024-05-06T07:08:09Z');
  });
});
