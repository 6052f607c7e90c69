/**
 * Fault injection over real HTTP: every fault type, `times`, `probability` (with an injected
 * random source), `*`, combined latency, listing and deleting. A faulted request is counted but
 * never reaches the domain.
 */
import { Agent, request } from 'undici';
import { MAX_ACTIVE_FAULTS } from '../../../src/emulator/control/faults';
import { useEmulator } from '../../support/emulator';
import { SignedClient } from '../../support/signed-client';
import { FakeDomain } from './fake-domain';

const domain = new FakeDomain();
/** The dice the emulator rolls for `probability`; tests queue the rolls they want. */
const rolls: number[] = [];
const emu = useEmulator({ domain, random: () => rolls.shift() ?? 0.999 });
const terminate = { PhysicalConnectionId: 'pc-1' };

beforeEach(async () => {
  await emu.control.reset();
  domain.dispatched.length = 0;
  rolls.length = 0;
});

describe('error faults', () => {
  it('answer an Alibaba error body with the given status, code, message and x-acs-retry-after', async () => {
    await emu.control.addFault({
      action: 'TerminatePhysicalConnection',
      type: 'error',
      httpStatus: 400,
      code: 'Throttling.User',
      retryAfterMs: 7000,
    });
    const res = await emu.client().call('TerminatePhysicalConnection', terminate);
    expect(res.status).toBe(400);
    expect(res.headers['x-acs-retry-after']).toBe('7000');
    expect(res.json()).toMatchObject({
      RequestId: res.headers['x-acs-request-id'],
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
      Recommend: expect.stringContaining('q=Throttling.User'),
    });
    expect(domain.dispatched).toEqual([]);
  });

  it('default to 503 ServiceUnavailable, rendered in the requested Format, only for the named action', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error' });
    const xml = await emu.client({ format: 'XML' }).call('TerminatePhysicalConnection', terminate);
    expect(xml.status).toBe(503);
    expect(xml.text).toContain('<Code>ServiceUnavailable</Code>');
    expect(xml.headers['x-acs-retry-after']).toBeUndefined();
    expect((await emu.client().call('DescribeRegions', {})).status).toBe(200);
  });

  it('apply before authentication (a badly signed request still gets the fault)', async () => {
    await emu.control.addFault({ action: '*', type: 'error', httpStatus: 500, code: 'InternalError' });
    const res = await emu.client().call('DescribeRegions', {}, { secret: 'wrong' });
    expect(res.json()).toMatchObject({ Code: 'InternalError' });
  });

  it('do not apply to requests that fail routing (unknown action)', async () => {
    await emu.control.addFault({ action: '*', type: 'drop' });
    expect((await emu.client().call('NoSuchAction', {})).json()).toMatchObject({ Code: 'InvalidAction.NotFound' });
  });
});

describe('latency faults', () => {
  it('delay the response, then serve it normally', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 200, times: 1 });
    const started = Date.now();
    const res = await emu.client().call('TerminatePhysicalConnection', terminate);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(200);
    expect(domain.dispatched).toHaveLength(1);
  });

  it('combine with another type through latencyMs', async () => {
    await emu.control.addFault({ action: '*', type: 'error', latencyMs: 150, code: 'ServiceUnavailable' });
    const started = Date.now();
    const res = await emu.client().call('DescribeRegions', {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(503);
    expect(domain.dispatched).toEqual([]);
  });
});

describe('broken transports', () => {
  it('drop: the socket closes with no response at all', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', times: 1 });
    await expect(emu.client().call('TerminatePhysicalConnection', terminate)).rejects.toThrow(/other side closed|socket/i);
    expect(domain.dispatched).toEqual([]);
    expect((await emu.client().call('TerminatePhysicalConnection', terminate)).status).toBe(200);
  });

  it('malformed: 200 with a JSON body that does not parse', async () => {
    await emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'malformed' });
    const res = await emu.client().call('DescribePhysicalConnections', { RegionId: 'cn-hangzhou' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(() => res.json()).toThrow(SyntaxError);
    expect(domain.dispatched).toEqual([]);
  });

  it('truncated: a Content-Length is announced and the socket closes half way', async () => {
    await emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'truncated' });
    const agent = new Agent();
    try {
      const client = emu.client();
      const prepared = client.prepare('DescribePhysicalConnections', { RegionId: 'cn-hangzhou' });
      const res = await request(`${emu.url}${prepared.path}`, { method: prepared.method, headers: prepared.headers, dispatcher: agent });
      expect(res.statusCode).toBe(200);
      expect(Number(res.headers['content-length'])).toBeGreaterThan(20);
      await expect(res.body.text()).rejects.toThrow();
    } finally {
      await agent.close();
    }
    expect(domain.dispatched).toEqual([]);
  });
});

describe('times, probability and bookkeeping', () => {
  it('times limits how many calls are affected; GET lists remaining counts', async () => {
    const id = await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', times: 2 });
    expect(await emu.control.faults()).toEqual([
      { id, action: 'TerminatePhysicalConnection', type: 'error', times: 2, remaining: 2, hits: 0 },
    ]);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await emu.client().call('TerminatePhysicalConnection', terminate)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(await emu.control.faults()).toMatchObject([{ id, remaining: 0, hits: 2 }]);
  });

  it('probability fires on the injected dice rolls below it, and misses do not spend times', async () => {
    await emu.control.addFault({ action: '*', type: 'error', probability: 0.5, times: 2 });
    rolls.push(0.9, 0.2, 0.7, 0.1, 0.3);
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await emu.client().call('DescribeRegions', {})).status);
    // Rolls 0.9 miss, 0.2 hit, 0.7 miss, 0.1 hit; then the fault is spent and 0.3 is never rolled.
    expect(statuses).toEqual([200, 503, 200, 503, 200]);
    expect(rolls).toEqual([0.3]);
  });

  it('faulted requests are still counted as calls', async () => {
    await emu.control.addFault({ action: '*', type: 'error' });
    await emu.client().call('DescribeRegions', {});
    expect(await emu.control.calls()).toEqual({ total: 1, byAction: { DescribeRegions: 1 } });
  });

  it('DELETE /_emulator/faults/<id> removes one, DELETE /_emulator/faults removes all', async () => {
    const first = await emu.control.addFault({ action: 'DescribeRegions', type: 'error' });
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error' });
    expect((await emu.control.raw('DELETE', `/faults/${first}`)).status).toBe(200);
    expect((await emu.control.raw('DELETE', `/faults/${first}`)).status).toBe(404);
    expect((await emu.client().call('DescribeRegions', {})).status).toBe(200);
    expect((await emu.client().call('TerminatePhysicalConnection', terminate)).status).toBe(503);
    await emu.control.clearFaults();
    expect((await emu.client().call('TerminatePhysicalConnection', terminate)).status).toBe(200);
  });

  it(`a fault beyond ${MAX_ACTIVE_FAULTS} active ones is refused with 409 until some are deleted`, async () => {
    for (let i = 0; i < MAX_ACTIVE_FAULTS; i += 1) await emu.control.addFault({ action: 'DescribeRegions', type: 'error' });
    const refused = await emu.control.raw('POST', '/faults', { action: '*', type: 'drop' });
    expect(refused.status).toBe(409);
    expect((refused.body as { error: string }).error).toMatch(/DELETE \/_emulator\/faults/);
    await emu.control.clearFaults();
    expect((await emu.control.raw('POST', '/faults', { action: '*', type: 'drop' })).status).toBe(201);
  });

  it('an invalid fault is refused with 400 and a clear message', async () => {
    const res = await emu.control.raw('POST', '/faults', { action: '*', type: 'error', httpStatus: 302 });
    expect(res).toEqual({ status: 400, body: { error: '"httpStatus" must be an integer from 400 to 599' } });
    expect(await emu.control.faults()).toEqual([]);
  });

  it('a fault for an action the domain does not implement is refused with 400 (a typo would never fire)', async () => {
    const res = await emu.control.raw('POST', '/faults', { action: 'TerminatePhysicalConection', type: 'drop' });
    expect(res).toEqual({
      status: 400,
      body: { error: '"action" TerminatePhysicalConection is not an action this emulator implements (or "*")' },
    });
    expect(await emu.control.faults()).toEqual([]);
    // What counts is the domain's own list (the stand-in here has an `Explode` action).
    expect((await emu.control.raw('POST', '/faults', { action: 'Explode', type: 'drop' })).status).toBe(201);
  });
});

describe('stop() during an injected latency', () => {
  it('does not wait for the pending delay', async () => {
    const { startEmulator } = await import('../../../src/emulator');
    const other = await startEmulator({ domain: new FakeDomain() });
    const agent = new Agent();
    try {
      const added = await request(`${other.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: '*', type: 'latency', latencyMs: 60_000 }),
        dispatcher: agent,
      });
      expect(added.statusCode).toBe(201);
      await added.body.text();
      const client = new SignedClient({ url: other.url });
      const settled = client.call('DescribeRegions', {}).finally(() => client.close()).then(
        () => 'answered',
        () => 'closed',
      );
      await new Promise((r) => setTimeout(r, 50));
      // The 60 s delay would blow the test timeout if stop() waited for it.
      await other.stop();
      expect(await settled).toBe('closed');
    } finally {
      await agent.close();
      await other.stop();
    }
  });
});
