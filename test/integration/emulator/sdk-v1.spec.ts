/**
 * The legacy official client `@alicloud/pop-core` (V1 HMAC-SHA1 signatures, GET by default, POST
 * with a form body) as a client of the emulator.
 */
import RPCClient = require('@alicloud/pop-core');
import { useEmulator } from '../../support/emulator';
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET } from '../../support/signed-client';
import { ManualClock, runLifecycle, type LifecycleApi, type SdkFailure } from './sdk-lifecycle';

const REGION = 'cn-hangzhou';
const TRANSITION_MS = 1000;
const clock = new ManualClock();
const emu = useEmulator({ transitionMs: TRANSITION_MS, now: clock.now });

type Json = Record<string, unknown>;

function popClient(accessKeySecret = TEST_ACCESS_KEY_SECRET, securityToken?: string): RPCClient {
  return new RPCClient({
    accessKeyId: TEST_ACCESS_KEY_ID,
    accessKeySecret,
    endpoint: emu.url,
    apiVersion: '2016-04-28',
    ...(securityToken ? { securityToken } : {}),
  });
}

function adapter(client: RPCClient, method: 'GET' | 'POST'): LifecycleApi {
  const call = (action: string, params: Json) => client.request<Json>(action, { RegionId: REGION, ...params }, { method });
  const first = (body: Json, set: string, type: string) =>
    ((body[set] as Json | undefined)?.[type] as Json[] | undefined)?.[0];
  return {
    async createCircuit(accessPointId) {
      const body = await call('CreatePhysicalConnection', { AccessPointId: accessPointId, LineOperator: 'CU', Name: 'pop-core' });
      return String(body['PhysicalConnectionId']);
    },
    async circuitStatus(id) {
      const body = await call('DescribePhysicalConnections', { Filter: [{ Key: 'PhysicalConnectionId', Value: [id] }] });
      return first(body, 'PhysicalConnectionSet', 'PhysicalConnectionType')?.['Status'] as string | undefined;
    },
    async confirm(id) {
      await call('ConfirmPhysicalConnection', { PhysicalConnectionId: id });
    },
    async enable(id) {
      await call('EnablePhysicalConnection', { PhysicalConnectionId: id });
    },
    async createVbr(circuitId, vlanId) {
      const body = await call('CreateVirtualBorderRouter', {
        PhysicalConnectionId: circuitId,
        VlanId: vlanId,
        LocalGatewayIp: '10.1.0.1',
        PeerGatewayIp: '10.1.0.2',
        PeeringSubnetMask: '255.255.255.252',
      });
      return String(body['VbrId']);
    },
    async vbrStatus(vbrId) {
      const body = await call('DescribeVirtualBorderRouters', { Filter: [{ Key: 'VbrId', Value: [vbrId] }] });
      return first(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType')?.['Status'] as string | undefined;
    },
    async deleteVbr(vbrId) {
      await call('DeleteVirtualBorderRouter', { VbrId: vbrId });
    },
    async terminate(id, clientToken) {
      await call('TerminatePhysicalConnection', { PhysicalConnectionId: id, ClientToken: clientToken });
    },
    failureOf: popFailure,
  };
}

/** pop-core throws `Error` with `code` and the parsed body; the HTTP status is on `entry.response`. */
async function popFailure(call: () => Promise<unknown>): Promise<SdkFailure> {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; message?: string; entry?: { response?: { statusCode?: number } } };
    return { code: String(e.code), status: Number(e.entry?.response?.statusCode), message: String(e.message) };
  }
  throw new Error('expected the pop-core call to fail');
}

describe('@alicloud/pop-core (V1 signatures)', () => {
  beforeAll(() => emu.control.reset());

  it.each(['GET', 'POST'] as const)('drives the whole circuit lifecycle with %s', async (method) => {
    const seen = await runLifecycle(adapter(popClient(), method), `ap-cn-hangzhou-pop-${method.toLowerCase()}`, () =>
      clock.advance(TRANSITION_MS),
    );
    expect(seen).toEqual(['Initial', 'Allocated', 'Confirmed', 'Enabled', 'Terminating', 'Terminated']);
  });

  it('gets the emulator error with its code and HTTP status', async () => {
    const failure = await popFailure(() => adapter(popClient(), 'GET').terminate('pc-bp1doesnotexist00000', 'tok'));
    expect({ code: failure.code, status: failure.status }).toEqual({ code: 'InvalidPhysicalConnectionId.NotFound', status: 404 });
  });

  it('a wrong secret surfaces as SignatureDoesNotMatch', async () => {
    const failure = await popFailure(() => popClient('wrong').request('DescribeRegions', {}));
    expect({ code: failure.code, status: failure.status }).toEqual({ code: 'SignatureDoesNotMatch', status: 400 });
  });

  it('a security token the key pair does not have is refused', async () => {
    const failure = await popFailure(() => popClient(TEST_ACCESS_KEY_SECRET, 'CAIS-unexpected').request('DescribeRegions', {}));
    expect(failure.code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });
});
