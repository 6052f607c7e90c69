/**
 * The official SDK 7.x (`@alicloud/vpc20160428` on `@alicloud/openapi-core`, V3 ACS3-HMAC-SHA256
 * signatures by default, ACS3-HMAC-SM3 when asked, XML error parsing when asked) as a client of the
 * emulator.
 */
import Client, * as $Vpc from '@alicloud/vpc20160428';
import { $OpenApiUtil } from '@alicloud/openapi-core';
// openapi-core's own dependency (its Config.retryOptions type); what a user writing retries imports.
import { RetryCondition, RetryOptions, RuntimeOptions } from '@darabonba/typescript';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET } from '../../support/signed-client';
import { ManualClock, runLifecycle, type LifecycleApi, type SdkFailure } from './sdk-lifecycle';

const REGION = 'cn-hangzhou';
const DEMO_READY = DEMO_IDS.enabledReadyToTerminate[0];
const TRANSITION_MS = 1000;
const clock = new ManualClock();
const emu = useEmulator({ transitionMs: TRANSITION_MS, now: clock.now });

function sdk(
  options: { signatureAlgorithm?: string; accessKeySecret?: string; format?: string; retryOptions?: RetryOptions; port?: number } = {},
): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: TEST_ACCESS_KEY_ID,
      accessKeySecret: options.accessKeySecret ?? TEST_ACCESS_KEY_SECRET,
      endpoint: `127.0.0.1:${options.port ?? emu.emulator.port}`,
      protocol: 'HTTP',
      regionId: REGION,
      ...(options.signatureAlgorithm ? { signatureAlgorithm: options.signatureAlgorithm } : {}),
      ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
      ...(options.format ? { globalParameters: new $OpenApiUtil.GlobalParameters({ queries: { Format: options.format } }) } : {}),
    }),
  );
}

function adapter(client: Client): LifecycleApi {
  const filter = (key: string, value: string) => [new $Vpc.DescribePhysicalConnectionsRequestFilter({ key, value: [value] })];
  return {
    async createCircuit(accessPointId) {
      const res = await client.createPhysicalConnection(
        new $Vpc.CreatePhysicalConnectionRequest({ regionId: REGION, accessPointId, lineOperator: 'CT', name: 'sdk-v3' }),
      );
      return res.body?.physicalConnectionId ?? '';
    },
    async circuitStatus(id) {
      const res = await client.describePhysicalConnections(
        new $Vpc.DescribePhysicalConnectionsRequest({ regionId: REGION, filter: filter('PhysicalConnectionId', id) }),
      );
      return res.body?.physicalConnectionSet?.physicalConnectionType?.[0]?.status;
    },
    async confirm(id) {
      await client.confirmPhysicalConnection(new $Vpc.ConfirmPhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id }));
    },
    async enable(id) {
      await client.enablePhysicalConnection(new $Vpc.EnablePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id }));
    },
    async createVbr(circuitId, vlanId) {
      const res = await client.createVirtualBorderRouter(
        new $Vpc.CreateVirtualBorderRouterRequest({
          regionId: REGION,
          physicalConnectionId: circuitId,
          vlanId,
          localGatewayIp: '10.0.0.1',
          peerGatewayIp: '10.0.0.2',
          peeringSubnetMask: '255.255.255.252',
        }),
      );
      return res.body?.vbrId ?? '';
    },
    async vbrStatus(vbrId) {
      const res = await client.describeVirtualBorderRouters(
        new $Vpc.DescribeVirtualBorderRoutersRequest({
          regionId: REGION,
          filter: [new $Vpc.DescribeVirtualBorderRoutersRequestFilter({ key: 'VbrId', value: [vbrId] })],
        }),
      );
      return res.body?.virtualBorderRouterSet?.virtualBorderRouterType?.[0]?.status;
    },
    async deleteVbr(vbrId) {
      await client.deleteVirtualBorderRouter(new $Vpc.DeleteVirtualBorderRouterRequest({ regionId: REGION, vbrId }));
    },
    async terminate(id, clientToken) {
      await client.terminatePhysicalConnection(
        new $Vpc.TerminatePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id, clientToken }),
      );
    },
    failureOf: sdkFailure,
  };
}

async function sdkFailure(call: () => Promise<unknown>): Promise<SdkFailure> {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; statusCode?: number; message?: string };
    return { code: String(e.code), status: Number(e.statusCode), message: String(e.message) };
  }
  throw new Error('expected the SDK call to fail');
}

describe('@alicloud/vpc20160428 (V3 signatures)', () => {
  beforeAll(() => emu.control.reset());

  it('drives the whole circuit lifecycle', async () => {
    const seen = await runLifecycle(adapter(sdk()), 'ap-cn-hangzhou-sdk-v3', () => clock.advance(TRANSITION_MS));
    expect(seen).toEqual(['Initial', 'Allocated', 'Confirmed', 'Enabled', 'Terminating', 'Terminated']);
    expect((await emu.control.calls()).byAction).toMatchObject({ TerminatePhysicalConnection: 3, CreatePhysicalConnection: 1 });
  });

  it('gets the emulator error as a ClientError with code, HTTP status and request id', async () => {
    const failure = await sdkFailure(() => adapter(sdk()).terminate('pc-bp1doesnotexist00000', 'tok-missing'));
    expect(failure.code).toBe('InvalidPhysicalConnectionId.NotFound');
    expect(failure.status).toBe(404);
    expect(failure.message).toMatch(/code: 404, .+ request id: [0-9A-F-]{36}$/);
  });

  it('a wrong secret surfaces as SignatureDoesNotMatch', async () => {
    const failure = await sdkFailure(() =>
      sdk({ accessKeySecret: 'wrong' }).describeRegions(new $Vpc.DescribeRegionsRequest({})),
    );
    expect({ code: failure.code, status: failure.status }).toEqual({ code: 'SignatureDoesNotMatch', status: 400 });
  });

  it('with signatureAlgorithm ACS3-HMAC-SM3 drives the whole lifecycle (SM3 payload hash, canonical hash and HMAC)', async () => {
    await emu.control.clearCalls();
    const seen = await runLifecycle(adapter(sdk({ signatureAlgorithm: 'ACS3-HMAC-SM3' })), 'ap-cn-hangzhou-sdk-sm3', () =>
      clock.advance(TRANSITION_MS),
    );
    expect(seen).toEqual(['Initial', 'Allocated', 'Confirmed', 'Enabled', 'Terminating', 'Terminated']);
    expect((await emu.control.calls()).byAction).toMatchObject({ TerminatePhysicalConnection: 3, CreatePhysicalConnection: 1 });
  });

  it('with ACS3-HMAC-SM3 a wrong secret is SignatureDoesNotMatch over the SM3 string-to-sign', async () => {
    const failure = await sdkFailure(() =>
      sdk({ signatureAlgorithm: 'ACS3-HMAC-SM3', accessKeySecret: 'wrong' }).describeRegions(new $Vpc.DescribeRegionsRequest({})),
    );
    expect({ code: failure.code, status: failure.status }).toEqual({ code: 'SignatureDoesNotMatch', status: 400 });
    expect(failure.message).toContain('ACS3-HMAC-SM3');
  });

  it('the same SDK with signatureAlgorithm v2 (V1 HMAC-SHA1 path) works too', async () => {
    const res = await sdk({ signatureAlgorithm: 'v2' }).describeRegions(new $Vpc.DescribeRegionsRequest({}));
    expect(res.statusCode).toBe(200);
    expect(res.body?.regions?.region?.map((r) => r.regionId)).toContain(REGION);
  });

  it('reads an XML error body when the emulator answers in XML (SDK checks the exact content type)', async () => {
    const failure = await sdkFailure(() => adapter(sdk({ format: 'XML' })).terminate('pc-bp1doesnotexist00000', 'tok-xml'));
    expect({ code: failure.code, status: failure.status }).toEqual({ code: 'InvalidPhysicalConnectionId.NotFound', status: 404 });
  });
});

describe('SDK retries against the emulator (the docs/emulator.md snippet)', () => {
  beforeEach(() => emu.control.reset());

  const retryOn = (condition: { errorCode?: string[]; exception?: string[] }) =>
    new RetryOptions({
      retryable: true,
      retryCondition: [new RetryCondition({ maxAttempts: 3, errorCode: [], exception: [], ...condition, backoff: { policy: 'Fixed', period: 10 } })],
    });

  it('RuntimeOptions({ autoretry: true }) does not retry in openapi-core 1.x: one call, the error', async () => {
    await emu.control.addFault({ action: 'DescribeRegions', type: 'error', code: 'Throttling.User', times: 2 });
    const failure = await sdkFailure(() =>
      sdk().describeRegionsWithOptions(new $Vpc.DescribeRegionsRequest({}), new RuntimeOptions({ autoretry: true, maxAttempts: 3 })),
    );
    expect(failure.code).toBe('Throttling.User');
    expect((await emu.control.calls()).total).toBe(1);
  });

  it('Config.retryOptions with a RetryCondition on the error code retries: 3 calls, then success', async () => {
    await emu.control.addFault({ action: 'DescribeRegions', type: 'error', code: 'Throttling.User', times: 2 });
    const res = await sdk({ retryOptions: retryOn({ errorCode: ['Throttling.User'] }) }).describeRegions(new $Vpc.DescribeRegionsRequest({}));
    expect(res.statusCode).toBe(200);
    expect((await emu.control.calls()).total).toBe(3);
  });

  it('a terminate whose response was lost (afterEffect drop) is retried with its ClientToken and replayed', async () => {
    const id = DEMO_READY;
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', afterEffect: true, times: 1 });
    const client = sdk({ retryOptions: retryOn({ exception: ['Error'] }) });
    const res = await client.terminatePhysicalConnection(
      new $Vpc.TerminatePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id, clientToken: 'sdk-retry-1' }),
    );
    const events = await emu.control.events();
    expect(events).toHaveLength(1);
    expect(res.body?.requestId).toBe(events[0]?.requestId);
    expect((await emu.control.calls()).byAction).toEqual({ TerminatePhysicalConnection: 2 });
  });
});

describe('flow control as the SDK sees it', () => {
  const flowClock = new ManualClock();
  const limited = useEmulator({ flowControl: { calls: 2, windowMs: 60_000 }, now: flowClock.now });

  it('beyond the quota the SDK raises its throttling error (Throttling.User, HTTP 400); the window slides on', async () => {
    const client = sdk({ port: limited.emulator.port });
    const describe = () => client.describePhysicalConnections(new $Vpc.DescribePhysicalConnectionsRequest({ regionId: REGION }));
    expect((await describe()).statusCode).toBe(200);
    expect((await describe()).statusCode).toBe(200);
    let thrown: unknown;
    try {
      await describe();
    } catch (error) {
      thrown = error;
    }
    // openapi-core's ThrottlingError: what Terraform and SDK retry conditions key on.
    expect(thrown).toMatchObject({ name: 'ThrottlingError', code: 'Throttling.User', statusCode: 400 });
    expect((thrown as Error).message).toContain('Request was denied due to user flow control.');
    expect((await limited.control.flowControl()).throttled).toEqual({ total: 1, byAction: { DescribePhysicalConnections: 1 } });
    flowClock.advance(60_000);
    expect((await describe()).statusCode).toBe(200);
  });
});
