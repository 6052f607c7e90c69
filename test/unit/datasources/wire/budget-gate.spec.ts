/**
 * The budget in front of every upstream attempt, over undici's MockAgent: who asks with which
 * priority and deadline, retries asking again, and a refusal or cancellation that sends nothing.
 */
import { createVpcBackend, type BudgetOutcome, type BudgetRequest, type UpstreamBudget, type VpcBackend } from '../../../../src/datasources';
import { UpstreamError } from '../../../../src/datasources/errors';
import { ORIGIN, STATIC_CREDENTIALS, apiError, mockUpstream, type Handler, type MockUpstream } from '../support/mock-upstream';

const NOW = 1_700_000_000_000;
const BUDGET_MS = 5_000;
const EMPTY_PAGE = { status: 200, body: { RequestId: 'R-1', TotalCount: 0, PageNumber: 1, PageSize: 50, PhysicalConnectionSet: { PhysicalConnectionType: [] } } };
const OK_WRITE = { status: 200, body: { RequestId: 'W-1' } };

/** Records every request; answers with `answer` (granted by default). */
class RecordingBudget implements UpstreamBudget {
  readonly requests: BudgetRequest[] = [];
  constructor(private readonly answer: (request: BudgetRequest) => Promise<BudgetOutcome> = async () => 'granted') {}
  acquire(request: BudgetRequest): Promise<BudgetOutcome> {
    this.requests.push(request);
    return this.answer(request);
  }
}

const open: { upstream: MockUpstream; backend: VpcBackend }[] = [];

function harness(handler: Handler, budget: UpstreamBudget): { upstream: MockUpstream; backend: VpcBackend } {
  const upstream = mockUpstream(handler);
  const backend = createVpcBackend({
    endpoint: ORIGIN,
    credentials: STATIC_CREDENTIALS,
    dispatcher: upstream.agent,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, budgetMs: BUDGET_MS },
    random: () => 0.5,
    now: () => NOW,
    budget,
  });
  open.push({ upstream, backend });
  return { upstream, backend };
}

afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.backend.close();
    await h.upstream.close();
  }
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const listCircuits = (backend: VpcBackend, options: { fresh?: boolean; signal?: AbortSignal } = {}) =>
  backend.api.describePhysicalConnections({ regionId: 'cn-hangzhou' }, options);
const terminate = (backend: VpcBackend, signal?: AbortSignal) =>
  backend.api.terminatePhysicalConnection({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-abc123', clientToken: 'tok-1' }, signal ? { signal } : {});

describe('the budget gate', () => {
  it('asks once per attempt, a retry included, with the call\'s region, action and retry deadline', async () => {
    const budget = new RecordingBudget();
    const { upstream, backend } = harness((_req, i) => (i === 0 ? apiError(503, 'ServiceUnavailable') : EMPTY_PAGE), budget);
    await listCircuits(backend);
    expect(upstream.requests).toHaveLength(2);
    expect(budget.requests.map(({ signal: _signal, ...rest }) => rest)).toEqual([
      { regionId: 'cn-hangzhou', action: 'DescribePhysicalConnections', priority: 'shared', deadline: NOW + BUDGET_MS },
      { regionId: 'cn-hangzhou', action: 'DescribePhysicalConnections', priority: 'shared', deadline: NOW + BUDGET_MS },
    ]);
  });

  it('marks writes and fresh reads critical, other reads shared; DescribeRegions has no region', async () => {
    const budget = new RecordingBudget();
    const { backend } = harness((req) => (req.action === 'TerminatePhysicalConnection' ? OK_WRITE : req.action === 'DescribeRegions' ? { status: 200, body: { RequestId: 'R', Regions: { Region: [] } } } : EMPTY_PAGE), budget);
    await listCircuits(backend, { fresh: true });
    await terminate(backend);
    await listCircuits(backend);
    await backend.api.describeRegions();
    expect(budget.requests.map((r) => [r.action, r.regionId, r.priority])).toEqual([
      ['DescribePhysicalConnections', 'cn-hangzhou', 'critical'],
      ['TerminatePhysicalConnection', 'cn-hangzhou', 'critical'],
      ['DescribePhysicalConnections', 'cn-hangzhou', 'shared'],
      ['DescribeRegions', '', 'shared'],
    ]);
  });

  it('a refusal fails the call as throttled without sending anything, and is not retried', async () => {
    const budget = new RecordingBudget(async () => 'exhausted');
    const { upstream, backend } = harness(() => OK_WRITE, budget);
    const error = await failure(terminate(backend));
    expect(error).toMatchObject({
      kind: 'THROTTLED',
      code: 'Gateway.BudgetExhausted',
      httpStatus: 0,
      requestId: null,
      retryable: false,
      clientToken: 'tok-1',
      attempts: 1,
    });
    expect(error.message).toBe('The upstream quota of TerminatePhysicalConnection in cn-hangzhou has no capacity before the call\'s deadline; nothing was sent');
    expect(upstream.requests).toHaveLength(0);
    expect(budget.requests).toHaveLength(1);
  });

  it('a caller that gives up while its write waits for capacity cancels it unsent', async () => {
    const controller = new AbortController();
    const budget = new RecordingBudget(
      (request) => new Promise((resolve) => request.signal?.addEventListener('abort', () => resolve('cancelled'), { once: true })),
    );
    const { upstream, backend } = harness(() => OK_WRITE, budget);
    const pending = failure(terminate(backend, controller.signal));
    await new Promise((resolve) => setImmediate(resolve));
    expect(budget.requests).toHaveLength(1);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'Request.Cancelled', clientToken: 'tok-1' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('budget off: nothing is asked', async () => {
    const upstream = mockUpstream(() => EMPTY_PAGE);
    const backend = createVpcBackend({ endpoint: ORIGIN, credentials: STATIC_CREDENTIALS, dispatcher: upstream.agent, budget: 'off' });
    open.push({ upstream, backend });
    await listCircuits(backend);
    expect(upstream.requests).toHaveLength(1);
  });
});
