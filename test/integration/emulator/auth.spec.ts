/**
 * Authentication over real HTTP: every refusal code Alibaba uses is reachable, V1 and V3 both
 * work, STS tokens are enforced, and a refused request never reaches the domain.
 */
import { useEmulator } from '../../support/emulator';
import { TEST_ACCESS_KEY_SECRET, type ApiResponse } from '../../support/signed-client';
import { FakeDomain } from './fake-domain';

const domain = new FakeDomain();
const emu = useEmulator({
  domain,
  accessKeys: [
    { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: TEST_ACCESS_KEY_SECRET },
    { accessKeyId: 'LTAISecondAccount', accessKeySecret: 'second-secret', accountId: '1688000000000002' },
    { accessKeyId: 'STS.EmulatorToken', accessKeySecret: 'sts-secret', securityToken: 'CAIS-emulator-token', accountId: '1688000000000003' },
  ],
});
const params = { RegionId: 'cn-hangzhou' };

function expectRefusal(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.json<{ Code: string }>().Code }).toEqual({ status, code });
}

beforeEach(() => {
  domain.dispatched.length = 0;
});

afterEach(() => {
  // Every test below ends with refusals only; none of them may have reached the domain.
  expect(domain.dispatched).toHaveLength(0);
});

describe.each(['V1', 'V3'] as const)('%s', (algorithm) => {
  const client = () => emu.client({ algorithm });

  it('succeeds with the right key and names its account to the domain', async () => {
    const first = await client().call('DescribeRegions', params);
    const second = await emu.client({ algorithm, accessKeyId: 'LTAISecondAccount', accessKeySecret: 'second-secret' }).call(
      'DescribeRegions',
      params,
    );
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(domain.dispatched.map((d) => d.accountId)).toEqual(['1688000000000001', '1688000000000002']);
    domain.dispatched.length = 0;
  });

  it('wrong secret -> 400 SignatureDoesNotMatch, echoing the server string-to-sign', async () => {
    const res = await client().call('DescribeRegions', params, { secret: 'not-the-secret' });
    expectRefusal(res, 400, 'SignatureDoesNotMatch');
    const message = res.json<{ Message: string }>().Message;
    expect(message.startsWith('Specified signature is not matched with our calculation. server string to sign is:')).toBe(true);
    expect(message).toContain(algorithm === 'V1' ? 'GET&%2F&AccessKeyId%3DLTAIEmulatorAccessKey' : 'ACS3-HMAC-SHA256\n');
    expect(message).not.toContain(TEST_ACCESS_KEY_SECRET);
  });

  it('unknown access key -> 404 InvalidAccessKeyId.NotFound', async () => {
    expectRefusal(await client().call('DescribeRegions', params, { accessKeyId: 'LTAINobody' }), 404, 'InvalidAccessKeyId.NotFound');
  });

  it('malformed timestamp -> InvalidTimeStamp.Format; stale -> InvalidTimeStamp.Expired', async () => {
    expectRefusal(await client().call('DescribeRegions', params, { timestamp: '2024/05/01 12:00' }), 400, 'InvalidTimeStamp.Format');
    const stale = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expectRefusal(await client().call('DescribeRegions', params, { timestamp: stale }), 400, 'InvalidTimeStamp.Expired');
  });

  it('a reused nonce -> 400 SignatureNonceUsed', async () => {
    const nonce = `nonce-${algorithm}-${Date.now()}`;
    expect((await client().call('DescribeRegions', params, { nonce })).status).toBe(200);
    domain.dispatched.length = 0;
    const replay = await client().call('DescribeRegions', params, { nonce });
    expectRefusal(replay, 400, 'SignatureNonceUsed');
    expect(replay.json<{ Message: string }>().Message).toBe('Specified signature nonce was used already.');
  });

  describe('STS', () => {
    const sts = { accessKeyId: 'STS.EmulatorToken', accessKeySecret: 'sts-secret' };

    it('a key pair with a token requires it', async () => {
      expectRefusal(await emu.client({ algorithm, ...sts }).call('DescribeRegions', params), 400, 'MissingSecurityToken');
    });

    it('another token -> InvalidSecurityToken.MismatchWithAccessKey', async () => {
      const res = await emu.client({ algorithm, ...sts, securityToken: 'CAIS-forged' }).call('DescribeRegions', params);
      expectRefusal(res, 400, 'InvalidSecurityToken.MismatchWithAccessKey');
    });

    it('the right token succeeds for the token account', async () => {
      const res = await emu.client({ algorithm, ...sts, securityToken: 'CAIS-emulator-token' }).call('DescribeRegions', params);
      expect(res.status).toBe(200);
      expect(domain.dispatched.map((d) => d.accountId)).toEqual(['1688000000000003']);
      domain.dispatched.length = 0;
    });
  });
});

describe('V1 specifics', () => {
  const v1 = () => emu.client({ algorithm: 'V1' });

  it.each(['AccessKeyId', 'Signature', 'Timestamp', 'SignatureNonce', 'SignatureMethod'])(
    'without %s -> 400 MissingParameter',
    async (name) => {
      const res = await v1().call('DescribeRegions', params, { omit: [name] });
      expectRefusal(res, 400, 'MissingParameter');
      expect(res.json<{ Message: string }>().Message).toContain(`"${name}"`);
    },
  );

  it('HMAC-SHA256 as SignatureMethod -> 400 InvalidSignatureMethod', async () => {
    const client = v1();
    const prepared = client.prepare('DescribeRegions', params);
    const res = await client.send({ ...prepared, path: prepared.path.replace('SignatureMethod=HMAC-SHA1', 'SignatureMethod=HMAC-SHA256') });
    expectRefusal(res, 400, 'InvalidSignatureMethod');
  });

  it('a parameter added after signing -> SignatureDoesNotMatch', async () => {
    const client = v1();
    const prepared = client.prepare('DescribeRegions', params);
    expectRefusal(await client.send({ ...prepared, path: `${prepared.path}&PageSize=50` }), 400, 'SignatureDoesNotMatch');
  });

  it('a form body altered after signing -> SignatureDoesNotMatch', async () => {
    const client = v1();
    const prepared = client.prepare('DescribeRegions', params, { method: 'POST' });
    const res = await client.send({ ...prepared, body: `${prepared.body ?? ''}&PageSize=50` });
    expectRefusal(res, 400, 'SignatureDoesNotMatch');
  });
});

describe('V3 specifics', () => {
  const v3 = () => emu.client({ algorithm: 'V3' });

  it.each(['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-version'])(
    'without %s -> 400 MissingParameter',
    async (name) => {
      const res = await v3().call('DescribeRegions', params, { omit: [name] });
      // Without x-acs-version the Version check speaks first; both are MissingParameter.
      expectRefusal(res, 400, 'MissingParameter');
    },
  );

  it('a required header left out of SignedHeaders -> 400 IncompleteSignature', async () => {
    const res = await v3().call('DescribeRegions', params, {
      signedHeaders: ['host', 'x-acs-action', 'x-acs-version', 'x-acs-content-sha256', 'x-acs-signature-nonce'],
    });
    expectRefusal(res, 400, 'IncompleteSignature');
    expect(res.json<{ Message: string }>().Message).toBe('The request signature does not conform to Aliyun standards.');
  });

  it('an x-acs-* header added after signing -> IncompleteSignature', async () => {
    const client = v3();
    const prepared = client.prepare('DescribeRegions', params);
    const res = await client.send({ ...prepared, headers: { ...prepared.headers, 'x-acs-injected': '1' } });
    expectRefusal(res, 400, 'IncompleteSignature');
  });

  it('a garbled Authorization header -> IncompleteSignature; another algorithm -> InvalidSignatureMethod', async () => {
    const client = v3();
    const prepared = client.prepare('DescribeRegions', params);
    const garbled = await client.send({ ...prepared, headers: { ...prepared.headers, authorization: 'ACS3-HMAC-SHA256 junk' } });
    expectRefusal(garbled, 400, 'IncompleteSignature');
    const other = client.prepare('DescribeRegions', params);
    // ACS3-HMAC-SM3 is verified now (sdk-v3.spec); RSA is the V3 variant the emulator refuses.
    const rsa = (other.headers['authorization'] ?? '').replace('ACS3-HMAC-SHA256', 'ACS3-RSA-SHA256');
    expectRefusal(await client.send({ ...other, headers: { ...other.headers, authorization: rsa } }), 400, 'InvalidSignatureMethod');
  });

  it('a body that does not match x-acs-content-sha256 -> 400 InvalidParameter', async () => {
    const client = v3();
    const prepared = client.prepare('DescribeRegions', params, { placement: 'body' });
    const res = await client.send({ ...prepared, body: 'RegionId=cn-shanghai' });
    expectRefusal(res, 400, 'InvalidParameter');
  });

  it('a query altered after signing -> SignatureDoesNotMatch', async () => {
    const client = v3();
    const prepared = client.prepare('DescribeRegions', params);
    const res = await client.send({ ...prepared, path: prepared.path.replace('cn-hangzhou', 'cn-shanghai') });
    expectRefusal(res, 400, 'SignatureDoesNotMatch');
  });
});
