/**
 * The gateway's Prometheus registry and what feeds it: request hooks (plugins/metrics.ts), the
 * data source's hooks and the Apollo plugin (both below).
 * Invariants: one registry per gateway, never prom-client's global one; a label whose values a
 * client or the upstream chooses keeps at most MAX_LABEL_VALUES of them (the rest is `other`),
 * besides the reserved operation names (operations/*.graphql and `anonymous`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VpcBackendHooks } from '../datasources/options';
import type { JwksFailureReason } from './auth/jwks-loader';
import { BoundedLabel, MAX_LABEL_VALUES } from './bounded-label';
import { BudgetMetrics } from './metrics-budget';
import { packageRoot } from './playground-assets';
import type { RequestState, ServerContext } from './plugins/request-state';

export { BoundedLabel } from './bounded-label';

/** The operation names of operations/*.graphql; none when the directory was not deployed. */
export function shippedOperationNames(dir = join(packageRoot(__dirname), 'operations')): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.graphql'));
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    parse(readFileSync(join(dir, file), 'utf8')).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name !== undefined ? [definition.name.value] : [],
    ),
  );
}

/** The status label of a request whose client hung up before its answer (nginx's "client closed request"). */
const CLIENT_CLOSED_REQUEST = 499;
/** The status label of a request whose connection the shutdown deadline cut (nginx's "connection closed without response"). */
const CLOSED_WITHOUT_RESPONSE = 444;

/** The operation label of a request without an operation name. */
const ANONYMOUS = 'anonymous';

/**
 * What became of a `/graphql` request with GATEWAY_TRUSTED_DOCUMENTS set: `trusted` ran a manifest
 * document; `free_text` named none and was let through (GATEWAY_TRUSTED_DOCUMENTS_ONLY off);
 * `playground` the development playground under _ONLY; refused: `required` (named none under
 * _ONLY), `not_found`, `mismatch` (query text and hash disagree), `invalid` (a malformed hash).
 */
export type TrustedDocumentOutcome = 'trusted' | 'free_text' | 'playground' | 'required' | 'not_found' | 'mismatch' | 'invalid';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class GatewayMetrics {
  readonly registry = new Registry();
  /** The upstream budget and Redis (metrics-budget.ts). */
  readonly budget = new BudgetMetrics(this.registry);
  private readonly operations: BoundedLabel;
  private readonly errorCodes = new BoundedLabel();
  private readonly upstreamOutcomes = new BoundedLabel();
  private readonly actions = new BoundedLabel();

  private readonly requests = new Counter({
    name: 'gateway_graphql_requests_total',
    help: 'GraphQL requests by operation name, operation type and outcome (success, partial, error, rejected, disconnected, cut-by-shutdown).',
    labelNames: ['operation', 'operation_type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'gateway_graphql_request_duration_seconds',
    help: 'GraphQL request duration, arrival to response, by operation name and type.',
    labelNames: ['operation', 'operation_type'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly upstreamCalls = new Counter({
    name: 'gateway_upstream_calls_total',
    help: 'VPC API calls (each attempt) by Action and outcome (success or the error code).',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDurations = new Histogram({
    name: 'gateway_upstream_call_duration_seconds',
    help: 'VPC API call latency (each attempt) by Action.',
    labelNames: ['action'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'VPC API retries by Action and the error code that caused them.',
    labelNames: ['action', 'code'] as const,
    registers: [this.registry],
  });
  private readonly unexpectedValues = new Counter({
    name: 'gateway_upstream_unexpected_values_total',
    help: 'Upstream values the gateway does not know (mapped to null or item dropped), by Action and field.',
    labelNames: ['action', 'field'] as const,
    registers: [this.registry],
  });
  private readonly sharedReads = new Counter({
    name: 'gateway_upstream_reads_shared_total',
    help: 'Reads served without an upstream call of their own, by Action and source (coalesced: joined an identical call in flight; cache: the read cache).',
    labelNames: ['action', 'source'] as const,
    registers: [this.registry],
  });
  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests by route, method and status code (499: the client hung up before its answer; 444: the shutdown cut the connection).',
    labelNames: ['route', 'method', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly clientErrors = new Counter({
    name: 'gateway_http_client_errors_total',
    help: 'Requests answered before any route (not counted above): request receive timeouts (408), oversized headers (431), unparsable HTTP or a URL the router cannot decode (400), by status code.',
    labelNames: ['status_code'] as const,
    registers: [this.registry],
  });
  private readonly inflight = new Gauge({
    name: 'gateway_inflight_requests',
    help: 'HTTP requests being processed.',
    registers: [this.registry],
  });
  private readonly jwksFailures = new Counter({
    name: 'gateway_jwks_fetch_failures_total',
    help: 'Failed fetches of the JWT key set (GATEWAY_JWKS_URL), by reason: timeout, network, http_status, too_large, invalid_json, invalid_key_set.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly trustedDocuments = new Counter({
    name: 'gateway_trusted_documents_total',
    help: 'GraphQL requests by trusted-documents outcome (GATEWAY_TRUSTED_DOCUMENTS set): trusted, free_text (allowed without a hash), playground, and the refusals required, not_found, mismatch, invalid.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly ready = new Gauge({
    name: 'gateway_ready',
    help: '1 when /readyz reports ready, else 0.',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean; reservedOperations?: Iterable<string> } = {}) {
    this.operations = new BoundedLabel(MAX_LABEL_VALUES, [ANONYMOUS, ...(options.reservedOperations ?? [])]);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  setReady(ready: boolean): void {
    this.ready.set(ready ? 1 : 0);
  }

  /** What the data source reports; wired into `createVpcBackend({ hooks })`. */
  backendHooks(): Required<VpcBackendHooks> {
    return {
      onUpstreamCall: (e) => {
        const action = this.actions.value(e.action);
        this.upstreamCalls.inc({ action, outcome: this.upstreamOutcomes.value(e.outcome) });
        this.upstreamDurations.observe({ action }, e.durationMs / 1000);
      },
      onRetry: (e) => {
        this.retries.inc({ action: this.actions.value(e.action), code: this.upstreamOutcomes.value(e.code) });
      },
      onUnexpectedValue: (e) => {
        this.unexpectedValues.inc({ action: this.actions.value(e.action), field: e.field.slice(0, 64) });
      },
      onSharedRead: (e) => {
        this.sharedReads.inc({ action: this.actions.value(e.action), source: e.source });
      },
    };
  }

  countJwksFailure(reason: JwksFailureReason): void {
    this.jwksFailures.inc({ reason });
  }

  countTrustedDocument(outcome: TrustedDocumentOutcome): void {
    this.trustedDocuments.inc({ outcome });
  }

  /** A 408/431/400 answered before any route (server-options.ts): slowloris shows here. */
  countClientError(statusCode: number): void {
    this.clientErrors.inc({ status_code: String(statusCode) });
  }

  countError(code: string): void {
    this.errors.inc({ code: this.errorCodes.value(code) });
  }

  /**
   * Called once per GraphQL HTTP request, whoever answered it (Apollo or the runtime's guards);
   * `statusCode` null: the connection closed first (the client hung up, or the shutdown cut it).
   */
  recordGraphQLRequest(state: RequestState, statusCode: number | null, seconds: number): void {
    const operation = this.operations.value(state.operationName ?? ANONYMOUS);
    const operationType = state.operationType ?? 'unknown';
    let outcome: string;
    if (statusCode === null) outcome = state.cutByShutdown ? 'cut-by-shutdown' : 'disconnected';
    else outcome = statusCode >= 400 || state.outcome === null ? 'rejected' : state.outcome;
    this.requests.inc({ operation, operation_type: operationType, outcome });
    this.durations.observe({ operation, operation_type: operationType }, seconds);
    if (state.rejectedWith !== null) this.countError(state.rejectedWith);
  }

  /** Apollo plugin: operation name/type and the error codes of the formatted response. */
  apolloPlugin(): ApolloServerPlugin<ServerContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ contextValue, operation, operationName }) => {
          contextValue.http.operationName = operationName ?? null;
          contextValue.http.operationType = operation?.operation ?? null;
        },
        willSendResponse: async ({ contextValue, response }) => {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          for (const error of errors ?? []) {
            const code = error.extensions?.['code'];
            this.countError(typeof code === 'string' ? code : 'UNKNOWN');
          }
          contextValue.http.outcome =
            errors === undefined || errors.length === 0 ? 'success' : data === undefined || data === null ? 'error' : 'partial';
        },
      }),
    };
  }

  /** An HTTP request under way, until `requestClosed` (its response closed, finished or not). */
  requestStarted(): void {
    this.inflight.inc();
  }

  requestClosed(): void {
    this.inflight.dec();
  }

  /** `statusCode` null: the connection closed first, counted as nginx logs it (499 the client's doing, 444 the shutdown's). */
  recordHttpRequest(route: string, method: string, statusCode: number | null, cutByShutdown = false): void {
    const unanswered = cutByShutdown ? CLOSED_WITHOUT_RESPONSE : CLIENT_CLOSED_REQUEST;
    this.httpRequests.inc({ route, method, status_code: String(statusCode ?? unanswered) });
  }
}
