/**
 * `afterEffect` faults over real HTTP against the real domain: the write happens (state, write
 * log, ClientToken) and only its response is lost, cut, garbled or late. This is the ambiguous
 * failure ClientTokens exist for, so each case ends with a same-token retry that must replay the
 * original RequestId without a second state change.
 */
import { Agent, request } from 'undici';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { eventually } from '../../support/eventually';

const HZ = 'cn-hangzhou';
const READY = DEMO_IDS.enabledReadyToTerminate[0];
// Long enough that nothing leaves Terminating while a test runs.
const emu = useEmulator({ transitionMs: 600_000 });
const agent = new Agent({ keepAliveTimeout: 1000 });

afterAll(() => agent.close());
beforeEach(() => emu.control.reset());

function terminate(token: string) {
  return { RegionId: HZ, PhysicalConnectionId: READY, ClientToken: token };
}

async function circuitStatus(id: string): Promise<string | undefined> {
  const state = await emu.control.state<{ PhysicalConnections: Array<{ PhysicalConnectionId: string; Status: string }> }>();
  return state.PhysicalConnections.find((c) => c.PhysicalConnectionId === id)?.Status;
}

/** Sends a signed terminate with undici directly (status, headers and body read separately). */
async function rawTerminate(token: string, signal?: AbortSignal) {
  const prepared = emu.client().prepare('TerminatePhysicalConnection', terminate(token));
  return request(`${emu.url}${prepared.path}`, {
    method: prepared.method,
    headers: prepared.headers,
    ...(prepared.body !== undefined ? { body: prepared.body } : {}),
    dispatcher: agent,
    ...(signal ? { signal } : {}),
  });
}

/** Sends a terminate and gives up once the emulator holds it (its latency fault was hit). */
async function terminateAndGiveUp(token: string): Promise<void> {
  const controller = new AbortController();
  const sent = rawTerminate(token, controller.signal);
  await eventually(async () => (((await emu.control.faults())[0]?.hits ?? 0) > 0 ? true : undefined), 'the latency fault to hold the call');
  controller.abort();
  await expect(sent).rejects.toThrow();
}

/** The retry a careful client makes: same token; must replay, not act again. */
async function expectReplay(token: string, originalRequestId: string) {
  const retry = await emu.client().call('TerminatePhysicalConnection', terminate(token));
  expect(retry.status).toBe(200);
  expect(retry.json<{ RequestId: string }>().RequestId).toBe(originalRequestId);
  const events = await emu.control.events();
  expect(events).toHaveLength(1);
  return retry;
}

describe('afterEffect: the operation runs, then the response is lost', () => {
  it('drop: the client sees a dropped connection, the write happened, a same-token retry replays it', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', afterEffect: true, times: 1 });
    await expect(emu.client().call('TerminatePhysicalConnection', terminate('lost-1'))).rejects.toThrow(/other side closed|socket/i);

    const events = await emu.control.events();
    expect(events).toEqual([
      expect.objectContaining({ action: 'TerminatePhysicalConnection', resourceId: READY, clientToken: 'lost-1' }),
    ]);
    expect(await circuitStatus(READY)).toBe('Terminating');
    await expectReplay('lost-1', events[0]?.requestId ?? 'missing');
    expect((await emu.control.calls()).byAction).toEqual({ TerminatePhysicalConnection: 2 });
  });

  it('without afterEffect the same drop changes nothing (today\'s default)', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', times: 1 });
    await expect(emu.client().call('TerminatePhysicalConnection', terminate('lost-2'))).rejects.toThrow();
    expect(await emu.control.events()).toEqual([]);
    expect(await circuitStatus(READY)).toBe('Enabled');
  });

  it('truncated: the real response is announced in full and cut half way', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'truncated', afterEffect: true, times: 1 });
    const res = await rawTerminate('cut-1');
    expect(res.statusCode).toBe(200);
    const announced = Number(res.headers['content-length']);
    await expect(res.body.text()).rejects.toThrow();

    const [event] = await emu.control.events();
    expect(event).toMatchObject({ clientToken: 'cut-1', resourceId: READY });
    const replay = await expectReplay('cut-1', event?.requestId ?? 'missing');
    // The replay's body is the original one: the truncated response was that body, not a stand-in.
    expect(Buffer.byteLength(replay.text)).toBe(announced);
  });

  it('malformed: 200 with a body that does not parse, after the write', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'malformed', afterEffect: true, times: 1 });
    const res = await emu.client().call('TerminatePhysicalConnection', terminate('garbled-1'));
    expect(res.status).toBe(200);
    expect(() => res.json()).toThrow(SyntaxError);
    const [event] = await emu.control.events();
    expect(event).toMatchObject({ clientToken: 'garbled-1' });
    await expectReplay('garbled-1', event?.requestId ?? 'missing');
  });

  it('a refused operation stays refused: the fault only hides the refusal, no write is logged', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'drop', afterEffect: true, times: 1 });
    const prepared = emu.client().prepare('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: 'pc-nosuchcircuit000000' });
    await expect(emu.client().send(prepared)).rejects.toThrow();
    expect(await emu.control.events()).toEqual([]);
    expect(await emu.control.faults()).toMatchObject([{ remaining: 0, hits: 1 }]);
  });
});

describe('afterEffect latency', () => {
  it('the write is visible before the delayed answer, which then arrives intact', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 400, afterEffect: true, times: 1 });
    const started = Date.now();
    const pending = emu.client().call('TerminatePhysicalConnection', terminate('late-1'));
    // The write shows while the answer is still held back (polled: no fixed delay to miss).
    const [event] = await eventually(async () => {
      const events = await emu.control.events();
      return events.length > 0 ? events : undefined;
    }, 'the write');
    expect(event).toMatchObject({ clientToken: 'late-1' });
    expect(await Promise.race([pending.then(() => 'answered'), Promise.resolve('pending')])).toBe('pending');
    const res = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(res.status).toBe(200);
    expect(res.json<{ RequestId: string }>().RequestId).toBe(event?.requestId);
  });

  it('a client that gives up during the delay does not undo the write', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 60_000, afterEffect: true, times: 1 });
    await terminateAndGiveUp('gave-up-1');
    const [event] = await emu.control.events();
    expect(event).toMatchObject({ clientToken: 'gave-up-1' });
    expect(await circuitStatus(READY)).toBe('Terminating');
    await expectReplay('gave-up-1', event?.requestId ?? 'missing');
  });

  it('without afterEffect, a client that gives up during the delay leaves no write (today\'s default)', async () => {
    await emu.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 60_000, times: 1 });
    // It arrives (the fault holds it), the client leaves, and nothing was written.
    await terminateAndGiveUp('gave-up-2');
    expect(await emu.control.events()).toEqual([]);
    expect(await circuitStatus(READY)).toBe('Enabled');
  });
});

describe('afterEffect validation', () => {
  it('is refused with 400 on an error fault, and must be a boolean', async () => {
    expect(await emu.control.raw('POST', '/faults', { action: '*', type: 'error', afterEffect: true })).toEqual({
      status: 400,
      body: {
        error:
          '"afterEffect" applies only to types drop, truncated, malformed, latency (an "error" after the operation ran would hide that it did)',
      },
    });
    expect((await emu.control.raw('POST', '/faults', { action: '*', type: 'drop', afterEffect: 'true' })).status).toBe(400);
    expect(await emu.control.faults()).toEqual([]);
  });
});
