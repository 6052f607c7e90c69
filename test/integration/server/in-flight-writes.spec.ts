/**
 * A terminate handed to the upstream outlives the HTTP client that asked for it, over real HTTP:
 * the client hangs up while the emulator holds the write, the write still runs (the emulator's
 * `/_emulator/events` has it), and the audit line says what became of it. A client that hangs up
 * before the write is sent cancels the mutation with nothing sent. A shutdown waits for a write
 * in flight whose client is gone.
 */
import { Agent, request } from 'undici';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { eventually } from '../../support/eventually';
import { tapUpstreamCredentials } from '../../support/log-capture';
import { startTestGateway, terminableConnectionId, type LogLine, type TestGateway } from './support';

const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;

/**
 * Sends the terminate over a connection of its own and hangs up (destroys the socket) once
 * `ready` says so. Resolves when the client has given up.
 */
async function terminateThenHangUp(t: TestGateway, input: Record<string, unknown>, requestId: string, ready: () => Promise<boolean>): Promise<void> {
  const agent = new Agent();
  const controller = new AbortController();
  const pending = request(`${t.url}/graphql`, {
    method: 'POST',
    dispatcher: agent,
    signal: controller.signal,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: TERMINATE, variables: { input } }),
  }).then(
    () => 'answered',
    (error: unknown) => (error as { name?: string }).name,
  );
  await eventually(async () => ((await ready()) ? true : undefined), 'the moment to hang up');
  controller.abort();
  try {
    // The gateway must not have answered first: then nobody hung up on anything.
    expect(await pending).toBe('AbortError');
  } finally {
    await agent.close();
  }
}

const auditOf = (t: TestGateway, requestId: string): LogLine | undefined =>
  t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === requestId)[0];

const errorLines = (t: TestGateway, requestId: string): LogLine[] =>
  t.logs.find((l) => (l.level === 'error' || l.level === 'fatal') && (l['requestId'] === requestId || l['requestId'] === undefined));

describe('a write in flight when its client hangs up', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset();
  });

  it('still runs upstream, and the audit line says accepted, with the RequestId and the token', async () => {
    const id = await terminableConnectionId(t);
    await t.control.clearCalls();
    // Held before the operation runs: a client that gives up during the hold leaves no trace.
    await t.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 1_500, times: 1 });

    await terminateThenHangUp(t, { physicalConnectionId: id, clientToken: 'hang-up-1' }, 'hang-up-during-write', async () =>
      ((await t.control.calls()).byAction['TerminatePhysicalConnection'] ?? 0) === 1,
    );

    const [event] = await eventually(async () => {
      const events = await t.control.events();
      return events.length > 0 ? events : undefined;
    }, 'the termination to run upstream');
    expect(event).toMatchObject({ action: 'TerminatePhysicalConnection', resourceId: id, clientToken: 'hang-up-1' });

    const audit = await eventually(() => auditOf(t, 'hang-up-during-write'), 'the audit line');
    expect(audit).toMatchObject({
      outcome: 'OK',
      clientDisconnected: true,
      upstreamRequestId: event?.requestId,
      clientToken: 'hang-up-1',
      writes: [{ method: 'terminatePhysicalConnection', resourceId: id, outcome: 'success', upstreamRequestId: event?.requestId, clientToken: 'hang-up-1' }],
    });
    expect(t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === 'hang-up-during-write')).toHaveLength(1);
    expect((await t.control.events()).length).toBe(1);
    expect(errorLines(t, 'hang-up-during-write')).toEqual([]);
  }, 20_000);

  it('a client that hangs up before the write is sent cancels it: nothing sent, no error logged', async () => {
    const id = await terminableConnectionId(t);
    await t.control.clearCalls();
    // The fresh precondition read is held: the client leaves while the gateway still decides.
    await t.control.addFault({ action: 'DescribePhysicalConnections', type: 'latency', latencyMs: 3_000, times: 1 });

    await terminateThenHangUp(t, { physicalConnectionId: id, clientToken: 'hang-up-2' }, 'hang-up-before-write', async () =>
      ((await t.control.calls()).byAction['DescribePhysicalConnections'] ?? 0) === 1,
    );

    const audit = await eventually(() => auditOf(t, 'hang-up-before-write'), 'the audit line');
    expect(audit).toMatchObject({ outcome: 'UPSTREAM_UNAVAILABLE', clientDisconnected: true, writes: [] });
    expect((await t.control.calls()).byAction['TerminatePhysicalConnection']).toBeUndefined();
    expect(await t.control.events()).toEqual([]);
    expect(errorLines(t, 'hang-up-before-write')).toEqual([]);
  }, 20_000);
});

describe('shutdown with a write in flight whose client has gone', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  /** A gateway whose embedded emulator outlives it, so the test can read its events afterwards. */
  const gatewayKeepingItsEmulator = (env: Record<string, string>) =>
    startTestGateway(env, {
      startEmulator: async (options) => {
        const running = await startEmulator(options);
        tapUpstreamCredentials(running.server);
        emulator = running;
        return { ...running, stop: async () => undefined };
      },
    });

  it('waits for the write (retries included) before closing the pools, and writes its audit line first', async () => {
    const t = await gatewayKeepingItsEmulator({ VPC_RETRY_BASE_DELAY_MS: '50', VPC_RETRY_MAX_DELAY_MS: '50' });
    try {
      const id = await terminableConnectionId(t);
      await t.control.clearCalls();
      // The first attempt is held, then refused with a 503; the retry succeeds. A drain that closed
      // the pools after the first attempt would lose the retry.
      await t.control.addFault({ action: 'TerminatePhysicalConnection', type: 'error', httpStatus: 503, latencyMs: 800, times: 1 });
      await terminateThenHangUp(t, { physicalConnectionId: id, clientToken: 'drain-1' }, 'hang-up-then-shutdown', async () =>
        ((await t.control.calls()).byAction['TerminatePhysicalConnection'] ?? 0) === 1,
      );

      await expect(t.gateway.close()).resolves.toEqual({ forced: false });
      const events = await t.control.events();
      expect(events).toMatchObject([{ action: 'TerminatePhysicalConnection', resourceId: id, clientToken: 'drain-1' }]);
      expect((await t.control.calls()).byAction['TerminatePhysicalConnection']).toBe(2);
      expect(auditOf(t, 'hang-up-then-shutdown')).toMatchObject({
        outcome: 'OK',
        upstreamRequestId: events[0]?.requestId,
        writes: [{ outcome: 'success', clientToken: 'drain-1' }],
      });
      // Everything has settled: the request had one request line, written when its client hung up.
      expect(t.logs.find((l) => l['requestId'] === 'hang-up-then-shutdown' && l.msg === 'request')).toEqual([
        expect.objectContaining({ statusCode: null, clientDisconnected: true, operationName: 'Terminate' }),
      ]);
    } finally {
      await t.close();
    }
  }, 20_000);

  it('out of time: stops the write, and its audit line says cancelled, with the token to retry it with', async () => {
    const t = await gatewayKeepingItsEmulator({ GATEWAY_SHUTDOWN_TIMEOUT_MS: '300', VPC_TOTAL_TIMEOUT_MS: '3000' });
    try {
      const id = await terminableConnectionId(t);
      await t.control.clearCalls();
      await t.control.addFault({ action: 'TerminatePhysicalConnection', type: 'latency', latencyMs: 5_000, times: 1 });
      await terminateThenHangUp(t, { physicalConnectionId: id, clientToken: 'drain-2' }, 'hang-up-then-forced-shutdown', async () =>
        ((await t.control.calls()).byAction['TerminatePhysicalConnection'] ?? 0) === 1,
      );

      await expect(t.gateway.close()).resolves.toEqual({ forced: true });
      expect(auditOf(t, 'hang-up-then-forced-shutdown')).toMatchObject({
        clientDisconnected: true,
        outcome: 'UPSTREAM_UNAVAILABLE',
        clientToken: 'drain-2',
        writes: [{ outcome: 'Request.Cancelled', clientToken: 'drain-2' }],
      });
      // Stopped while the emulator still held it: the termination never ran.
      expect(await t.control.events()).toEqual([]);
    } finally {
      await t.close();
    }
  }, 20_000);
});
