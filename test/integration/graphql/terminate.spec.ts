/**
 * terminatePhysicalConnection end to end: real data source, real emulator over HTTP. Every error
 * code reached through the real path (emulator state, or a fault for what the state cannot
 * produce), with the whole `extensions` object.
 */
import { DEMO_IDS } from '../../../src/emulator/domain';
import type { Seed } from '../../../src/emulator/domain';
import {
  PhysicalConnectionDetailDocument,
  TerminatePhysicalConnectionDocument,
  type TerminatePhysicalConnectionMutationVariables,
} from '../../generated/graphql';
import { eventually } from '../../support/eventually';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 300 });

beforeEach(() => gw.emu.control.reset());

const [READY_A, READY_B, READY_C] = DEMO_IDS.enabledReadyToTerminate;
const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/);

function terminate(input: TerminatePhysicalConnectionMutationVariables['input']) {
  return gw.run(TerminatePhysicalConnectionDocument, { input });
}

async function terminateCalls(): Promise<number> {
  return (await gw.emu.control.calls()).byAction['TerminatePhysicalConnection'] ?? 0;
}

async function emulatorStatus(id: string): Promise<string | undefined> {
  const state = await gw.emu.control.state<Seed>();
  return state.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === id)?.Status;
}

/** The token the gateway generates when the caller gives none (errors of the write carry it). */
const GENERATED_TOKEN = expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string;

async function expectRefusal(input: TerminatePhysicalConnectionMutationVariables['input'], extensions: object) {
  const { data, errors } = await terminate(input);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors?.[0]?.path).toEqual(['terminatePhysicalConnection']);
  expect(errors?.[0]?.extensions).toEqual(extensions);
  return errors?.[0];
}

describe('a successful termination', () => {
  it('returns TERMINATING with the upstream RequestId and a generated token, then becomes TERMINATED', async () => {
    const { data, errors } = await terminate({ physicalConnectionId: READY_A });
    expect(errors).toBeUndefined();
    const payload = data?.terminatePhysicalConnection;
    expect(payload?.physicalConnection).toEqual({ id: READY_A, regionId: 'cn-hangzhou', status: 'TERMINATING' });
    expect(payload?.requestId).toEqual(UPSTREAM_REQUEST_ID);
    expect(payload?.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(await terminateCalls()).toBe(1);

    await eventually(async () => {
      const result = await gw.run(PhysicalConnectionDetailDocument, { id: READY_A });
      return result.data?.physicalConnection?.status === 'TERMINATED' ? true : undefined;
    }, 'TERMINATED through the gateway');
    expect(await emulatorStatus(READY_A)).toBe('Terminated');
  });

  it('still answers with the payload when the read after an accepted termination fails (TERMINATING from the pre-read)', async () => {
    // The terminate call is held upstream (accepted after the delay), and the circuit reads start
    // failing while it is: the post-read exhausts its retries on 503s.
    await gw.emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 400, times: 1 });
    const pending = terminate({ physicalConnectionId: READY_A, clientToken: 'post-read-fails-1' });
    await eventually(async () => ((await terminateCalls()) === 1 ? true : undefined), 'the terminate call upstream');
    await gw.emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', httpStatus: 503, code: 'ServiceUnavailable' });
    const describesBefore = (await gw.emu.control.calls()).byAction['DescribePhysicalConnections'] ?? 0;

    const { data, errors } = await pending;
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'post-read-fails-1',
      physicalConnection: { id: READY_A, regionId: 'cn-hangzhou', status: 'TERMINATING' },
    });
    // The termination happened, and the post-read really went out and failed.
    expect(await emulatorStatus(READY_A)).toBe('Terminating');
    expect((await gw.emu.control.calls()).byAction['DescribePhysicalConnections']).toBeGreaterThan(describesBefore);
    const warning = gw.logs.find((entry) => entry.msg?.startsWith('post-termination read failed'));
    expect(warning?.level).toBe('warn');
    expect(warning?.obj).toMatchObject({
      physicalConnectionId: READY_A,
      regionId: 'cn-hangzhou',
      clientToken: 'post-read-fails-1',
      upstreamRequestId: data?.terminatePhysicalConnection.requestId,
      requestId: 'req-integration',
      cause: { code: 'ServiceUnavailable', kind: 'UNAVAILABLE', httpStatus: 503 },
    });
  });

  it('terminates in another region when asked', async () => {
    const { data, errors } = await terminate({
      physicalConnectionId: DEMO_IDS.shanghaiEnabledReadyToTerminate,
      regionId: 'cn-shanghai',
    });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.physicalConnection).toEqual({
      id: DEMO_IDS.shanghaiEnabledReadyToTerminate,
      regionId: 'cn-shanghai',
      status: 'TERMINATING',
    });
  });
});

describe('the clientToken replay rule', () => {
  it('a retry with the same token succeeds again with no second effect, also after TERMINATED', async () => {
    const token = 'console-retry-7f3a';
    const first = await terminate({ physicalConnectionId: READY_B, clientToken: token });
    expect(first.errors).toBeUndefined();
    const original = first.data?.terminatePhysicalConnection;
    expect(original?.clientToken).toBe(token);
    expect(await emulatorStatus(READY_B)).toBe('Terminating');

    const retry = await terminate({ physicalConnectionId: READY_B, clientToken: token });
    expect(retry.errors).toBeUndefined();
    // The upstream replayed the original result: same RequestId, nothing changed.
    expect(retry.data?.terminatePhysicalConnection).toEqual({ ...original, physicalConnection: { ...original?.physicalConnection } });
    expect(await emulatorStatus(READY_B)).toBe('Terminating');

    await eventually(async () => ((await emulatorStatus(READY_B)) === 'Terminated' ? true : undefined), 'Terminated upstream');
    const late = await terminate({ physicalConnectionId: READY_B, clientToken: token });
    expect(late.errors).toBeUndefined();
    expect(late.data?.terminatePhysicalConnection.requestId).toBe(original?.requestId);
    expect(late.data?.terminatePhysicalConnection.physicalConnection.status).toBe('TERMINATED');
    expect(await emulatorStatus(READY_B)).toBe('Terminated');
    // Each attempt reached the upstream once: the replays went to it, not around it.
    expect(await terminateCalls()).toBe(3);
  });

  it('without a token, a retry is refused locally: NOT_ENABLED with the status, no upstream call', async () => {
    await terminate({ physicalConnectionId: READY_C });
    await expectRefusal(
      { physicalConnectionId: READY_C },
      { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: READY_C, currentStatus: 'TERMINATING' },
    );
    expect(await terminateCalls()).toBe(1);
  });

  it('a token the upstream does not know cannot terminate a TERMINATED circuit: the upstream refuses', async () => {
    await expectRefusal(
      { physicalConnectionId: DEMO_IDS.terminated, clientToken: 'never-used-before' },
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        retryable: false,
        physicalConnectionId: DEMO_IDS.terminated,
        // What the fresh read saw: the upstream refused the token for exactly that state.
        currentStatus: 'TERMINATED',
        upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
        clientToken: 'never-used-before',
      },
    );
    expect(await terminateCalls()).toBe(1);
  });

  it('another token after a termination with tok-1: refused by the upstream, currentStatus TERMINATING', async () => {
    expect((await terminate({ physicalConnectionId: READY_C, clientToken: 'tok-1' })).errors).toBeUndefined();
    await expectRefusal(
      { physicalConnectionId: READY_C, clientToken: 'tok-other' },
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        retryable: false,
        physicalConnectionId: READY_C,
        currentStatus: 'TERMINATING',
        upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
        clientToken: 'tok-other',
      },
    );
    expect(await terminateCalls()).toBe(2);
  });

  it('reusing a token for another circuit is an OPERATION_CONFLICT (IdempotentParameterMismatch)', async () => {
    const token = 'one-token-two-circuits';
    expect((await terminate({ physicalConnectionId: READY_A, clientToken: token })).errors).toBeUndefined();
    const error = await expectRefusal(
      { physicalConnectionId: READY_B, clientToken: token },
      {
        code: 'OPERATION_CONFLICT',
        retryable: false,
        physicalConnectionId: READY_B,
        reason: null,
        upstream: { code: 'IdempotentParameterMismatch', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
        clientToken: token,
      },
    );
    expect(error?.message).toContain('clientToken');
    expect(await emulatorStatus(READY_B)).toBe('Enabled');
  });
});

describe('preconditions refused locally, from fresh reads (nothing sent to TerminatePhysicalConnection)', () => {
  afterEach(async () => {
    expect(await terminateCalls()).toBe(0);
  });

  it('BAD_USER_INPUT: a hostile region never reaches the network', async () => {
    await expectRefusal(
      { physicalConnectionId: READY_A, regionId: 'cn-hangzhou.attacker.example' },
      { code: 'BAD_USER_INPUT', retryable: false, field: 'input.regionId' },
    );
    expect((await gw.emu.control.calls()).total).toBe(0);
  });

  it('BAD_USER_INPUT: an over-long clientToken', async () => {
    await expectRefusal(
      { physicalConnectionId: READY_A, clientToken: 't'.repeat(65) },
      { code: 'BAD_USER_INPUT', retryable: false, field: 'input.clientToken' },
    );
    expect((await gw.emu.control.calls()).total).toBe(0);
  });

  it('PHYSICAL_CONNECTION_NOT_FOUND', async () => {
    await expectRefusal(
      { physicalConnectionId: 'pc-bp1doesnotexist000' },
      { code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: 'pc-bp1doesnotexist000' },
    );
  });

  it('PHYSICAL_CONNECTION_NOT_FOUND for a circuit of another region', async () => {
    await expectRefusal(
      { physicalConnectionId: READY_A, regionId: 'cn-shanghai' },
      { code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: READY_A },
    );
  });

  it.each([
    [DEMO_IDS.initial, 'INITIAL'],
    [DEMO_IDS.allocating, 'ALLOCATING'],
    [DEMO_IDS.allocated, 'ALLOCATED'],
    [DEMO_IDS.confirmed, 'CONFIRMED'],
    [DEMO_IDS.canceled, 'CANCELED'],
    [DEMO_IDS.allocationFailed, 'ALLOCATION_FAILED'],
    [DEMO_IDS.terminating, 'TERMINATING'],
    [DEMO_IDS.terminated, 'TERMINATED'],
  ])('PHYSICAL_CONNECTION_NOT_ENABLED for %s (%s)', async (id, currentStatus) => {
    await expectRefusal(
      { physicalConnectionId: id },
      { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: id, currentStatus },
    );
  });

  it.each([
    [DEMO_IDS.enabledFinancialLocked, 'FINANCIAL_LOCKED'],
    [DEMO_IDS.enabledSecurityLocked, 'SECURITY_LOCKED'],
  ])('RESOURCE_LOCKED for %s (%s)', async (id, businessStatus) => {
    await expectRefusal(
      { physicalConnectionId: id },
      { code: 'RESOURCE_LOCKED', retryable: false, physicalConnectionId: id, businessStatus },
    );
  });

  it.each([
    ['terminated ones included', DEMO_IDS.enabledWithVbrs, [
      DEMO_IDS.vbrs.active,
      DEMO_IDS.vbrs.activeIpv6,
      DEMO_IDS.vbrs.terminatedRecoverable,
      DEMO_IDS.vbrs.terminatedVlanReused,
    ]],
    ['transient ones and another account\'s', DEMO_IDS.enabledWithTransientVbrs, [
      DEMO_IDS.vbrs.terminating,
      DEMO_IDS.vbrs.recovering,
      DEMO_IDS.vbrs.deleting,
      DEMO_IDS.vbrs.unconfirmedForTenant,
    ]],
    ['only another account\'s', DEMO_IDS.enabledWithForeignVbrOnly, [DEMO_IDS.vbrs.tenantActive]],
  ])('VBRS_ATTACHED lists every VBR (%s)', async (_what, id, vbrIds) => {
    await expectRefusal(
      { physicalConnectionId: id },
      { code: 'VBRS_ATTACHED', retryable: false, physicalConnectionId: id, vbrIds: [...vbrIds].sort() },
    );
  });
});

describe('vpconns and MACsec keys, seen in the fresh read of the circuit', () => {
  it.each([
    [DEMO_IDS.enabledWithVpconn, 'VPCONNS_ATTACHED', 'vpconns'],
    [DEMO_IDS.enabledWithMacsec, 'MACSEC_KEYS', 'MACsec'],
  ])('%s: OPERATION_CONFLICT (%s) refused locally, as terminationCheck says', async (id, reason, hint) => {
    const error = await expectRefusal(
      { physicalConnectionId: id },
      { code: 'OPERATION_CONFLICT', retryable: false, physicalConnectionId: id, reason },
    );
    expect(error?.message).toContain(hint);
    expect(await terminateCalls()).toBe(0);
    expect(await emulatorStatus(id)).toBe('Enabled');
  });
});

describe('a termination whose answer is lost (applied upstream, response dropped on every attempt)', () => {
  it('fails retryable WITH the generated token; a retry with it succeeds with the original RequestId and no second effect', async () => {
    // The emulator terminates, then drops the connection: on every attempt of the data source.
    await gw.emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', afterEffect: true });
    const lost = await expectRefusal(
      { physicalConnectionId: READY_A },
      {
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
        upstream: { code: expect.stringMatching(/^Transport\./) as unknown as string, httpStatus: 0, requestId: null },
        clientToken: GENERATED_TOKEN,
      },
    );
    const token = lost?.extensions?.['clientToken'] as string;
    const [effect, ...others] = await gw.emu.control.events();
    expect(others).toEqual([]);
    expect(effect).toMatchObject({ action: 'TerminatePhysicalConnection', resourceId: READY_A, clientToken: token });

    // Without the token the retry is refused (the circuit is TERMINATING): the token is the way back.
    await gw.emu.control.clearFaults();
    const retried = await terminate({ physicalConnectionId: READY_A, clientToken: token });
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.terminatePhysicalConnection).toMatchObject({
      requestId: effect?.requestId,
      clientToken: token,
      physicalConnection: { id: READY_A, status: 'TERMINATING' },
    });
    expect(await gw.emu.control.events()).toHaveLength(1);
  });
});

describe('the race: preconditions pass, then the upstream refuses (injected fault)', () => {
  it.each([
    ['Forbidden.VbrAttached', { code: 'VBRS_ATTACHED', vbrIds: null }, 'still has VBRs attached'],
    ['Forbidden.NotAllowedInState', { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', currentStatus: null }, 'is not ENABLED'],
    ['OperationFailed.ResourceLockedBySystem', { code: 'RESOURCE_LOCKED', businessStatus: null }, 'locked'],
    ['InvalidPhysicalConnectionId.NotFound', { code: 'PHYSICAL_CONNECTION_NOT_FOUND' }, 'does not exist'],
    ['OperationFailed.VpconnAttached', { code: 'OPERATION_CONFLICT', reason: 'VPCONNS_ATTACHED' }, 'vpconns'],
    ['OperationDenied.MacsecAttached', { code: 'OPERATION_CONFLICT', reason: 'MACSEC_KEYS' }, 'MACsec keys'],
  ])('%s maps to the precondition code, with upstream details', async (code, expected, hint) => {
    await gw.emu.control.addFault({
      action: 'TerminatePhysicalConnection',
      type: 'error',
      httpStatus: code.endsWith('NotFound') ? 404 : 400,
      code,
      times: 1,
    });
    const error = await expectRefusal(
      { physicalConnectionId: READY_A },
      {
        retryable: false,
        physicalConnectionId: READY_A,
        ...expected,
        upstream: { code, httpStatus: code.endsWith('NotFound') ? 404 : 400, requestId: UPSTREAM_REQUEST_ID },
        clientToken: GENERATED_TOKEN,
      },
    );
    expect(error?.message).toContain(hint);
    expect(await terminateCalls()).toBe(1);
    expect(await emulatorStatus(READY_A)).toBe('Enabled');
  });
});

describe('upstream health and credentials', () => {
  it('UPSTREAM_THROTTLED after the data source retries are spent', async () => {
    await gw.emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', code: 'Throttling.User' });
    await expectRefusal(
      { physicalConnectionId: READY_A },
      { code: 'UPSTREAM_THROTTLED', retryable: true, upstream: { code: 'Throttling.User', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID } },
    );
    expect(await terminateCalls()).toBe(0);
  });

  it('UPSTREAM_UNAVAILABLE on 503s, and on a dropped connection (no response at all)', async () => {
    await gw.emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', httpStatus: 503, code: 'ServiceUnavailable' });
    await expectRefusal(
      { physicalConnectionId: READY_A },
      {
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
        upstream: { code: 'ServiceUnavailable', httpStatus: 503, requestId: UPSTREAM_REQUEST_ID },
        clientToken: GENERATED_TOKEN,
      },
    );
    await gw.emu.control.clearFaults();
    await gw.emu.control.addFault({ action: 'DescribeVirtualBorderRoutersForPhysicalConnection', type: 'drop' });
    const error = await expectRefusal(
      { physicalConnectionId: READY_A },
      { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstream: { code: expect.stringMatching(/^Transport\./), httpStatus: 0, requestId: null } },
    );
    expect(error?.message).toBe('The VPC API is temporarily unavailable; retry after a backoff.');
  });

  it('UPSTREAM_AUTH_FAILED with a wrong secret, without echoing the string-to-sign', async () => {
    const wrong = gw.backend({ credentials: { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'not-the-secret' } });
    const { data, errors } = await gw.run(TerminatePhysicalConnectionDocument, { input: { physicalConnectionId: READY_A } }, wrong);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_AUTH_FAILED',
      retryable: false,
      upstream: { code: 'SignatureDoesNotMatch', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
    });
    const everything = JSON.stringify({ errors, logs: gw.logs });
    expect(everything).not.toMatch(/not-the-secret|string.?to.?sign is:\s*\S/i);
    expect(await terminateCalls()).toBe(0);
  });

  it('UPSTREAM_ERROR for an upstream code the gateway has no mapping for', async () => {
    await gw.emu.control.addFault({
      action: 'TerminatePhysicalConnection',
      type: 'error',
      httpStatus: 400,
      code: 'OperationFailed.SomethingNew',
      times: 1,
    });
    await expectRefusal(
      { physicalConnectionId: READY_A },
      {
        code: 'UPSTREAM_ERROR',
        retryable: false,
        upstream: { code: 'OperationFailed.SomethingNew', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
        clientToken: GENERATED_TOKEN,
      },
    );
  });
});
