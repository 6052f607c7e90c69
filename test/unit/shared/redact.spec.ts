/** The one text scrubber shared by the data source's messages and the GraphQL error formatter. */
import { REDACTED, redactSecrets } from '../../../src/shared/redact';

describe('redactSecrets', () => {
  it.each([
    ['a V1 signature parameter keeps its key', '?Signature=abc%2Bdef&x=1', '?Signature=[REDACTED]&x=1'],
    ['an access key secret pair', 'AccessKeySecret=s3cr3t more', 'AccessKeySecret=[REDACTED] more'],
    ['a JSON signature field', '{"signature":"abc"}', '{"signature":"[REDACTED]"}'],
    [
      'an Authorization header, to the end of the line',
      'Authorization: ACS3-HMAC-SHA256 Credential=ak,Signature=ff\nnext line',
      'Authorization: [REDACTED]\nnext line',
    ],
    ['a bearer token', 'sent Bearer abc.def-ghi_jkl', 'sent Bearer [REDACTED]'],
    ['a lower-case bearer token', 'sent bearer abc.def-ghi_jkl', 'sent bearer [REDACTED]'],
    ['a V3 credential without a header name', 'ACS3-HMAC-SHA256 Credential=ak/x', '[REDACTED]'],
    [
      "Alibaba's string-to-sign tail",
      'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&abc',
      'Specified signature is not matched with our calculation',
    ],
    ['a labelled StringToSign', 'mismatch StringToSign: POST&%2F&abc', 'mismatch'],
    [
      'a bare hex HMAC-SHA256',
      'got 06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0 back',
      `got ${REDACTED} back`,
    ],
    ['a bare base64 HMAC-SHA1', 'got OLeaidS1JvxuMvnyHOwuJ+uX5qY= back', `got ${REDACTED} back`],
    ['a percent-encoded base64 HMAC-SHA1', 'got OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D back', `got ${REDACTED} back`],
    ['a canonical query without a label', 'canon GET&%2F&AccessKeyId%3Dx end', `canon ${REDACTED} end`],
    ['a secret-looking token', 'token Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy', `token ${REDACTED}`],
  ])('masks %s', (_what, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('removes known secrets verbatim, raw and percent-encoded, but not short ones', () => {
    const secret = 'my/secret+value';
    expect(redactSecrets(`a ${secret} b ${encodeURIComponent(secret)} c abc`, [secret, 'abc'])).toBe(
      `a ${REDACTED} b ${REDACTED} c abc`,
    );
  });

  it('keeps ordinary messages and stack frames intact, line structure included', () => {
    const text = [
      'TypeError: Cannot read properties of undefined (reading PhysicalConnectionId)',
      '    at TerminateResolver.terminatePhysicalConnection (/srv/dist/resolvers/terminate.resolver.js:88:21)',
      '    at async Promise.all (index 0)',
      'RequestId 4EC47282-1B74-4534-BD0E-403F3EE64CAF',
    ].join('\n');
    expect(redactSecrets(text)).toBe(text);
  });
});
