/**
 * The leak scanner of the test run (test/support/leak-scan.ts): it must catch every planted leak,
 * report it without repeating it, and stay quiet on what the gateway legitimately writes
 * (redaction markers, error codes that merely mention signatures, ordinary ids).
 */
import { formatFindings, scanCaptured, type KnownSecret } from '../../support/leak-scan';

const SECRETS: KnownSecret[] = [
  { value: 'EmulatorAccessKeySecret', label: 'emulator access key secret' },
  { value: 'jwt-secret-with/special+chars=', label: 'GATEWAY_JWT_SECRET' },
];
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoidnBjOnJlYWQifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

const scan = (text: string, secrets = SECRETS) => scanCaptured([{ kind: 'log', source: 'unit', text }], secrets);

describe('leak scanner', () => {
  it.each([
    ['a known secret, verbatim', '{"msg":"creds","secret":"EmulatorAccessKeySecret"}', 'known secret (emulator access key secret)'],
    ['a known secret, percent-encoded', 'GET /?k=jwt-secret-with%2Fspecial%2Bchars%3D', 'known secret (GATEWAY_JWT_SECRET)'],
    ['a V1 signature in a URL', 'GET http://vpc/?Action=X&Signature=Zm9vYmFyYmF6cXV4%3D&SignatureNonce=1', 'V1 signature (Signature=...)'],
    ['a signature as a JSON field', '{"signature":"0a1b2c3d4e5f"}', 'V1 signature (Signature=...)'],
    ['a V3 Authorization header', 'authorization: ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=abc', 'V3 Authorization header (ACS3-HMAC-SHA256 Credential=...)'],
    ['an SM3 V3 Authorization header', 'authorization: ACS3-HMAC-SM3 Credential=LTAI,SignedHeaders=host,Signature=abc', 'V3 Authorization header (ACS3-HMAC-SHA256 Credential=...)'],
    ['an SM3 string-to-sign without a label', `ACS3-HMAC-SM3\\n${'cd'.repeat(32)}`, 'string-to-sign (canonical request)'],
    ['an echoed string-to-sign', 'The request signature does not conform. server string to sign is:POST&%2F&AccessKeyId%3DLTAI', 'string-to-sign'],
    ['a string-to-sign field', '{"stringToSign":"ACS3-HMAC-SHA256\\nabc"}', 'string-to-sign'],
    ['a V1 canonical request without a label', '{"msg":"POST&%2F&Action%3DDescribeRegions%26Format%3DJSON"}', 'string-to-sign (canonical request)'],
    ['a V3 string-to-sign without a label', `ACS3-HMAC-SHA256\\n${'ab'.repeat(32)}`, 'string-to-sign (canonical request)'],
    ['a JWT', `{"token":"${JWT}"}`, 'JWT'],
    ['an unsigned JWT', '{"t":"eyJhbGciOiJub25lIn0.eyJzY29wZSI6InZwYzp3cml0ZSJ9."}', 'JWT'],
    ['a bearer credential', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', 'bearer credential'],
    ['a lower-case bearer credential', 'authorization: bearer abcdefghijklmnopqrstuvwxyz012345', 'bearer credential'],
    ['a V1 signature in a URL-encoded query', 'url=%2F%3FAction%3DX%26Signature%3DZm9vYmFyYmF6cXV4', 'V1 signature (Signature=...)'],
    ['a V3 signature under its header name', `{"x-acs-signature":"${'0f'.repeat(32)}"}`, 'V3 signature header'],
  ])('catches %s', (_name, text, reason) => {
    const findings = scan(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.reason).toBe(reason);
  });

  it('masks every match in the excerpt it reports, and names where the text came from', () => {
    const text = `{"level":"error","msg":"upstream said: Signature=Zm9vYmFyYmF6 and EmulatorAccessKeySecret and ${JWT}"}`;
    const [finding] = scanCaptured([{ kind: 'response', source: 'test/x.spec.ts (gateway)', text }], SECRETS);
    expect(finding).toMatchObject({ kind: 'response', source: 'test/x.spec.ts (gateway)' });
    expect(finding?.excerpt).not.toContain('Zm9vYmFyYmF6');
    expect(finding?.excerpt).not.toContain('EmulatorAccessKeySecret');
    expect(finding?.excerpt).not.toContain('eyJ');
    expect(finding?.excerpt).toContain('[LEAK: known secret (emulator access key secret)]');
    const report = formatFindings([finding!], 7);
    expect(report).toMatch(/^Secret leak scan: 1 of 7 captured texts leak/);
    expect(report).not.toContain('EmulatorAccessKeySecret');
  });

  it.each([
    ['redaction markers', '{"authorization":"[REDACTED]","url":"/?Signature=[REDACTED]","m":"string to sign [REDACTED]"}'],
    ['a redacted string-to-sign label', 'server string to sign is: [REDACTED]'],
    ['error codes that mention signatures', '{"extensions":{"code":"UPSTREAM_AUTH_FAILED","upstream":{"code":"SignatureDoesNotMatch"}}}'],
    ['the signature nonce header name', '{"x-acs-signature-nonce":"6f2d5b1e-0c1d-4f3b-9a53-2f0c5e2d8e1a"}'],
    ['a challenge header', 'www-authenticate: Bearer realm="vpc-graphql-gateway", error="invalid_token"'],
    ['ids and request ids', '{"requestId":"4EC47282-1B74-4534-BD0E-403F3EE64CAF","id":"pc-bp1vqjxxvbothd0wtflh"}'],
  ])('does not flag %s', (_name, text) => {
    expect(scan(text)).toEqual([]);
  });

  describe('signatures a gateway sent upstream (registered by the emulator tap)', () => {
    const V1 = 'k/Tq+ZpV3L0mJc2YwR8bNx4sHaE=';
    const V3 = '9e1d'.repeat(16);
    const signatures: KnownSecret[] = [
      ...SECRETS,
      ...Array.from({ length: 5000 }, (_, i) => ({ value: `${String(i).padStart(27, 'A')}=`, label: 'filler' })),
      { value: V1, label: 'upstream request signature' },
      { value: V3, label: 'upstream request signature' },
    ];

    it.each([
      ['verbatim, with no label', `{"msg":"retrying","sig":"${V1}"}`, V1],
      ['percent-encoded', `{"url":"/?x=${encodeURIComponent(V1)}"}`, encodeURIComponent(V1)],
      ['JSON-escaped', `{"v":"${V1.replace(/\//g, '\\/')}"}`, V1.replace(/\//g, '\\/')],
      ['a V3 hex signature, bare', `upstream headers ${V3} end`, V3],
    ])('finds one %s and masks it in the excerpt', (_name, text, written) => {
      const findings = scan(text, signatures);
      expect(findings.map((f) => f.reason)).toEqual(['known secret (upstream request signature)']);
      expect(findings[0]?.excerpt).not.toContain(written);
      expect(findings[0]?.excerpt).toContain('[LEAK: known secret (upstream request signature)]');
    });

    it('does not flag a value of the same shape that was never sent', () => {
      expect(scan(`{"sig":"${'Z'.repeat(27)}=","h":"${'ab'.repeat(32)}"}`, signatures)).toEqual([]);
    });
  });

  it('ignores secrets too short to be told from ordinary text', () => {
    expect(scan('{"limit":2000}', [{ value: '2000', label: 'short' }])).toEqual([]);
  });
});
