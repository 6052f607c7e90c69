import { ApiError } from '../../../../src/emulator/api-error';
import { v3VectorHeaders } from '../../../support/v3-vector';
import { Authenticator, parseAcsTimestamp, type AuthRequest } from '../../../../src/emulator/http/auth';
import { newParamBag, parseUrlEncoded, DEFAULT_LIMITS, type ParamBag } from '../../../../src/emulator/http/request';
import {
  EMPTY_BODY_SHA256,
  v1Signature,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3HashHex,
  v3StringToSign,
  V3_SM3_ALGORITHM,
  type V3HmacAlgorithm,
} from '../../../../src/shared/acs-signature';

function bag(query: string): ParamBag {
  const out = newParamBag();
  parseUrlEncoded(query, out, DEFAULT_LIMITS);
  return out;
}

function lists(headers: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = [v];
  return out;
}

function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.httpStatus, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('V1 published vector (ECS "Request signatures" example 1) through the emulator verifier', () => {
  // The request exactly as published, signature appended the way POP does (last, encoded).
  const vectorQuery =
    'Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid&Action=DescribeRegions&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&SignatureVersion=1.0';
  const signature = 'Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D';
  const published = Date.parse('2016-02-23T12:46:24Z');
  const makeAuth = () =>
    new Authenticator({ keys: [{ accessKeyId: 'testid', accessKeySecret: 'testsecret' }], now: () => published + 60_000 });
  const requestFor = (query: string, method = 'GET'): AuthRequest => {
    const params = bag(query);
    return { method, query: params, params, headers: {}, body: Buffer.alloc(0) };
  };

  it('accepts exactly the published request', () => {
    const result = makeAuth().authenticate(requestFor(`${vectorQuery}&${signature}`));
    expect(result).toEqual({ accessKeyId: 'testid', accountId: '1688000000000001', algorithm: 'V1' });
  });

  it.each([
    ['one character of the signature', `${vectorQuery}&Signature=PLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D`],
    ['one character of a signed parameter', `${vectorQuery.replace('DescribeRegions', 'DescribeRegionz')}&${signature}`],
    ['one character of the nonce', `${vectorQuery.replace('3ee8c1b8', '3ee8c1b9')}&${signature}`],
  ])('rejects a change of %s with SignatureDoesNotMatch echoing the string-to-sign', (_what, query) => {
    const error = refusal(() => makeAuth().authenticate(requestFor(query)));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3Dtestid/,
    );
  });

  it('rejects the same request sent with another HTTP method (the method is signed)', () => {
    expect(refusal(() => makeAuth().authenticate(requestFor(`${vectorQuery}&${signature}`, 'POST'))).code).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('rejects the same request with the wrong secret configured', () => {
    const auth = new Authenticator({ keys: [{ accessKeyId: 'testid', accessKeySecret: 'testsecreT' }], now: () => published });
    expect(refusal(() => auth.authenticate(requestFor(`${vectorQuery}&${signature}`))).code).toBe('SignatureDoesNotMatch');
  });

  it('is expired without the injected clock', () => {
    const auth = new Authenticator({ keys: [{ accessKeyId: 'testid', accessKeySecret: 'testsecret' }], now: Date.now });
    expect(refusal(() => auth.authenticate(requestFor(`${vectorQuery}&${signature}`))).code).toBe(
      'InvalidTimeStamp.Expired',
    );
  });
});

describe('V3 published vector (the V3 signature page) through the emulator verifier', () => {
  const headers = v3VectorHeaders(EMPTY_BODY_SHA256);
  const authorization =
    'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0';
  const query = 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai';
  const makeAuth = () =>
    new Authenticator({
      keys: [{ accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' }],
      now: () => Date.parse('2023-10-26T10:25:00Z'),
    });
  const requestFor = (h: Record<string, string>, q = query, method = 'POST'): AuthRequest => {
    const params = bag(q);
    return { method, query: params, params, headers: lists(h), body: Buffer.alloc(0) };
  };

  it('accepts exactly the published request', () => {
    expect(makeAuth().authenticate(requestFor({ ...headers, authorization }))).toEqual({
      accessKeyId: 'YourAccessKeyId',
      accountId: '1688000000000001',
      algorithm: 'V3',
    });
  });

  it.each([
    ['the signature', { ...headers, authorization: authorization.replace(/c0$/, 'c1') }, query],
    ['a signed header', { ...headers, 'x-acs-action': 'RunInstanceS', authorization }, query],
    ['the host', { ...headers, host: 'ecs.cn-shanghai.aliyuncs.con', authorization }, query],
    ['the query', { ...headers, authorization }, query.replace('cn-shanghai', 'cn-shanghaj')],
  ])('rejects a one-character change of %s with SignatureDoesNotMatch', (_what, h, q) => {
    const error = refusal(() => makeAuth().authenticate(requestFor(h, q)));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it('echoes the published string-to-sign when only the signature is wrong', () => {
    const error = refusal(() =>
      makeAuth().authenticate(requestFor({ ...headers, authorization: authorization.replace(/c0$/, 'c1') })),
    );
    expect(error.message.endsWith('ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')).toBe(true);
  });
});

describe('Authenticator refusals', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  const secret = 'S3cret';
  const keys = [
    { accessKeyId: 'AK1', accessKeySecret: secret, accountId: '111' },
    { accessKeyId: 'STS.AK2', accessKeySecret: 'sts-secret', securityToken: 'CAIS-token', accountId: '222' },
  ];
  const makeAuth = (clock = () => now, sm3Available?: () => boolean) =>
    new Authenticator({ keys, now: clock, ...(sm3Available ? { sm3Available } : {}) });

  function v1(overrides: Record<string, string | undefined> = {}, keySecret = secret): AuthRequest {
    const params: Record<string, string> = {};
    const base: Record<string, string | undefined> = {
      Action: 'DescribeRegions',
      Version: '2016-04-28',
      AccessKeyId: 'AK1',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: `n-${Math.random()}`,
      Timestamp: '2024-05-01T12:00:00Z',
      ...overrides,
    };
    for (const [k, v] of Object.entries(base)) if (v !== undefined) params[k] = v;
    if (!('Signature' in overrides)) params['Signature'] = v1Signature('GET', params, keySecret);
    else if (overrides['Signature'] === undefined) delete params['Signature'];
    return { method: 'GET', query: params, params, headers: {}, body: Buffer.alloc(0) };
  }

  function v3(
    overrides: Record<string, string | undefined> = {},
    o: { secret?: string; id?: string; signed?: string[]; body?: string; algorithm?: V3HmacAlgorithm } = {},
  ): AuthRequest {
    const h: Record<string, string> = {};
    const base: Record<string, string | undefined> = {
      host: 'vpc.aliyuncs.com',
      'x-acs-action': 'DescribeRegions',
      'x-acs-version': '2016-04-28',
      'x-acs-date': '2024-05-01T12:00:00Z',
      'x-acs-signature-nonce': `n-${Math.random()}`,
      'x-acs-content-sha256': o.algorithm ? v3HashHex(o.algorithm, '') : EMPTY_BODY_SHA256,
      ...overrides,
    };
    for (const [k, v] of Object.entries(base)) if (v !== undefined) h[k] = v;
    const signed = o.signed ?? Object.keys(h);
    const query = { RegionId: 'cn-hangzhou' };
    const sts = v3StringToSign(
      v3CanonicalRequest({ method: 'POST', pathname: '/', query, headers: h, signedHeaders: signed, payloadHash: h['x-acs-content-sha256'] ?? '' }),
      o.algorithm,
    );
    h['authorization'] = v3Authorization(o.id ?? 'AK1', signed, v3Signature(o.secret ?? secret, sts, o.algorithm), o.algorithm);
    return { method: 'POST', query, params: query, headers: lists(h), body: Buffer.from(o.body ?? '') };
  }

  it('accepts a correct V1 and a correct V3 request and reports the key account', () => {
    expect(makeAuth().authenticate(v1())).toMatchObject({ accountId: '111', algorithm: 'V1' });
    expect(makeAuth().authenticate(v3())).toMatchObject({ accountId: '111', algorithm: 'V3' });
  });

  it.each([
    ['AccessKeyId', { AccessKeyId: undefined }],
    ['Signature', { Signature: undefined }],
    ['SignatureMethod', { SignatureMethod: undefined }],
    ['SignatureVersion', { SignatureVersion: undefined }],
    ['Timestamp', { Timestamp: undefined }],
    ['SignatureNonce', { SignatureNonce: undefined }],
  ])('V1 without %s -> 400 MissingParameter naming it', (name, overrides) => {
    const error = refusal(() => makeAuth().authenticate(v1(overrides)));
    expect(error).toEqual({
      status: 400,
      code: 'MissingParameter',
      message: `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    });
  });

  it.each([
    ['unknown access key', () => v1({ AccessKeyId: 'nobody' }), 404, 'InvalidAccessKeyId.NotFound'],
    ['HMAC-SHA256 signature method', () => v1({ SignatureMethod: 'HMAC-SHA256' }), 400, 'InvalidSignatureMethod'],
    ['signature version 2.0', () => v1({ SignatureVersion: '2.0' }), 400, 'InvalidParameter'],
    ['timestamp without Z', () => v1({ Timestamp: '2024-05-01T12:00:00' }), 400, 'InvalidTimeStamp.Format'],
    ['impossible date', () => v1({ Timestamp: '2024-02-30T12:00:00Z' }), 400, 'InvalidTimeStamp.Format'],
    ['timestamp 16 minutes old', () => v1({ Timestamp: '2024-05-01T11:44:00Z' }), 400, 'InvalidTimeStamp.Expired'],
    ['timestamp 16 minutes ahead', () => v1({ Timestamp: '2024-05-01T12:16:00Z' }), 400, 'InvalidTimeStamp.Expired'],
    ['wrong secret', () => v1({}, 'other'), 400, 'SignatureDoesNotMatch'],
    ['over-long nonce', () => v1({ SignatureNonce: 'x'.repeat(129) }), 400, 'InvalidParameter'],
  ])('V1 %s is refused', (_what, build, status, code) => {
    expect(refusal(() => makeAuth().authenticate(build()))).toMatchObject({ status, code });
  });

  it('accepts a timestamp 14 minutes off either way', () => {
    expect(() => makeAuth().authenticate(v1({ Timestamp: '2024-05-01T11:46:00Z' }))).not.toThrow();
    expect(() => makeAuth().authenticate(v1({ Timestamp: '2024-05-01T12:14:00Z' }))).not.toThrow();
  });

  it('refuses a reused nonce per access key, but only after a valid signature', () => {
    const auth = makeAuth();
    expect(refusal(() => auth.authenticate(v1({ SignatureNonce: 'n1' }, 'wrong'))).code).toBe('SignatureDoesNotMatch');
    expect(() => auth.authenticate(v1({ SignatureNonce: 'n1' }))).not.toThrow();
    expect(refusal(() => auth.authenticate(v1({ SignatureNonce: 'n1' })))).toEqual({
      status: 400,
      code: 'SignatureNonceUsed',
      message: 'Specified signature nonce was used already.',
    });
    // Same nonce under the other algorithm for the same key is the same replay.
    expect(refusal(() => auth.authenticate(v3({ 'x-acs-signature-nonce': 'n1' }))).code).toBe('SignatureNonceUsed');
    auth.clearNonces();
    expect(() => auth.authenticate(v1({ SignatureNonce: 'n1' }))).not.toThrow();
  });

  it('forgets a nonce once its request could no longer pass the timestamp check', () => {
    let clock = now;
    const auth = makeAuth(() => clock);
    auth.authenticate(v1({ SignatureNonce: 'n2' }));
    clock = now + 16 * 60 * 1000;
    // Refused for the timestamp now, so the nonce memory may safely drop it.
    expect(refusal(() => auth.authenticate(v1({ SignatureNonce: 'n2' }))).code).toBe('InvalidTimeStamp.Expired');
    expect(
      () => auth.authenticate(v1({ SignatureNonce: 'n2', Timestamp: '2024-05-01T12:16:00Z' })),
    ).not.toThrow();
  });

  describe('STS key pairs', () => {
    const sts = (token?: string) =>
      v1({ AccessKeyId: 'STS.AK2', ...(token !== undefined ? { SecurityToken: token } : {}) }, 'sts-secret');

    it('require the token', () => {
      expect(refusal(() => makeAuth().authenticate(sts()))).toMatchObject({ status: 400, code: 'MissingSecurityToken' });
    });
    it('refuse another token', () => {
      expect(refusal(() => makeAuth().authenticate(sts('CAIS-other')))).toMatchObject({
        code: 'InvalidSecurityToken.MismatchWithAccessKey',
      });
    });
    it('accept the right token (V1 parameter and V3 header)', () => {
      expect(makeAuth().authenticate(sts('CAIS-token'))).toMatchObject({ accountId: '222' });
      expect(
        makeAuth().authenticate(v3({ 'x-acs-security-token': 'CAIS-token' }, { id: 'STS.AK2', secret: 'sts-secret' })),
      ).toMatchObject({ accountId: '222', algorithm: 'V3' });
    });
    it('refuse a token sent with a permanent key', () => {
      expect(refusal(() => makeAuth().authenticate(v1({ SecurityToken: 'CAIS-token' })))).toMatchObject({
        code: 'InvalidSecurityToken.MismatchWithAccessKey',
      });
    });
  });

  describe('V3 specifics', () => {
    it.each(['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])(
      'missing %s -> MissingParameter',
      (name) => {
        expect(refusal(() => makeAuth().authenticate(v3({ [name]: undefined })))).toMatchObject({
          code: 'MissingParameter',
          message: expect.stringContaining(`"${name}"`),
        });
      },
    );

    it.each(['host', 'x-acs-date', 'x-acs-signature-nonce'])('a required header left unsigned (%s) -> IncompleteSignature', (name) => {
      const signed = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'].filter(
        (h) => h !== name,
      );
      expect(refusal(() => makeAuth().authenticate(v3({}, { signed })))).toMatchObject({
        status: 400,
        code: 'IncompleteSignature',
        message: 'The request signature does not conform to Aliyun standards.',
      });
    });

    it('an extra x-acs-* header left unsigned -> IncompleteSignature', () => {
      const request = v3();
      const headers = { ...request.headers, 'x-acs-extra': ['added in flight'] };
      expect(refusal(() => makeAuth().authenticate({ ...request, headers })).code).toBe('IncompleteSignature');
    });

    it.each([
      ['garbage', 'nonsense'],
      ['no signature field', 'ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host'],
    ])('a malformed Authorization header (%s) -> IncompleteSignature', (_what, value) => {
      const request = v3();
      const headers = { ...request.headers, authorization: [value] };
      expect(refusal(() => makeAuth().authenticate({ ...request, headers })).code).toBe('IncompleteSignature');
    });

    it('another algorithm -> InvalidSignatureMethod', () => {
      const request = v3();
      const value = request.headers['authorization']?.[0]?.replace('ACS3-HMAC-SHA256', 'ACS3-RSA-SHA256') ?? '';
      expect(refusal(() => makeAuth().authenticate({ ...request, headers: { ...request.headers, authorization: [value] } })).code).toBe(
        'InvalidSignatureMethod',
      );
    });

    describe('ACS3-HMAC-SM3', () => {
      const sm3 = { algorithm: V3_SM3_ALGORITHM } as const;

      it('a correctly signed request is accepted', () => {
        expect(makeAuth().authenticate(v3({}, sm3))).toEqual({ accessKeyId: 'AK1', accountId: '111', algorithm: 'V3' });
      });

      it('a wrong secret -> SignatureDoesNotMatch echoing the SM3 string-to-sign', () => {
        expect(refusal(() => makeAuth().authenticate(v3({}, { ...sm3, secret: 'wrong' })))).toMatchObject({
          code: 'SignatureDoesNotMatch',
          message: expect.stringMatching(/server string to sign is:ACS3-HMAC-SM3\n[0-9a-f]{64}$/),
        });
      });

      it('x-acs-content-sha256 must carry the SM3 hash of the body (a SHA-256 one is refused)', () => {
        expect(refusal(() => makeAuth().authenticate(v3({ 'x-acs-content-sha256': EMPTY_BODY_SHA256 }, sm3))).code).toBe('InvalidParameter');
        expect(refusal(() => makeAuth().authenticate(v3({}, { ...sm3, body: 'RegionId=cn-hangzhou' }))).code).toBe('InvalidParameter');
      });

      it('a SHA-256 signature labelled SM3 does not verify', () => {
        const request = v3();
        const value = request.headers['authorization']?.[0]?.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3') ?? '';
        const relabelled = { ...request, headers: { ...request.headers, authorization: [value] } };
        // The SHA-256 payload hash is caught first; either way nothing verifies.
        expect(refusal(() => makeAuth().authenticate(relabelled)).code).toBe('InvalidParameter');
      });

      it('on a Node.js build without SM3 -> InvalidSignatureMethod saying so', () => {
        expect(refusal(() => makeAuth(() => now, () => false).authenticate(v3({}, sm3)))).toEqual({
          status: 400,
          code: 'InvalidSignatureMethod',
          message:
            'Specified signature method is not valid. ACS3-HMAC-SM3 is not available in this emulator: its Node.js build has no SM3 hash.',
        });
        // SHA-256 is unaffected.
        expect(makeAuth(() => now, () => false).authenticate(v3()).algorithm).toBe('V3');
      });
    });

    it('x-acs-content-sha256 must be the hash of the body actually sent', () => {
      expect(refusal(() => makeAuth().authenticate(v3({}, { body: 'RegionId=cn-hangzhou' })))).toMatchObject({
        code: 'InvalidParameter',
        message: 'The specified parameter "x-acs-content-sha256" is not valid.',
      });
    });

    it('unknown credential -> InvalidAccessKeyId.NotFound; bad x-acs-date -> InvalidTimeStamp.Format', () => {
      expect(refusal(() => makeAuth().authenticate(v3({}, { id: 'nobody' }))).code).toBe('InvalidAccessKeyId.NotFound');
      expect(refusal(() => makeAuth().authenticate(v3({ 'x-acs-date': 'Wed, 01 May 2024 12:00:00 GMT' }))).code).toBe(
        'InvalidTimeStamp.Format',
      );
    });
  });
});

describe('parseAcsTimestamp', () => {
  it('reads ISO 8601 UTC with optional milliseconds and refuses everything else', () => {
    expect(parseAcsTimestamp('2016-02-23T12:46:24Z')).toBe(Date.parse('2016-02-23T12:46:24Z'));
    expect(parseAcsTimestamp('2016-02-23T12:46:24.5Z')).toBe(Date.parse('2016-02-23T12:46:24.500Z'));
    for (const bad of ['2016-02-23 12:46:24Z', '2016-13-01T00:00:00Z', '2016-02-23T24:00:00Z', '2016-02-23T12:46:24+08:00', '']) {
      expect(parseAcsTimestamp(bad)).toBeNull();
    }
  });
});
