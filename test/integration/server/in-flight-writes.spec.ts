/**
 * A terminate handed to the upstream outlives the HTTP client that asked for it, over real HTTP:
 * the client hangs up while the emulator holds the write, the write still runs (the emulator's
 * `/_emulator/events` has it), and the audit line says what became of it. A client that hangs up
 * before the write is sent cancels the mutation with nothing sent.
 */
import { Agent, request } from 'undici';
import { startTestGateway, terminableConnectionId, type LogLine, type TestGateway } from './support';

const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;

/** Polls `check` until it returns a value (not undefined); fails the test after `timeoutMs`. */
async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
