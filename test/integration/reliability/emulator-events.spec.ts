/**
 * `GET /_emulator/events`: the log of writes that actually ran. The concurrency suite relies on it
 * to count state changes, so it must leave out exactly what changes nothing: token replays,
 * refusals, DryRuns and reads.
 */
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';

const REGION = 'cn-hangzhou';

describe('emulator write log (GET /_emulator/events)', () => {
  const emu = useEmulator({ transitionMs: 60_000 });
  beforeEach(() => emu.control.reset());

  it('records a terminate once, whatever replays and refusals follow', async () => {
    const client = emu.client();
    const [id] = DEMO_IDS.enabledReadyToTerminate;
    const params = { RegionId: REGION, PhysicalConnectionId: id ?? '', ClientToken: 'events-token-1' };

    const first = await client.call('TerminatePhysicalConnection', params);
    expect(first.status).toBe(200);
    const replay = await client.call('TerminatePhysicalConnection', params);
    expect(replay.json<{ RequestId: string }>().RequestId).toBe(first.json<{ RequestId: string }>().RequestId);
    const refused = await client.call('TerminatePhysicalConnection', { ...params, ClientToken: 'events-token-2' });
    expect(refused.json<{ Code: string }>().Code).toBe('Forbidden.NotAllowedInState');
    await client.call('DescribePhysicalConnections', { RegionId: REGION });

    const events = await emu.control.events();
    expect(events).toEqual([
      {
        seq: 1,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as string,
        action: 'TerminatePhysicalConnection',
        accountId: expect.any(String) as unknown as string,
        regionId: REGION,
        resourceId: id,
        clientToken: 'events-token-1',
        requestId: first.json<{ RequestId: string }>().RequestId,
      },
    ]);
  });

  it('names the created resource of a Create, skips a DryRun, and forgets everything on reset', async () => {
    const client = emu.client();
    const created = await client.call('CreateVirtualBorderRouter', {
      RegionId: REGION,
      PhysicalConnectionId: DEMO_IDS.enabledReadyToTerminate[1] ?? '',
      VlanId: '2001',
      LocalGatewayIp: '172.16.0.1',
      PeerGatewayIp: '172.16.0.2',
      PeeringSubnetMask: '255.255.255.252',
    });
    expect(created.status).toBe(200);
    const vbrId = created.json<{ VbrId: string }>().VbrId;
    const dryRun = await client.call('RecoverPhysicalConnection', {
      RegionId: REGION,
      InstanceId: DEMO_IDS.sharedTerminatedRecoverable,
      DryRun: 'true',
    });
    expect(dryRun.status).toBe(200);

    const events = await emu.control.events();
    // The request names the circuit; the event names what was created.
    expect(vbrId).toMatch(/^vbr-/);
    expect(events.map((e) => [e.action, e.resourceId])).toEqual([['CreateVirtualBorderRouter', vbrId]]);

    await emu.control.reset();
    expect(await emu.control.events()).toEqual([]);
  });

  it('answers other methods with 405', async () => {
    const res = await emu.control.raw('DELETE', '/events');
    expect(res.status).toBe(405);
  });
});
