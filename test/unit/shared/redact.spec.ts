/** The one text scrubber shared by the data source's messages and the GraphQL error formatter. */
import { sanitizeMessage } from '../../../src/datasources/wire/sanitize';
import { MAX_SCANNED_LENGTH, REDACTED, redactSecrets } from '../../../src/shared/redact';

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
    ['the password of a Redis URL', 'connect to redis://:pa55:word@cache:6379/0 failed', `connect to redis://:${REDACTED}@cache:6379/0 failed`],
    ['the password of a TLS Redis URL with a user', 'REDISS://gw:pw@cache failed', `REDISS://gw:${REDACTED}@cache failed`],
    // The forms the linear rewrites of the patterns must still catch, as the earlier forms did.
    ['a V1 signature in a percent-encoded query', 'q=Signature%3DOLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D', `q=Signature%${REDACTED}`],
    ['a long run of encoded base64 units', `x ${'%2B'.repeat(300)}= y`, `x ${REDACTED} y`],
    ['a padded run that is short until read from the 2 of %2B', `x %2B${'a'.repeat(14)}= y`, `x %${REDACTED} y`],
    ['a V3 credential after a run of algorithm-like names', `${'ACS3-'.repeat(50)}HMAC-SHA256 Credential=ak`, REDACTED],
    ['a string-to-sign label after a long run of spaces', `mismatch${' '.repeat(500)}string  -  to sign:GET&%2F&x`, 'mismatch'],
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

  it('leaves base64 without padding and runs shorter than 16 before the padding alone', () => {
    const text = `plain ${'Xy'.repeat(300)} and ${'%2B'.repeat(5)}= and x${'%3D'.repeat(3)}abc=`;
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets bounds its work', () => {
  /** Runs `fn` while recording the length of every string a regular expression is run on. */
  function scannedLengths(fn: () => void): number[] {
    const lengths: number[] = [];
    const exec = RegExp.prototype.exec;
    // String.prototype.replace/search/split and RegExp.prototype.test all go through `exec`.
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      lengths.push(String(input).length);
      return exec.call(this, input);
    };
    try {
      fn();
    } finally {
      RegExp.prototype.exec = exec;
    }
    return lengths;
  }

  const LONG = 100_000;
  it.each([
    ['spaces', ' '.repeat(LONG)],
    ['newlines', '\n'.repeat(LONG)],
    ['punctuation before a late label', `${'.'.repeat(LONG)} string to sign: x`],
    ['one long word', `${'a'.repeat(LONG)}g`],
    ['encoded base64 units without padding', '%2B'.repeat(LONG / 3)],
    ['algorithm-like names', 'ACS3-'.repeat(LONG / 5)],
  ])(`no regular expression sees more than ${MAX_SCANNED_LENGTH} characters of a text of ${LONG} %s`, (_what, text) => {
    let redacted = '';
    let sanitized = '';
    const lengths = scannedLengths(() => {
      redacted = redactSecrets(text);
      sanitized = sanitizeMessage(text);
    });
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_SCANNED_LENGTH + 1);
    expect(redacted.length).toBeLessThanOrEqual(MAX_SCANNED_LENGTH + 1);
    expect(redacted.endsWith('…')).toBe(true);
    expect(sanitized.length).toBeLessThanOrEqual(400);
  });

  it('cuts a long stack after a whole frame', () => {
    const frames = Array.from({ length: 80 }, (_, i) => `    at frame${i} (/srv/dist/resolvers/some-module-with-a-long-name.js:${i}:21)`);
    const stack = ['Error: boom', ...frames].join('\n');
    expect(stack.length).toBeGreaterThan(MAX_SCANNED_LENGTH);
    const out = redactSecrets(stack);
    expect(out.length).toBeLessThanOrEqual(MAX_SCANNED_LENGTH + 1);
    expect(out.endsWith('\n…')).toBe(true);
    const kept = out.slice(0, -'\n…'.length).split('\n');
    expect(kept.length).toBeGreaterThan(30);
    expect(kept).toEqual(['Error: boom', ...frames].slice(0, kept.length));
  });

  it('drops the word the cut falls into, so no part of a secret across the bound shows', () => {
    const secret = 'plain-looking-secret-value';
    const words = 'word '.repeat(Math.floor((MAX_SCANNED_LENGTH - 10) / 5));
    const out = redactSecrets(`${words}${secret} tail`, [secret]);
    expect(out).toBe(`${words.trimEnd()}…`);
    // A text that ends at the bound is left whole.
    const exact = 'w'.repeat(MAX_SCANNED_LENGTH);
    expect(redactSecrets(exact)).toBe(exact);
  });
});
