/**
 * Shared pieces of the reliability suites: a whole in-process gateway (the runtime's
 * `startTestGateway`: real Fastify + Apollo, real backend, embedded emulator over real HTTP) with
 * short upstream timeouts so fault paths finish in a few seconds, plus small readers for
 * GraphQL answers and Prometheus counters.
 */
import { startTestGateway, type HttpResult, type TestGateway } from '../server/support';

/**
 * Retry settings of the reliability gateways; the assertions derive their bounds from these.
 * An attempt gets a whole second: a loaded 2-core CI machine can stall a normal emulator answer
 * for a few hundred milliseconds, which would turn an expected upstream code into a timeout.
 */
export const UPSTREAM = {
  totalTimeoutMs: 1_000,
  maxAttempts: 3,
  baseDelayMs: 10,
  maxDelayMs: 40,
  budgetMs: 3_500,
} as const;

/** The longest a logical upstream call may take (docs/datasource.md: `budgetMs + totalMs`). */
export const CALL_DEADLINE_MS = UPSTREAM.budgetMs + UPSTREAM.totalTimeoutMs;

export const FAST_UPSTREAM_ENV: Readonly<Record<string, string>> = {
  VPC_TOTAL_TIMEOUT_MS: String(UPSTREAM.totalTimeoutMs),
  VPC_RETRY_MAX_ATTEMPTS: String(UPSTREAM.maxAttempts),
  VPC_RETRY_BASE_DELAY_MS: String(UPSTREAM.baseDelayMs),
  VPC_RETRY_MAX_DELAY_MS: String(UPSTREAM.maxDelayMs),
  VPC_RETRY_BUDGET_MS: String(UPSTREAM.budgetMs),
  // Terminated circuits stay TERMINATING for the whole suite.
  VPC_EMULATOR_TRANSITION_MS: '600000',
  LOG_LEVEL: 'info',
};

export function startReliabilityGateway(
  env: Record<string, string> = {},
  deps: Parameters<typeof startTestGateway>[1] = {},
): Promise<TestGateway> {
  return startTestGateway({ ...FAST_UPSTREAM_ENV, ...env }, deps);
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string; retryable?: boolean };
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: GraphQLError[] };
  elapsedMs: number;
  raw: HttpResult;
}

export async function gql<T = Record<string, unknown>>(
  t: TestGateway,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const started = performance.now();
  const raw = await t.graphql({ query, ...(variables === undefined ? {} : { variables }) }, headers);
  const elapsedMs = performance.now() - started;
  return { status: raw.status, body: raw.json(), elapsedMs, raw };
}

/** The sum of every sample of `name` whose labels include all of `labels` (0 when none). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelPart = line.startsWith(`${name}{`) ? line.slice(name.length + 1, line.indexOf('}')) : '';
    const present = labelPart === '' ? [] : labelPart.split(/,(?=[a-z_]+=")/);
    if (wanted.every((w) => present.includes(w))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export async function scrape(t: TestGateway): Promise<string> {
  const res = await t.http('GET', '/metrics');
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return res.text;
}

/** The gateway still answers an ordinary query correctly. */
export async function expectServing(t: TestGateway): Promise<void> {
  const res = await gql<{ regions: { regionId: string }[] }>(t, '{ regions { regionId } }');
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.regions.length).toBeGreaterThan(0);
}
