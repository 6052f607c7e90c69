import { OpenApiUtil } from '@alicloud/openapi-core';
import { V3_VECTOR_QUERY, v3VectorHeaders } from '../../support/v3-vector';
import {
  EMPTY_BODY_SHA256,
  isSm3Available,
  isV3HmacAlgorithm,
  parseV3Authorization,
  percentEncode,
  v1Signature,
  v1StringToSign,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3HashHex,
  v3StringToSign,
  V3_ALGORITHM,
  V3_SM3_ALGORITHM,
} from '../../../src/shared/acs-signature';

describe('percentEncode', () => {
  it('encodes as Alibaba specifies (space %20, * %2A, ~ literal)', () => {
    expect(percentEncode("a b*c~d!'()/:")).toBe('a%20b%2Ac~d%21%27%28%29%2F%3A');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });
});

describe('V1 HMAC-SHA1 published vector (ECS "Request signatures" example 1; docs/datasource.md#signing)', () => {
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

describe('V3 ACS3-HMAC-SHA256 published vector (the V3 signature page; docs/datasource.md#signing)', () => {
  const headers = v3VectorHeaders(EMPTY_BODY_SHA256);
  const signedHeaders = Object.keys(headers);
  const canonical = v3CanonicalRequest({
    method: 'POST',
    pathname: '/',
    query: V3_VECTOR_QUERY,
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

describe('V3 ACS3-HMAC-SM3 (no published vector: proven against SDK code and SM3 vectors)', () => {
  // The published V3 example's inputs, with the SM3 payload hash where SHA-256 had its own.
  const EMPTY_BODY_SM3 = '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b';
  const headers = v3VectorHeaders(EMPTY_BODY_SM3);
  const query = V3_VECTOR_QUERY;
  const signedHeaders = Object.keys(headers);
  const canonical = v3CanonicalRequest({ method: 'POST', pathname: '/', query, headers, signedHeaders, payloadHash: EMPTY_BODY_SM3 });

  it('is available on this Node.js build (20, 22 and 24 all ship it)', () => {
    expect(isSm3Available()).toBe(true);
    expect(isV3HmacAlgorithm(V3_SM3_ALGORITHM)).toBe(true);
    expect(isV3HmacAlgorithm('ACS3-RSA-SHA256')).toBe(false);
  });

  it('hashes the GB/T 32905 "abc" vector, the SDK unit-test "test" vector and the empty body', () => {
    expect(v3HashHex(V3_SM3_ALGORITHM, 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(v3HashHex(V3_SM3_ALGORITHM, 'test')).toBe('55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23');
    expect(v3HashHex(V3_SM3_ALGORITHM, Buffer.alloc(0))).toBe(EMPTY_BODY_SM3);
    expect(v3HashHex(V3_ALGORITHM, '')).toBe(EMPTY_BODY_SHA256);
  });

  it('signs exactly as the official SDK (openapi-core getAuthorization) does', () => {
    const stringToSign = v3StringToSign(canonical, V3_SM3_ALGORITHM);
    expect(stringToSign.startsWith('ACS3-HMAC-SM3\n')).toBe(true);
    const ours = v3Authorization('YourAccessKeyId', signedHeaders, v3Signature('YourAccessKeySecret', stringToSign, V3_SM3_ALGORITHM), V3_SM3_ALGORITHM);
    const request = { method: 'POST', pathname: '/', query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
    const sdk = OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SM3', EMPTY_BODY_SM3, 'YourAccessKeyId', 'YourAccessKeySecret');
    expect(ours).toBe(sdk);
    // Pinned too, so an SDK upgrade that changed the algorithm would show up here.
    expect(ours).toBe(
      'ACS3-HMAC-SM3 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=19cac349828155410ebe3ae96f5732d62cefef94ce7df9b1623defdf9f5b7704',
    );
  });

  it('the same SDK path reproduces the published SHA-256 vector (so the comparison above is sound)', () => {
    const shaHeaders = { ...headers, 'x-acs-content-sha256': EMPTY_BODY_SHA256 };
    const request = { method: 'POST', pathname: '/', query, headers: shaHeaders } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
    expect(OpenApiUtil.getAuthorization(request, V3_ALGORITHM, EMPTY_BODY_SHA256, 'YourAccessKeyId', 'YourAccessKeySecret')).toContain(
      'Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('defaults stay SHA-256 (the data source\'s calls are unchanged)', () => {
    expect(v3StringToSign('x')).toBe(v3StringToSign('x', V3_ALGORITHM));
    expect(v3Signature('k', 'x')).toBe(v3Signature('k', 'x', V3_ALGORITHM));
    expect(v3Signature('k', 'x', V3_SM3_ALGORITHM)).not.toBe(v3Signature('k', 'x'));
  });
});
