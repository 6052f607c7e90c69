/**
 * The emulator's flow control over real HTTP with real signatures: the quota per account, region
 * and action on the emulator's clock, the real API's answer beyond it (JSON and XML), what counts,
 * and the control view (`/_emulator/flow-control`).
 */
import { DEFAULT_ACCESS_KEY } from '../../../src/emulator';
import { useEmulator } from '../../support/emulator';
import { ManualClock } from './sdk-lifecycle';

const REGION = 'cn-hangzhou';
const WINDOW_MS = 60_000;
const clock = new ManualClock();
const OTHER_ACCOUNT = { accessKeyId: 'LTAIOtherAccount', accessKeySecret: 'OtherAccountSecret', accountId: '1688000000000009' };
const emu = useEmulator({
  flowControl: { calls: 3, windowMs: WINDOW_MS },
  now: clock.now,
  accessKeys: [{ ...DEFAULT_ACCESS_KEY }, OTHER_ACCOUNT],
});

beforeEach(() => emu.control.reset());

const describeCircuits = (options: { secret?: string; format?: string; regionId?: string } = {}) =>
  emu
    .client({ now: clock.now, ...(options.format === undefined ? {} : { format: options.format }) })
    .call('DescribePhysicalConnections', { RegionId: options.regionId ?? REGION }, options.secret === undefined ? {} : { secret: options.secret });

describe('flow control', () => {
  it('answers the quota, then HTTP 400 Throttling.User with the usual error body and no Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await describeCircuits()).status).toBe(200);
    const refused = await describeCircuits();
    expect(refused.status).toBe(400);
    expect(refused.headers['retry-after']).toBeUndefined();
    const body = refused.json<Record<string, string>>();
    expect(body).toEqual({
      RequestId: refused.headers['x-acs-request-id'],
      HostId: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as unknown as string,
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
      Recommend: `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=Throttling.User&product=Vpc&requestId=${refused.headers['x-acs-request-id']}`,
    });
  });

  it('answers in XML when the request asks for XML', async () => {
    for (let i = 0; i < 3; i++) await describeCircuits({ format: 'XML' });
    const refused = await describeCircuits({ format: 'XML' });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(refused.text).toContain('<Code>Throttling.User</Code>');
    expect(refused.text).toContain('<Message>Request was denied due to user flow control.</Message>');
  });

  it('slides on the emulator clock: a slot frees one window after the call that took it', async () => {
    await describeCircuits();
    clock.advance(30_000);
    await describeCircuits();
    await describeCircuits();
    expect((await describeCircuits()).status).toBe(400);
    clock.advance(30_000);
    expect((await describeCircuits()).status).toBe(200);
    expect((await describeCircuits()).status).toBe(400);
  });

  it('counts per region, action and main account', async () => {
    for (let i = 0; i < 3; i++) await describeCircuits();
    expect((await describeCircuits()).status).toBe(400);
    expect((await describeCircuits({ regionId: 'cn-shanghai' })).status).toBe(200);
    expect((await emu.client({ now: clock.now }).call('DescribeVirtualBorderRouters', { RegionId: REGION })).status).toBe(200);
    const other = emu.client({ now: clock.now, accessKeyId: OTHER_ACCOUNT.accessKeyId, accessKeySecret: OTHER_ACCOUNT.accessKeySecret });
    expect((await other.call('DescribePhysicalConnections', { RegionId: REGION })).status).toBe(200);
  });

  it('counts business refusals but not requests refused by authentication nor throttled ones', async () => {
    const client = emu.client({ now: clock.now });
    // Refused by the operation (no such circuit): it reached the API, so it counts.
    expect((await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: 'pc-missing' })).status).toBe(404);
    // Refused by authentication: never reached flow control.
    for (let i = 0; i < 5; i++) expect((await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: 'pc-missing' }, { secret: 'wrong' })).status).toBe(400);
    expect((await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: 'pc-missing' })).status).toBe(404);
    expect((await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: 'pc-missing' })).status).toBe(404);
    const refused = await client.call('TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: 'pc-missing' });
    expect(refused.json()).toMatchObject({ Code: 'Throttling.User' });
  });

  it('shows throttled counts and the current windows in /_emulator/flow-control; reset clears them', async () => {
    for (let i = 0; i < 5; i++) await describeCircuits();
    expect(await emu.control.flowControl()).toEqual({
      limit: { calls: 3, windowMs: WINDOW_MS },
      throttled: { total: 2, byAction: { DescribePhysicalConnections: 2 } },
      windows: [{ accountId: DEFAULT_ACCESS_KEY.accountId, regionId: REGION, action: 'DescribePhysicalConnections', calls: 3 }],
    });
    // Every request is still a call in /_emulator/calls, throttled or not.
    expect((await emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 5 });
    await emu.control.reset();
    expect(await emu.control.flowControl()).toEqual({ limit: { calls: 3, windowMs: WINDOW_MS }, throttled: { total: 0, byAction: {} }, windows: [] });
    expect((await describeCircuits()).status).toBe(200);
  });

  it('DELETE /_emulator/flow-control empties the windows without a reset', async () => {
    for (let i = 0; i < 4; i++) await describeCircuits();
    expect((await emu.control.raw('DELETE', '/flow-control')).status).toBe(200);
    expect((await describeCircuits()).status).toBe(200);
    expect((await emu.control.raw('POST', '/flow-control')).status).toBe(405);
  });
});
