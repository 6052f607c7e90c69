/**
 * `/_emulator/*` over real HTTP: health, call counters, state, reset and input validation.
 * (Fault endpoints: faults.spec.ts.)
 */
import { request } from 'undici';
import { MAX_FAULT_BODY_BYTES, MAX_RESET_BODY_BYTES } from '../../../src/emulator/control/endpoints';
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

/** A control request as a web page (or anything else) could send it, headers under the test's control. */
async function send(path: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}) {
  const res = await request(`${emu.url}/_emulator${path}`, { method: options.method ?? 'GET', headers: options.headers, body: options.body });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const DROP_FAULT = JSON.stringify({ action: '*', type: 'drop' });

describe('what a web page could send is refused', () => {
  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('POST with %s -> 415 before the body is read; nothing is reset or added', async (_what, headers) => {
    await emu.control.addFault({ action: 'Explode', type: 'drop' });
    domain.resets.length = 0;
    const reset = await send('/reset', { method: 'POST', headers, body: '{}' });
    expect(reset.status).toBe(415);
    expect(reset.headers['connection']).toBe('close');
    expect((reset.body as { error: string }).error).toMatch(/Content-Type: application\/json/);
    expect((await send('/reset', { method: 'POST', headers })).status).toBe(415);
    expect((await send('/faults', { method: 'POST', headers, body: DROP_FAULT })).status).toBe(415);
    expect(domain.resets).toEqual([]);
    expect(await emu.control.faults()).toMatchObject([{ action: 'Explode' }]);
  });

  it('JSON with parameters or in another case is JSON; a bodiless JSON POST is a plain reset', async () => {
    expect((await send('/faults', { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: DROP_FAULT })).status).toBe(201);
    expect((await send('/reset', { method: 'POST', headers: JSON_TYPE })).status).toBe(200);
    expect(domain.resets).toEqual([undefined]);
  });

  it.each(['evil.example', 'evil.example:80', '127.0.0.1.evil.example', 'localhost.evil.example', '[::2]'])(
    'a foreign Host (%s, as after DNS rebinding) -> 403, even for reading',
    async (host) => {
      const read = await send('/state', { headers: { host } });
      expect(read.status).toBe(403);
      expect((read.body as { error: string }).error).toMatch(/loopback Host/);
      expect((await send('/reset', { method: 'POST', headers: { ...JSON_TYPE, host } })).status).toBe(403);
      expect(domain.resets).toEqual([]);
    },
  );

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]', '127.0.0.2', '[0:0:0:0:0:0:0:1]'])('a loopback Host (%s:<port>) is served', async (name) => {
    expect((await send('/state', { headers: { host: `${name}:${emu.emulator.port}` } })).status).toBe(200);
  });

  it('API requests are not subject to the Host rule (they are signed)', async () => {
    const res = await request(`${emu.url}/?Action=DescribeRegions`, { headers: { host: 'evil.example' } });
    await res.body.text();
    expect(res.statusCode).not.toBe(403);
  });
});

describe('body limits', () => {
  /** Valid JSON of exactly `bytes` bytes: `json` padded with spaces. */
  const padded = (json: string, bytes: number) => json + ' '.repeat(bytes - json.length);

  it(`a fault body up to ${MAX_FAULT_BODY_BYTES} bytes is read, a larger one gets 413`, async () => {
    expect((await send('/faults', { method: 'POST', headers: JSON_TYPE, body: padded(DROP_FAULT, MAX_FAULT_BODY_BYTES) })).status).toBe(201);
    const res = await send('/faults', { method: 'POST', headers: JSON_TYPE, body: padded(DROP_FAULT, MAX_FAULT_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.headers['connection']).toBe('close');
    expect(await emu.control.faults()).toHaveLength(1);
  });

  it(`a reset body over ${MAX_RESET_BODY_BYTES} bytes gets 413 and resets nothing`, async () => {
    const res = await send('/reset', { method: 'POST', headers: JSON_TYPE, body: padded('{}', MAX_RESET_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(domain.resets).toEqual([]);
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

  it('takes a seed as large as the largest the bench posts (bench/lib/seed.mjs: 9 055 circuits)', async () => {
    await real.control.reset({ generate: { connections: 50, vbrsPerConnection: [2, 3] } });
    const state = await real.control.state<State>();
    const template = state.PhysicalConnections[0];
    for (let i = 0; i < 9_005; i += 1) {
      state.PhysicalConnections.push({ ...template, PhysicalConnectionId: `pc-bp1spare${i.toString(36).padStart(12, '0')}` });
    }
    const body = JSON.stringify({ seed: state });
    expect(body.length).toBeGreaterThan(4_000_000);
    expect((await real.control.raw('POST', '/reset', body)).status).toBe(200);
    expect((await real.control.state<State>()).PhysicalConnections).toHaveLength(9_055);
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
