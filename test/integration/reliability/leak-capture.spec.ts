/**
 * Issue 7, item 5, from the inside: the test helpers really feed the run's leak capture (so the
 * global teardown has something to scan, the signatures sent upstream included), and the nastiest case for leaks, an upstream that refuses
 * the gateway's signature and echoes its string-to-sign, leaves no secret in anything the gateway
 * logged or answered, with either signature version.
 */
import { readFileSync } from 'node:fs';
import { relative, join } from 'node:path';
import { SignJWT } from 'jose';
import { createVpcBackend } from '../../../src/datasources';
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator';
import { scanCaptured, type CapturedText, type KnownSecret } from '../../support/leak-scan';
import { captureDir, captureFile, registerSecret, type CaptureRecord } from '../../support/log-capture';
import { SignedClient } from '../../support/signed-client';
import type { TestGateway } from '../server/support';
import { gql, startReliabilityGateway } from './support';

const THIS_FILE = relative(join(__dirname, '..', '..', '..'), __filename);
const JWT_SECRET = 'leak-capture-suite-secret-of-more-than-32-bytes';
const WRONG_SECRET = 'NotTheEmulatorSecretButSomethingElse';

/** What this test file has captured so far (the capture file is shared by the worker's files). */
function captured(): { texts: CapturedText[]; secrets: KnownSecret[] } {
  const dir = captureDir();
  if (dir === null) throw new Error('no capture directory: run jest with the project config (jest.config.js globalSetup)');
  const records = readFileSync(captureFile(dir), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as CaptureRecord);
  return {
    texts: records.filter((r): r is Extract<CaptureRecord, { type: 'text' }> => r.type === 'text' && r.source.startsWith(THIS_FILE)),
    secrets: records.filter((r): r is Extract<CaptureRecord, { type: 'secret' }> => r.type === 'secret'),
  };
}

describe('the leak capture is fed by the test helpers', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startReliabilityGateway({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, LOG_LEVEL: 'debug' });
  });
  afterAll(() => t.close());

  it('records config secrets, sent bearer tokens, log lines and responses', async () => {
    const token = await new SignJWT({ scope: 'vpc:read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const res = await gql(t, 'query CaptureProbe { regions { regionId } }', undefined, { authorization: `Bearer ${token}`, 'x-request-id': 'capture-probe' });
    expect(res.body.errors).toBeUndefined();

    const { texts, secrets } = captured();
    expect(secrets).toEqual(
      expect.arrayContaining([
        { type: 'secret', value: JWT_SECRET, label: 'GATEWAY_JWT_SECRET' },
        { type: 'secret', value: token, label: 'bearer token' },
      ]),
    );
    // The signature of the DescribeRegions call the gateway made, as the embedded emulator received it.
    expect(secrets.filter((r) => r.label === 'upstream request signature').at(-1)?.value).toMatch(/^[0-9a-f]{64}$/);
    const logs = texts.filter((r) => r.kind === 'log' && r.text.includes('"requestId":"capture-probe"'));
    expect(logs.some((r) => r.text.includes('"msg":"request"'))).toBe(true);
    expect(logs[0]?.source).toBe(`${THIS_FILE} (in-process gateway)`);
    const response = texts.find((r) => r.kind === 'response' && r.text.includes('"x-request-id":"capture-probe"'));
    expect(response?.text).toContain('"regionId":"cn-hangzhou"');
    // And the scan of all of it is clean.
    expect(scanCaptured(texts, secrets)).toEqual([]);
  });
});

describe.each(['v3', 'v1'])('an upstream refusing the gateway signature (%s) leaks nothing', (signatureVersion) => {
  let t: TestGateway;

  beforeAll(async () => {
    registerSecret(WRONG_SECRET, 'the gateway upstream secret');
    t = await startReliabilityGateway(
      { VPC_SIGNATURE_VERSION: signatureVersion, LOG_LEVEL: 'debug', NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none' },
      {
        createBackend: (options) =>
          createVpcBackend({ ...options, credentials: { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeySecret: WRONG_SECRET } }),
      },
    );
  });
  afterAll(() => t.close());

  it('answers UPSTREAM_AUTH_FAILED without the echoed string-to-sign, in the response or the logs', async () => {
    // What the upstream answers such a request: its string-to-sign, echoed.
    const direct = new SignedClient({ url: t.gateway.emulatorUrl ?? '', algorithm: signatureVersion === 'v1' ? 'V1' : 'V3' });
    const echoed = await direct.call('DescribeRegions', {}, { secret: WRONG_SECRET });
    await direct.close();
    expect(echoed.json<{ Code: string; Message: string }>()).toMatchObject({ Code: 'SignatureDoesNotMatch', Message: expect.stringMatching(/string to sign/i) as unknown as string });

    const res = await gql(t, '{ physicalConnections(first: 2) { totalCount } }', undefined, { 'x-request-id': `bad-signature-${signatureVersion}` });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_AUTH_FAILED']);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ retryable: false, upstream: { code: 'SignatureDoesNotMatch' } });

    const { texts, secrets } = captured();
    const mine = texts.filter((r) => r.text.includes(`bad-signature-${signatureVersion}`) || r.text.includes('SignatureDoesNotMatch'));
    expect(mine.filter((r) => r.kind === 'log').length).toBeGreaterThanOrEqual(2);
    expect(scanCaptured(texts, secrets)).toEqual([]);
  });
});

describe('an internal error with GATEWAY_DEBUG_ERRORS=true (stack traces shown to the client)', () => {
  let t: TestGateway;
  const signed = 'https://vpc.aliyuncs.com/?Action=DescribeRegions&Signature=bGVha2VkLXNpZ25hdHVyZQ%3D%3D';

  beforeAll(async () => {
    t = await startReliabilityGateway(
      { NODE_ENV: 'development', GATEWAY_DEBUG_ERRORS: 'true' },
      {
        // A library failing with the signed URL in its message.
        createBackend: (options) => {
          const real = createVpcBackend(options);
          return { ...real, forRequest: (o) => ({ ...real.forRequest(o), regions: () => Promise.reject(new Error(`socket hang up ${signed}`)) }) };
        },
      },
    );
  });
  afterAll(() => t.close());

  it('shows the stack with the signature redacted, like the log line', async () => {
    const res = await gql(t, '{ regions { regionId } }', undefined, { 'x-request-id': 'dev-stack' });
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', correlationId: 'dev-stack' });
    const stack = error?.extensions?.['stacktrace'] as string[];
    expect(stack[0]).toMatch(/^Error: socket hang up https:\/\/vpc\.aliyuncs\.com\/\?Action=DescribeRegions&Signature=\[REDACTED\]/);
    expect(res.raw.text).not.toContain('bGVha2VkLXNpZ25hdHVyZQ');
    expect(scanCaptured(captured().texts.filter((r) => r.text.includes('dev-stack')), [])).toEqual([]);
  });
});

