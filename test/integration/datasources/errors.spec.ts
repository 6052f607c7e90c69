/**
 * Error kinds for the codes the emulator answers with, over real HTTP: each upstream refusal
 * becomes the documented `UpstreamError` kind, with the upstream code, status and request id, and
 * authentication failures carry no secret, signature or string-to-sign.
 */
import { inspect } from 'node:util';
import { UpstreamError, type VpcApi } from '../../../src/datasources';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { EMULATOR_KEY, backendFor, type RecordedBackend } from './support';

const HZ = 'cn-hangzhou';

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

describe('upstream refusals -> error kinds', () => {
  const emu = useEmulator({ transitionMs: 40 });
  let rb: RecordedBackend;
  let api: VpcApi;
  beforeAll(() => {
    rb = backendFor(emu);
    api = rb.backend.api;
  });
  afterAll(() => rb.backend.close());
  beforeEach(() => emu.control.reset());

  const terminate = (physicalConnectionId: string, clientToken?: string) =>
    api.terminatePhysicalConnection({ regionId: HZ, physicalConnectionId, ...(clientToken ? { clientToken } : {}) });

  it.each([
    ['a missing circuit', () => terminate('pc-doesnotexist000000'), 'NOT_FOUND', 'InvalidPhysicalConnectionId.NotFound', 404],
    ['an unknown region', () => api.describePhysicalConnections({ regionId: 'eu-nowhere-9' }), 'NOT_FOUND', 'InvalidRegionId.NotFound', 404],
    ['a circuit not Enabled', () => terminate(DEMO_IDS.initial), 'INVALID_STATE', 'Forbidden.NotAllowedInState', 400],
    ['VBRs attached', () => terminate(DEMO_IDS.enabledWithVbrs), 'DEPENDENCY_ATTACHED', 'Forbidden.VbrAttached', 400],
    ['another account’s VBR attached', () => terminate(DEMO_IDS.enabledWithForeignVbrOnly), 'DEPENDENCY_ATTACHED', 'Forbidden.VbrAttached', 400],
    ['MACsec keys', () => terminate(DEMO_IDS.enabledWithMacsec), 'DEPENDENCY_ATTACHED', 'OperationDenied.MacsecAttached', 400],
    ['a vpconn', () => terminate(DEMO_IDS.enabledWithVpconn), 'DEPENDENCY_ATTACHED', 'OperationFailed.VpconnAttached', 400],
    ['a financial lock', () => terminate(DEMO_IDS.enabledFinancialLocked), 'LOCKED', 'OperationFailed.ResourceLockedBySystem', 400],
    ['a security lock', () => terminate(DEMO_IDS.enabledSecurityLocked), 'LOCKED', 'OperationFailed.ResourceLockedBySystem', 400],
    [
      'a VBR in the wrong state',
      () => api.terminateVirtualBorderRouter({ regionId: HZ, vbrId: DEMO_IDS.vbrs.terminatedRecoverable }),
      'INVALID_STATE',
      'InvalidOperation.OperationNotAllowedInState',
      400,
    ],
    [
      'a VLAN already used',
      () =>
        api.createVirtualBorderRouter({
          regionId: HZ,
          physicalConnectionId: DEMO_IDS.enabledWithVbrs,
          vlanId: 100,
          localGatewayIp: '10.0.0.1',
          peerGatewayIp: '10.0.0.2',
          peeringSubnetMask: '255.255.255.252',
        }),
      'BAD_REQUEST',
      'InvalidVlanId.Used',
      400,
    ],
  ] as const)('%s', async (_what, call, kind, code, httpStatus) => {
    const before = rb.calls.length;
    const error = await failure(call());
    expect(error).toMatchObject({ kind, code, httpStatus, retryable: false, attempts: 1 });
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(error.message.length).toBeGreaterThan(0);
    expect(rb.calls.length - before).toBe(1);
  });

  it('the same ClientToken with other parameters: IDEMPOTENCY_CONFLICT', async () => {
    const [first, second] = DEMO_IDS.enabledReadyToTerminate;
    await terminate(first, 'shared-token-1');
    const error = await failure(terminate(second, 'shared-token-1'));
    expect(error).toMatchObject({ kind: 'IDEMPOTENCY_CONFLICT', code: 'IdempotentParameterMismatch', retryable: false });
  });

  it('persistent throttling: THROTTLED after every attempt, each one counted by the emulator', async () => {
    await emu.control.addFault({ action: 'DescribeRegions', type: 'error', code: 'Throttling.User' });
    const error = await failure(api.describeRegions());
    expect(error).toMatchObject({ kind: 'THROTTLED', code: 'Throttling.User', httpStatus: 400, retryable: true, attempts: 4 });
    expect((await emu.control.calls()).byAction.DescribeRegions).toBe(4);
  });
});

describe.each(['v3', 'v1'] as const)('authentication failures (%s)', (signatureVersion) => {
  const emu = useEmulator({ transitionMs: 40 });
  const wrongSecret = 'Wrong-Secret-Value-1234567890';
  let wrong: RecordedBackend;
  let unknown: RecordedBackend;
  beforeAll(() => {
    wrong = backendFor(emu, { signatureVersion, credentials: { accessKeyId: EMULATOR_KEY.accessKeyId, accessKeySecret: wrongSecret } });
    unknown = backendFor(emu, { signatureVersion, credentials: { accessKeyId: 'LTAINobodyKnowsThisKey', accessKeySecret: 'whatever-secret-0001' } });
  });
  afterAll(async () => {
    await wrong.backend.close();
    await unknown.backend.close();
  });

  it('a wrong secret: AUTH SignatureDoesNotMatch, the echoed string-to-sign cut, nothing secret in the error', async () => {
    const error = await failure(wrong.backend.forRequest().terminatePhysicalConnection(HZ, DEMO_IDS.enabledReadyToTerminate[0]));
    expect(error).toMatchObject({ kind: 'AUTH', code: 'SignatureDoesNotMatch', retryable: false, attempts: 1 });
    expect(error.message).toMatch(/^Specified signature is not matched with our calculation/);
    const everything = [JSON.stringify(error), JSON.stringify(error, Object.getOwnPropertyNames(error)), inspect(error, { showHidden: true, depth: null }), error.stack ?? ''].join('\n');
    for (const leak of [wrongSecret, EMULATOR_KEY.accessKeySecret, 'string to sign', 'string-to-sign', 'Signature=', 'POST&%2F', 'ACS3-HMAC-SHA256\n']) {
      expect(everything).not.toContain(leak);
    }
    // Nothing happened upstream: the circuit is still Enabled.
    const good = backendFor(emu);
    try {
      expect(await good.backend.forRequest().freshPhysicalConnection(HZ, DEMO_IDS.enabledReadyToTerminate[0])).toMatchObject({ status: 'ENABLED' });
    } finally {
      await good.backend.close();
    }
  });

  it('(the emulator really does echo the string-to-sign, as Alibaba does: that is what was cut above)', async () => {
    const raw = await emu.client({ algorithm: signatureVersion === 'v3' ? 'V3' : 'V1', accessKeySecret: wrongSecret }).call('DescribeRegions');
    expect(raw.text).toMatch(/string to sign/i);
  });

  it('an unknown access key: AUTH InvalidAccessKeyId.NotFound', async () => {
    const error = await failure(unknown.backend.api.describeRegions());
    expect(error).toMatchObject({ kind: 'AUTH', code: 'InvalidAccessKeyId.NotFound' });
  });
});
