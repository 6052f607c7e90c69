/**
 * Issue 7, item 2: 50 concurrent `terminatePhysicalConnection` calls for one circuit, through the
 * gateway's HTTP endpoint. Exactly one upstream state change (the emulator's write log), every
 * answer either the success or a mapped error, and none hangs.
 */
import { Agent, request } from 'undici';
import type { WriteEvent } from '../../../src/emulator';
import { DEMO_IDS } from '../../../src/emulator/domain';
import type { TestGateway } from '../server/support';
import { expectServing, startReliabilityGateway, type GraphQLError } from './support';

const CALLS = 50;
/**
 * Generous attempt deadlines: this suite is about idempotency, and a burst of 50 on a loaded
 * machine (or under --detectOpenHandles) can take longer than the fault suites' one-second attempts.
 */
const UPSTREAM_ENV = { VPC_TOTAL_TIMEOUT_MS: '10000', VPC_RETRY_BUDGET_MS: '10000' };
/** Far beyond what one call may take: fresh reads + the write, each within 10 s + 10 s. */
const HANG_MS = 3 * 20_000 + 5_000;
jest.setTimeout(HANG_MS + 10_000);
const TERMINATE = `mutation Terminate($input: TerminatePhysicalConnectionInput!) {
  terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } }
}`;

interface Payload {
  requestId: string;
  clientToken: string;
  physicalConnection: { id: string; status: string };
}

interface Outcome {
  status: number;
  payload: Payload | null;
  error: GraphQLError | null;
}

describe('50 concurrent terminates of one circuit', () => {
  let t: TestGateway;
  // One socket per call: the 50 requests really are in flight together.
  const agent = new Agent({ connections: CALLS, pipelining: 0 });
  const id = DEMO_IDS.enabledReadyToTerminate[0] ?? '';

  beforeAll(async () => {
    t = await startReliabilityGateway(UPSTREAM_ENV);
  });
  afterAll(async () => {
    await agent.close();
    await t.close();
  });
  beforeEach(() => t.control.reset());

  async function terminate(clientToken: string | undefined): Promise<Outcome> {
    const input = { physicalConnectionId: id, ...(clientToken === undefined ? {} : { clientToken }) };
    const res = await request(`${t.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: TERMINATE, variables: { input } }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const body = (await res.body.json()) as { data?: { terminatePhysicalConnection: Payload } | null; errors?: GraphQLError[] };
    return { status: res.statusCode, payload: body.data?.terminatePhysicalConnection ?? null, error: body.errors?.[0] ?? null };
  }

  async function terminateEvents(): Promise<WriteEvent[]> {
    return (await t.control.events()).filter((e) => e.action === 'TerminatePhysicalConnection');
  }

  function expectEachAnswered(outcomes: readonly Outcome[]): void {
    for (const outcome of outcomes) {
      expect(outcome.status).toBe(200);
      // Exactly one of the two: the payload, or one mapped error.
      expect((outcome.payload === null) !== (outcome.error === null)).toBe(true);
      if (outcome.error !== null) {
        expect(outcome.error.extensions).toMatchObject({ code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: id });
      }
    }
  }

  it('with one shared clientToken: one state change, and all 50 get the same success', async () => {
    const outcomes = await Promise.all(Array.from({ length: CALLS }, () => terminate('burst-shared-token')));

    expectEachAnswered(outcomes);
    const events = await terminateEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ resourceId: id, clientToken: 'burst-shared-token' });
    // The replay rule: every retry of the same intent is the same success, same RequestId.
    expect(outcomes.map((o) => o.payload?.requestId)).toEqual(Array(CALLS).fill(events[0]?.requestId));
    expect(outcomes.every((o) => o.payload?.physicalConnection.status === 'TERMINATING')).toBe(true);
    await expectServing(t);
  });

  it('with shared, distinct and no clientTokens mixed: one state change, one winner, the rest refused', async () => {
    const tokens = Array.from({ length: CALLS }, (_, i) =>
      i % 5 === 0 ? undefined : i % 5 === 1 || i % 5 === 2 ? 'burst-mixed-shared' : `burst-distinct-${i}`,
    );
    const outcomes = await Promise.all(tokens.map((token) => terminate(token)));

    expectEachAnswered(outcomes);
    const events = await terminateEvents();
    expect(events).toHaveLength(1);
    const winner = events[0];
    const successes = outcomes.filter((o) => o.payload !== null);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    // Every success is that one state change (the winner, or a replay of its token).
    for (const success of successes) {
      expect(success.payload?.requestId).toBe(winner?.requestId);
      expect(success.payload?.clientToken).toBe(winner?.clientToken);
    }
    // Calls with a token always reach the upstream (only it knows whose token caused TERMINATING):
    // dozens of terminate requests raced there, and still only one changed anything.
    expect((await t.control.calls()).byAction['TerminatePhysicalConnection']).toBeGreaterThanOrEqual(tokens.filter(Boolean).length);
    // Everyone else was refused: the circuit is no longer ENABLED.
    expect(outcomes.filter((o) => o.error !== null)).toHaveLength(CALLS - successes.length);
    const state = await t.control.state<{ PhysicalConnections: { PhysicalConnectionId: string; Status: string }[] }>();
    expect(state.PhysicalConnections.find((c) => c.PhysicalConnectionId === id)?.Status).toBe('Terminating');
    await expectServing(t);
  });
});
