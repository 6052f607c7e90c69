/**
 * `/_emulator/*` over real HTTP: health, call counters, state, reset and input validation.
 * (Fault endpoints: faults.spec.ts.)
 */
import { request } from 'undici';
import { useEmulator } from '../../support/emulator';
import { FakeDomain } from './fake-domain';

const domain = new FakeDomain();
const emu = useEmulator({ domain });

beforeEach(async () => {
  await emu.control.reset();
  domain.resets.length = 0;
});

describe('health and state', () => {
  it('GET /_emulator/health -> {ok: true}, with a request id header', async () => {
    const res = await request(`${emu.url}/_emulator/health`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(res.headers['x-acs-request-id']).toMatch(/^[0-9A-F-]{36}$/);
    expect(await res.body.json()).toEqual({ ok: true });
  });

  it('GET /_emulator/state is the domain snapshot', async () => {
    expect(await emu.control.state()).toMatchObject({ marker: 'fake-snapshot' });
  });
});

describe('call counters', () => {
  it('count every API request by Action (refused ones too), never control requests', async () => {
    const client = emu.client();
    await client.call('DescribeRegions', { RegionId: 'cn-hangzhou' });
    await client.call('DescribeRegions', { RegionId: 'cn-hangzhou' }, { secret: 'wrong' });
    await client.call('TerminatePhysicalConnection', { PhysicalConnectionId: 'pc-missing' });
    await client.call('NoSuchAction', {});
    await emu.client({ algorithm: 'V1' }).call('', {}, { omit: ['Action'] });
    await request(`${emu.url}/?Action=DescribeRegions&Bad=%zz`).then((r) => r.body.text());
    await emu.control.state();
    await emu.control.raw('GET', '/health');

    expect(await emu.control.calls()).toEqual({
      total: 6,
      byAction: { '(none)': 2, DescribeRegions: 2, NoSuchAction: 1, TerminatePhysicalConnection: 1 },
    });
  });

  it('DELETE /_emulator/calls zeroes them', async () => {
    await emu.client().call('DescribeRegions', {});
    expect((await emu.control.calls()).total).toBe(1);
    await emu.control.clearCalls();
    expect(await emu.control.calls()).toEqual({ total: 0, byAction: {} });
  });
});

describe('reset', () => {
  it('clears counters, faults and nonces and resets the domain to its own seed', async () => {
    const nonce = `reset-${Date.now()}`;
    await emu.client().call('DescribeRegions', {}, { nonce });
    await emu.control.addFault({ action: '*', type: 'drop' });
    await emu.control.reset();
    expect(domain.resets).toEqual([undefined]);
    expect(await emu.control.calls()).toEqual({ total: 0, byAction: {} });
    expect(await emu.control.faults()).toEqual([]);
    // The nonce memory was cleared too, so the same nonce is accepted again (and no drop fault).
    expect((await emu.client().call('DescribeRegions', {}, { nonce })).status).toBe(200);
  });

  it('passes a given seed through the seed validator to the domain', async () => {
    const seed = { Regions: [{ RegionId: 'cn-hangzhou' }] };
    await emu.control.reset({ seed });
    expect(domain.resets).toHaveLength(1);
    expect(domain.resets[0]).toMatchObject(seed);
  });

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', [], /JSON object/],
    ['an unknown field', { seeds: {} }, /unknown field "seeds"/],
    ['both seed and generate', { seed: {}, generate: { connections: 1 } }, /either "seed" or "generate"/],
    ['an invalid seed', { seed: 'a string' }, /^invalid seed: /],
    ['generate without connections', { generate: {} }, /"generate.connections" is required/],
    ['generate with a wrong type', { generate: { connections: '2' } }, /"generate.connections" has the wrong type/],
    ['generate with a bad range', { generate: { connections: 2, vbrsPerConnection: [3, 1] } }, /^invalid seed: .*vbrsPerConnection/],
    ['generate with an unknown field', { generate: { connections: 2, extra: true } }, /unknown field "generate.extra"/],
  ])('refuses %s with 400 and a clear message, leaving the domain alone', async (_what, body, message) => {
    const res = await emu.control.raw('POST', '/reset', body);
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(message);
    expect(domain.resets).toEqual([]);
  });
});

describe('routing of control requests', () => {
  it('unknown endpoint -> 404, wrong method -> 405 with Allow', async () => {
    const missing = await emu.control.raw('GET', '/nothing-here');
    expect(missing).toEqual({ status: 404, body: { error: 'unknown control endpoint /_emulator/nothing-here' } });
    const res = await request(`${emu.url}/_emulator/reset`, { method: 'GET' });
    expect(res.statusCode).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(await res.body.json()).toEqual({ error: 'GET is not allowed here; use POST' });
  });
});

describe('with the real domain', () => {
  const real = useEmulator({ transitionMs: 1000 });
  type State = { PhysicalConnections: Array<{ PhysicalConnectionId: string }>; VirtualBorderRouters: unknown[] };
  const describeAll = async () =>
    (await real.client().call('DescribePhysicalConnections', { RegionId: 'cn-hangzhou', PageSize: '50' })).json<{
      TotalCount: number;
    }>();

  it('reset {generate} replaces the data set; a bare reset brings the demo seed back', async () => {
    const demoCount = (await real.control.state<State>()).PhysicalConnections.length;
    await real.control.reset({ generate: { connections: 7, vbrsPerConnection: [2, 3], enabledWithoutVbrs: 2 } });
    const state = await real.control.state<State>();
    expect(state.PhysicalConnections).toHaveLength(7);
    expect(state.VirtualBorderRouters.length).toBeGreaterThanOrEqual(10);
    expect((await describeAll()).TotalCount).toBe(7);
    await real.control.reset();
    expect((await real.control.state<State>()).PhysicalConnections).toHaveLength(demoCount);
  });

  it('reset {seed} loads a seed given as JSON (what GET /state returned before)', async () => {
    await real.control.reset({ generate: { connections: 3 } });
    const saved = await real.control.state<State>();
    await real.control.reset();
    await real.control.reset({ seed: saved });
    expect(await real.control.state()).toEqual(saved);
  });

  it('an invalid seed is refused with the validator message and the state is unchanged', async () => {
    await real.control.reset();
    const before = await real.control.state();
    const res = await real.control.raw('POST', '/reset', { seed: { PhysicalConnections: [{ PhysicalConnectionId: 'bad id' }] } });
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/^invalid seed: /);
    expect(await real.control.state()).toEqual(before);
  });
});
